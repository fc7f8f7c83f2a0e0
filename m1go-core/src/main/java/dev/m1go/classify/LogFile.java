package dev.m1go.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A saved log: optional leading header lines {@code # key: value} that state what the text alone cannot, then the
 * verbatim output. Known keys: {@code source}, {@code expect}, {@code os} ({@code linux}/{@code darwin}),
 * {@code phase} ({@code run}/{@code build}), {@code exit} (exit status), {@code signaled}, {@code timedout},
 * {@code translated} ({@code true}/{@code false}), {@code marker} (the success marker), {@code stdout} (one line of
 * standard output; repeatable), {@code note} and {@code kind} (what a corpus log shows, for its tests). A line that is not such a header ends the header, so a log that
 * starts with {@code # command-line-arguments} keeps that line. The body is taken as standard error.
 *
 * @param headers the header values by key, in file order (repeated keys joined with a newline)
 * @param body    the verbatim text after the header
 */
record LogFile(Map<String, String> headers, String body) {

    private static final Set<String> KEYS = Set.of(
            "source",
            "expect",
            "os",
            "phase",
            "exit",
            "signaled",
            "timedout",
            "translated",
            "marker",
            "stdout",
            "note",
            "kind");

    public LogFile {
        headers = Map.copyOf(headers);
        body = Objects.requireNonNullElse(body, "");
    }

    /** Splits {@code text} into header and body. */
    public static LogFile parse(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        int pos = 0;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            int stop = end < 0 ? text.length() : end;
            String line = text.substring(pos, stop).replace("\r", "");
            String key = headerKey(line);
            if (key == null) {
                break;
            }
            String value = line.substring(line.indexOf(':') + 1).trim();
            headers.merge(key, value, (a, b) -> a + "\n" + b);
            pos = end < 0 ? text.length() : end + 1;
        }
        return new LogFile(new LinkedHashMap<>(headers), text.substring(pos));
    }

    private static String headerKey(String line) {
        if (!line.startsWith("# ")) {
            return null;
        }
        int colon = line.indexOf(':');
        if (colon < 3) {
            return null;
        }
        String key = line.substring(2, colon).trim().toLowerCase(Locale.ROOT);
        return KEYS.contains(key) ? key : null;
    }

    /** The header value for {@code key}, or null. */
    public String header(String key) {
        return headers.get(key);
    }

    /**
     * The evidence this log describes: the body as standard error, the {@code stdout} header lines as standard
     * output, and the process facts the header states.
     *
     * <p>Without a {@code phase} header the text decides ({@link BuildLogPhase}): a pasted build or link log gets the
     * build-phase rules.
     *
     * @param os the operating system to use (the caller decides between the header, an override and a guess)
     */
    public Evidence toEvidence(String os) {
        Phase phase = header("phase") == null
                ? BuildLogPhase.of(body, os)
                : "build".equalsIgnoreCase(header("phase")) ? Phase.BUILD : Phase.RUN;
        String stdout = header("stdout") == null ? "" : header("stdout") + "\n";
        return new Evidence(
                phase,
                os,
                integer(header("exit")),
                bool(header("signaled")),
                Boolean.TRUE.equals(bool(header("timedout"))),
                Boolean.TRUE.equals(bool(header("translated"))),
                stdout,
                body,
                header("marker"));
    }

    private static Integer integer(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(String v) {
        return v == null ? null : Boolean.valueOf(v.trim());
    }

    /** The header keys this format knows, for documentation and tests. */
    public static List<String> keys() {
        List<String> k = new ArrayList<>(KEYS);
        k.sort(null);
        return k;
    }
}
