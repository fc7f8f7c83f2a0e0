package dev.m1go.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits captured output into lines and normalises them before classification:
 * <ul>
 * <li>removes what other tools put in front of lines: the quote marks of a pasted excerpt ({@code > }), CI timestamps ({@code 2024-03-01T12:00:00.1234567Z }), Go's log
 *     timestamps, journald/syslog prefixes ({@code Feb 22 11:30:34 host prog[1234]: }, or {@code prog[1234]: } alone),
 *     kernel ring-buffer times ({@code [18728.457040]: }), BuildKit step prefixes ({@code #26 56.18 }), plain
 *     elapsed-time prefixes ({@code 26.18 }), Compose service prefixes ({@code app-1  | }), the box of goreleaser's
 *     error output ({@code │ }), the line anchors of a copied CI page ({@code [91](https://…#L91)}) and the
 *     {@code name_test.go:12: } of a test's log line, whose indentation {@code go test -v} adds;</li>
 * <li>keeps, of a line overwritten with carriage returns (progress output), what a terminal showed last;</li>
 * <li>splits a Go crash header glued to the end of another line ({@code … 53.4 MH/s  SIGABRT: abort} followed by
 *     {@code PC=…}) onto its own line.</li>
 * </ul>
 * Indentation is kept; each pattern is anchored at the start of the line and has no nested repetition, so
 * normalising is linear in the text. Every line remembers the line of the original text it came from.
 */
final class LogText {

    /** A kind of line prefix, by the name the evidence uses for it. */
    private record Prefix(String name, Pattern pattern) {}

    private static final Prefix GITLAB_ANCHOR =
            new Prefix("CI page line anchors", Pattern.compile("\\[\\d{1,7}]\\(https?://[^)\\s]{1,300}\\)"));
    private static final Prefix QUOTE = new Prefix("quote marks", Pattern.compile("> ?"));
    private static final Prefix ISO_TIME = new Prefix(
            "CI timestamps",
            Pattern.compile(
                    "[ \\t]{0,8}\\[?\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?(?:Z|[+-]\\d\\d:?\\d\\d)?]? "));
    private static final Prefix SYSLOG = new Prefix(
            "journald/syslog prefixes",
            Pattern.compile("[A-Z][a-z]{2} [ \\d]?\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})? [^\\s:\\[]{1,100} "
                    + "[^\\s:\\[]{1,100}(?:\\[\\d{1,10}])?: ?"));
    private static final Prefix HOST_PROGRAM = new Prefix(
            "journald/syslog prefixes",
            Pattern.compile("(?:[^\\s:\\[]{1,100} )?(?!dyld\\[)[A-Za-z_][\\w.-]{0,99}\\[\\d{1,10}]: ?"));
    private static final Prefix DMESG =
            new Prefix("kernel log times", Pattern.compile("\\[ {0,12}\\d{1,12}\\.\\d{1,9}]:? "));
    private static final Prefix GO_LOG_TIME = new Prefix(
            "Go log timestamps", Pattern.compile("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})? "));
    private static final Prefix BUILDKIT =
            new Prefix("BuildKit step prefixes", Pattern.compile("#\\d{1,6} \\d{1,7}\\.\\d{1,4}(?: |$)"));
    private static final Prefix ELAPSED = new Prefix("elapsed-time prefixes", Pattern.compile("\\d{1,7}\\.\\d{2,4} "));
    private static final Prefix COMPOSE =
            new Prefix("Compose service prefixes", Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62} {1,20}\\| "));
    private static final Prefix BOX = new Prefix("goreleaser's error box", Pattern.compile("\\s{0,12}\u2502 ?"));
    private static final Prefix TEST_LOG =
            new Prefix("go test log prefixes", Pattern.compile("\\s{0,40}[\\w.-]{1,100}_test\\.go:\\d{1,6}: "));

    /** In the order tools add them: the outermost first. */
    private static final List<Prefix> PREFIXES = List.of(
            QUOTE,
            GITLAB_ANCHOR,
            ISO_TIME,
            SYSLOG,
            HOST_PROGRAM,
            DMESG,
            GO_LOG_TIME,
            BUILDKIT,
            ELAPSED,
            COMPOSE,
            BOX,
            TEST_LOG);

    private LogText() {}

    /** The lines of {@code text} normalised; never null. */
    static List<String> lines(String text) {
        return normalize(text).lines();
    }

    /** The lines of {@code text} normalised, with where each came from and what was done. */
    static NormalizedLog normalize(String text) {
        List<String> out = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return NormalizedLog.of(out, origin, List.of());
        }
        Map<String, Integer> stripped = new LinkedHashMap<>();
        int overwritten = 0;
        List<Integer> glued = new ArrayList<>();
        List<String> raw = rawLines(text);
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            if (line.indexOf('\r') >= 0) {
                String shown = lastShown(line);
                if (!shown.equals(line.replace("\r", ""))) {
                    overwritten++;
                }
                line = shown;
            }
            out.add(strip(line, stripped));
            origin.add(i);
        }
        int doubled = doubleSpaced(out);
        if (doubled > 0) {
            List<String> kept = new ArrayList<>(out.size());
            List<Integer> keptOrigin = new ArrayList<>(out.size());
            for (int i = 0; i < out.size(); i++) {
                if (!out.get(i).isBlank() || i == 0 || out.get(i - 1).isBlank()) {
                    kept.add(out.get(i));
                    keptOrigin.add(origin.get(i));
                }
            }
            out = kept;
            origin = keptOrigin;
        }
        List<String> split = new ArrayList<>(out.size());
        List<Integer> splitOrigin = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            String line = out.get(i);
            int at = gluedHeader(line, i + 1 < out.size() ? nextNonBlank(out, i + 1) : null);
            if (at > 0) {
                split.add(line.substring(0, at));
                splitOrigin.add(origin.get(i));
                line = line.substring(at);
                glued.add(origin.get(i) + 1);
            }
            split.add(line);
            splitOrigin.add(origin.get(i));
        }
        List<String> notes = new ArrayList<>();
        stripped.forEach(
                (name, count) -> notes.add("removed " + name + " from " + count + " line" + (count == 1 ? "" : "s")));
        if (doubled > 0) {
            notes.add("removed the blank line after each of " + doubled + " lines (a double-spaced paste)");
        }
        if (overwritten > 0) {
            notes.add("kept what a terminal showed last of " + overwritten + " line" + (overwritten == 1 ? "" : "s")
                    + " overwritten with carriage returns");
        }
        for (int line : glued) {
            notes.add("split a crash header glued to the end of line " + line);
        }
        return NormalizedLog.of(split, splitOrigin, notes);
    }

    /**
     * The number of lines followed by a blank line when a paste is double-spaced (at least 6 non-blank lines, every
     * one but the last followed by exactly one blank line), else 0.
     */
    private static int doubleSpaced(List<String> lines) {
        int nonBlank = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            nonBlank++;
            boolean last = true;
            for (int j = i + 1; j < lines.size(); j++) {
                if (!lines.get(j).isBlank()) {
                    last = false;
                    break;
                }
            }
            if (last) {
                break;
            }
            if (i + 2 >= lines.size()
                    || !lines.get(i + 1).isBlank()
                    || lines.get(i + 2).isBlank()) {
                return 0;
            }
        }
        return nonBlank >= 6 ? nonBlank - 1 : 0;
    }

    private static List<String> rawLines(String text) {
        List<String> raw = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            raw.add(text.substring(start, end));
            start = end + 1;
            if (end == n) {
                break;
            }
        }
        return raw;
    }

    /** Of a line overwritten with carriage returns, the last non-blank part (what a terminal showed last). */
    private static String lastShown(String line) {
        String[] parts = line.split("\r", -1);
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank()) {
                return parts[i];
            }
        }
        return "";
    }

    private static String nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < Math.min(lines.size(), from + 3); i++) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).trim();
            }
        }
        return null;
    }

    /**
     * Where a Go crash header begins inside {@code line} after other text, or -1: a signal header
     * ({@code SIGABRT: abort}) whose next line is the runtime's {@code PC=}, {@code signal arrived …} or
     * {@code [signal …]}, or a {@code panic:}/{@code fatal error:} whose next line is {@code [signal …]},
     * {@code goroutine N [...]:} or {@code runtime stack:}.
     */
    static int gluedHeader(String line, String next) {
        if (next == null || line.length() < 6) {
            return -1;
        }
        int lead = 0;
        while (lead < line.length() && Character.isWhitespace(line.charAt(lead))) {
            lead++;
        }
        boolean signalFollows =
                next.startsWith("PC=0x") || next.startsWith("signal arrived during") || next.startsWith("[signal ");
        boolean reportFollows = next.startsWith("[signal ")
                || next.startsWith("runtime stack:")
                || (next.startsWith("goroutine ") && next.endsWith(":"));
        int from = lead + 1;
        while (from < line.length()) {
            int sig = signalFollows ? line.indexOf("SIG", from) : -1;
            int panic = reportFollows ? line.indexOf("panic: ", from) : -1;
            int fatal = reportFollows ? line.indexOf("fatal error: ", from) : -1;
            int at = min(sig, min(panic, fatal));
            if (at < 0) {
                return -1;
            }
            char before = line.charAt(at - 1);
            if (!Character.isLetterOrDigit(before)
                    && before != '_'
                    && before != '('
                    && before != '"'
                    && before != '\''
                    && before != ':') {
                if (at != sig || signalHeader(line.substring(at))) {
                    return at;
                }
            }
            from = at + 1;
        }
        return -1;
    }

    private static int min(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** {@code SIGABRT: abort}: a known signal name, a colon and a lower-case description, nothing else. */
    private static boolean signalHeader(String s) {
        int colon = s.indexOf(": ");
        if (colon < 4 || colon > 12) {
            return false;
        }
        String name = s.substring(0, colon);
        if (Signals.number(Signals.LINUX, name) < 0 && Signals.number(Signals.DARWIN, name) < 0) {
            return false;
        }
        String rest = s.substring(colon + 2).trim();
        return !rest.isEmpty() && rest.length() <= 40 && rest.equals(rest.toLowerCase(Locale.ROOT));
    }

    /** {@code line} without tool prefixes (at most one of each kind, in the order tools add them). */
    static String strip(String line) {
        return strip(line, new LinkedHashMap<>());
    }

    private static String strip(String line, Map<String, Integer> stripped) {
        String s = line;
        for (Prefix p : PREFIXES) {
            String cut = cut(p, s);
            if (cut != s) {
                stripped.merge(p.name(), 1, Integer::sum);
                s = cut;
            }
        }
        return s;
    }

    private static String cut(Prefix prefix, String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        if (prefix == QUOTE && !(c == '>' && (s.length() == 1 || s.charAt(1) == ' '))) {
            return s;
        }
        if (prefix == ISO_TIME && (c == ' ' || c == '\t')) {
            c = s.strip().isEmpty() ? c : s.strip().charAt(0);
        }
        if (prefix != BOX
                && prefix != TEST_LOG
                && prefix != QUOTE
                && !(Character.isDigit(c) || c == '#' || c == '[' || Character.isLetter(c))) {
            return s;
        }
        if (prefix == COMPOSE && s.indexOf(" | ") < 0 && s.indexOf(" |") < 0) {
            return s;
        }
        if (prefix == BOX && s.indexOf('\u2502') < 0
                || prefix == TEST_LOG && s.indexOf("_test.go:") < 0
                || (prefix == HOST_PROGRAM || prefix == SYSLOG) && s.indexOf("]:") < 0 && s.indexOf(": ") < 0) {
            return s;
        }
        Matcher m = prefix.pattern().matcher(s);
        m.region(0, Math.min(s.length(), 400));
        return m.lookingAt() && m.end() > 0 ? s.substring(m.end()) : s;
    }
}
