package dev.m1go.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits captured output into lines and removes what other tools put in front of them: BuildKit step prefixes
 * ({@code #26 56.18 }), plain elapsed-time prefixes ({@code 26.18 }), ISO and Go-log timestamps, Compose service
 * prefixes ({@code app-1  | }) and carriage returns. Indentation is kept; each pattern is anchored at the start of
 * the line and has no nested repetition, so splitting is linear in the text.
 */
final class LogText {

    private static final Pattern BUILDKIT = Pattern.compile("#\\d{1,6} \\d{1,7}\\.\\d{1,4} ?");
    private static final Pattern ELAPSED = Pattern.compile("\\d{1,7}\\.\\d{2,4} ");
    private static final Pattern ISO_TIME = Pattern.compile(
            "\\[?\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?(?:Z|[+-]\\d\\d:?\\d\\d)?]? ");
    private static final Pattern GO_LOG_TIME = Pattern.compile(
            "\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})? ");
    private static final Pattern COMPOSE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62} {1,20}\\| ");

    private LogText() {
    }

    /** The lines of {@code text} with prefixes removed; never null. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            out.add(strip(text.substring(start, stop)));
            start = end + 1;
            if (end == n) {
                break;
            }
        }
        return out;
    }

    /** {@code line} without tool prefixes (at most one of each kind, in the order tools add them). */
    static String strip(String line) {
        String s = line;
        s = cut(ISO_TIME, s);
        s = cut(GO_LOG_TIME, s);
        s = cut(BUILDKIT, s);
        s = cut(ELAPSED, s);
        s = cut(COMPOSE, s);
        return s;
    }

    private static String cut(Pattern p, String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '#' || s.charAt(0) == '['
                || Character.isLetter(s.charAt(0)))) {
            return s;
        }
        if (p == COMPOSE && s.indexOf(" | ") < 0 && s.indexOf(" |") < 0) {
            return s;
        }
        Matcher m = p.matcher(s);
        m.region(0, Math.min(s.length(), 120));
        return m.lookingAt() ? s.substring(m.end()) : s;
    }
}
