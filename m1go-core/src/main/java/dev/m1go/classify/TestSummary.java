package dev.m1go.classify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code go test}'s own summary lines ({@code PASS}, {@code ok  example.com/pkg 3.343s}, {@code --- FAIL:},
 * {@code FAIL example.com/pkg 0.01s}) and says, for a log nothing decides, what it holds.
 */
final class TestSummary {

    private static final Pattern OK = Pattern.compile("ok\\s+\\S+\\s+(?:\\d+(?:\\.\\d+)?s|\\(cached\\))(?:\\s.*)?");
    private static final Pattern FAIL_PACKAGE = Pattern.compile("FAIL\\s+\\S+\\s+(?:\\d+(?:\\.\\d+)?s|\\[.+])");

    private TestSummary() {}

    /**
     * The index of the line that says the tests passed (the last {@code ok  pkg time}, else a {@code PASS} line),
     * or -1 when there is none or any line says a test failed.
     */
    static int passLine(List<String> lines) {
        int pass = -1;
        int ok = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (isFail(t)) {
                return -1;
            }
            if (OK.matcher(t).matches()) {
                ok = i;
            } else if (t.equals("PASS")) {
                pass = i;
            }
        }
        return ok >= 0 ? ok : pass;
    }

    /** The index of the first line that says a test or package failed, or -1. */
    static int failLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (isFail(lines.get(i).trim())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isFail(String t) {
        return t.equals("FAIL")
                || t.startsWith("--- FAIL: ")
                || FAIL_PACKAGE.matcher(t).matches();
    }

    /** What a log that decides nothing holds, as a phrase. */
    static String describe(List<String> lines, GoCrashReport report) {
        boolean goroutine = false;
        boolean frames = false;
        String exit = null;
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("goroutine ") && t.endsWith(":")) {
                goroutine = true;
            } else if (GoCrashReport.frameName(t) != null && t.contains(".")) {
                frames = true;
            } else if (exit == null && t.startsWith("exit status ")) {
                exit = t;
            }
        }
        if (report.present()) {
            return "runtime messages (" + report.header().get(0) + ") but no panic, throw or signal header";
        }
        if (goroutine) {
            return "goroutine tracebacks without the crash header above them (a fragment of a crash report?)";
        }
        if (frames) {
            return "Go stack frames without a goroutine header or crash header (a fragment)";
        }
        if (exit != null) {
            return "the line '" + exit + "' but no crash report, shell report or compiler message";
        }
        return lines.stream().anyMatch(l -> !l.isBlank())
                ? "program output with no crash, link or shell report"
                : "an empty text";
    }
}
