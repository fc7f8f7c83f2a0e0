package dev.m1go.module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.core.Mappers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON events {@code go tool test2json} writes (one object per line: {@code Action}, {@code Test},
 * {@code Elapsed}, {@code Output}) into one entry per test, in the order the tests started. A test that started but
 * has no {@code pass}, {@code fail} or {@code skip} was running when the binary died.
 *
 * <p>The events are read as a stream, line by line, and what is kept is bounded whatever the binary printed, like a
 * run's own output: each test keeps the first {@value #HEAD_CHARS} and the last {@value #TAIL_CHARS} characters of its
 * output, with a marker saying how many were left out between them; the tests of one binary keep at most
 * {@value #BUDGET_CHARS} characters together (past that, the output of tests that already ended is dropped, of passed
 * and skipped ones first, each with a marker); at most {@value #MAX_TESTS} tests are listed; a line over
 * {@value #MAX_LINE_BYTES} bytes (test2json splits long output into shorter events) is skipped unread. What was left
 * out is counted and {@link Events#note()} says so. The full text stays in the run's log files.
 */
public final class GoTestEvents {

    /** The first characters of a test's output that are kept. */
    public static final int HEAD_CHARS = 2_000;
    /** The last characters of a test's output that are kept. */
    public static final int TAIL_CHARS = 4_000;
    /** The characters of output all tests of one binary keep together. */
    public static final int BUDGET_CHARS = 4 << 20;
    /** The tests one binary lists. */
    public static final int MAX_TESTS = 100_000;
    /** The longest line read as an event. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private static final ObjectMapper JSON = Mappers.json();

    /** One test as the events describe it. */
    public record Test(String name, String action, double elapsedSeconds, String output) {
        public boolean finished() {
            return action.equals("pass") || action.equals("fail") || action.equals("skip");
        }
    }

    /**
     * The tests of one binary, and what the reading left out.
     *
     * @param testsLeftOut tests that started after {@value #MAX_TESTS} others and are not listed
     * @param linesLeftOut lines over {@value #MAX_LINE_BYTES} bytes, skipped
     */
    public record Events(List<Test> tests, long testsLeftOut, long linesLeftOut) {
        public Events {
            tests = List.copyOf(tests);
        }

        /** What was left out, for the cell's summary; {@code null} when nothing was. */
        public String note() {
            List<String> parts = new ArrayList<>();
            if (testsLeftOut > 0) {
                parts.add(testsLeftOut + " more test" + (testsLeftOut == 1 ? "" : "s") + " not listed (m1go lists "
                        + MAX_TESTS + " per binary)");
            }
            if (linesLeftOut > 0) {
                parts.add(linesLeftOut + " line" + (linesLeftOut == 1 ? "" : "s") + " of the test events longer than "
                        + (MAX_LINE_BYTES >> 20) + " MiB left out");
            }
            return parts.isEmpty() ? null : String.join("; ", parts) + " (see the log file)";
        }
    }

    /** The test's own result line; the time as Go prints it ({@code %.2f}), of at most 12 digits before the point. */
    /** The line {@code -test.v} prints before running a benchmark: its name alone. */
    private static final java.util.regex.Pattern BENCHMARK_NAME =
            java.util.regex.Pattern.compile("(Benchmark[^\\s]*)\\r?\\n?");
    /** What a test binary prints before its first benchmark. */
    private static final java.util.regex.Pattern BENCHMARK_HEADER =
            java.util.regex.Pattern.compile("(goos|goarch|pkg|cpu): [^\\n]*\\r?\\n?");

    private static final int HELD_CHARS = 16_000;
    private static final java.util.regex.Pattern RESULT_LINE =
            java.util.regex.Pattern.compile("--- (?:PASS|FAIL|SKIP): \\S+ \\(([0-9]{1,12}(?:\\.[0-9]{1,9})?)s\\)");

    private GoTestEvents() {}

    /** The time of the test's own {@code --- PASS: TestX (0.17s)} line, for events that carry no Elapsed. */
    private static double resultLineSeconds(String output) {
        java.util.regex.Matcher m = RESULT_LINE.matcher(output);
        double seconds = 0;
        while (m.find()) {
            seconds = Double.parseDouble(m.group(1));
        }
        return seconds;
    }

    /** Every test in {@code events}; lines that are not JSON objects (a truncated last line) are ignored. */
    public static List<Test> parse(String events) {
        try {
            return read(new ByteArrayInputStream(events.getBytes(StandardCharsets.UTF_8)))
                    .tests();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    /** The tests in the events file {@code file}, read as a stream. */
    public static Events read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** The tests in {@code in}, read as a stream; lines that are not JSON objects are ignored. */
    public static Events read(InputStream in) throws IOException {
        Reading r = new Reading();
        Lines lines = new Lines(in);
        while (lines.next()) {
            r.line(lines.buffer, lines.length);
        }
        return r.done(lines.skipped);
    }

    /** The lines of a stream, each at most {@value #MAX_LINE_BYTES} bytes; longer ones are skipped and counted. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int chunkAt;
        private int chunkEnd;
        private byte[] buffer = new byte[8192];
        private int length;
        private long skipped;

        Lines(InputStream in) {
            this.in = in;
        }

        /** Reads the next line (without its newline) into {@link #buffer}; {@code false} at the end. */
        boolean next() throws IOException {
            length = 0;
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (chunkAt == chunkEnd) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        if (tooLong) {
                            skipped++;
                            length = 0;
                        }
                        return any && !tooLong;
                    }
                    chunkAt = 0;
                    chunkEnd = n;
                    continue;
                }
                any = true;
                int from = chunkAt;
                int nl = from;
                while (nl < chunkEnd && chunk[nl] != '\n') {
                    nl++;
                }
                chunkAt = nl < chunkEnd ? nl + 1 : nl;
                if (!tooLong) {
                    int n = nl - from;
                    if (length + n > MAX_LINE_BYTES) {
                        tooLong = true;
                        length = 0;
                    } else {
                        if (length + n > buffer.length) {
                            buffer = Arrays.copyOf(
                                    buffer, Math.min(MAX_LINE_BYTES, Math.max(buffer.length * 2, length + n)));
                        }
                        System.arraycopy(chunk, from, buffer, length, n);
                        length += n;
                    }
                }
                if (nl < chunkEnd) {
                    if (tooLong) {
                        skipped++;
                        tooLong = false;
                        length = 0;
                        continue;
                    }
                    return true;
                }
            }
        }
    }

    /** One test's output: its head, its tail, and how much was left out between them. */
    private static final class Output {
        private final StringBuilder head = new StringBuilder();
        private StringBuilder tail = new StringBuilder();
        private long omitted;
        private boolean dropped;

        /** Appends {@code s}; returns the change in characters kept. */
        int append(String s) {
            if (dropped) {
                omitted += s.length();
                return 0;
            }
            int before = size();
            int toHead = Math.min(s.length(), HEAD_CHARS - head.length());
            head.append(s, 0, toHead);
            if (toHead < s.length()) {
                tail.append(s, toHead, s.length());
                if (tail.length() > 2 * TAIL_CHARS) {
                    int cut = tail.length() - TAIL_CHARS;
                    omitted += cut;
                    tail.delete(0, cut);
                }
            }
            return size() - before;
        }

        int size() {
            return head.length() + tail.length();
        }

        /** Drops what is kept; returns the characters freed. */
        int drop() {
            int freed = size();
            omitted += freed;
            head.setLength(0);
            head.trimToSize();
            tail = new StringBuilder();
            dropped = true;
            return freed;
        }

        String text() {
            if (dropped) {
                return "[m1go: output dropped (" + omitted + " characters): the tests of this binary printed more than "
                        + "m1go keeps in memory; the full text is in the log file]\n";
            }
            long cut = omitted + Math.max(0, tail.length() - TAIL_CHARS);
            String last = tail.length() > TAIL_CHARS ? tail.substring(tail.length() - TAIL_CHARS) : tail.toString();
            return cut == 0
                    ? head + last
                    : head + "\n[m1go: " + cut + " characters of this test's output omitted "
                            + "here; the full text is in the log file]\n" + last;
        }
    }

    /** The state of one reading. */
    private static final class Reading {
        private final Map<String, String> action = new LinkedHashMap<>();
        private final Map<String, Double> elapsed = new LinkedHashMap<>();
        private final Map<String, Output> output = new LinkedHashMap<>();
        /** Tests that ended, in that order, whose output may be dropped: passed and skipped ones, then failed ones. */
        private final ArrayDeque<Output> endedQuietly = new ArrayDeque<>();

        private final ArrayDeque<Output> endedFailing = new ArrayDeque<>();
        private long kept;
        private long testsLeftOut;
        /**
         * A test binary run with {@code -test.v} names each benchmark on a line of its own before running it, but
         * test2json, reading it without go test's markers, gives that line and the benchmark's log lines to the test
         * that ran last ({@code zstd_ctx_test.go:197: PAYLOAD env was not set} became a skipped test's reason). From
         * such a line on, output of tests other than benchmarks is held for the benchmark, and becomes its output when
         * an event of that benchmark comes (a failing one's {@code --- FAIL}); a benchmark that passes has no event, and
         * its held lines (its results) go to no test. The header ({@code goos:}, {@code pkg:}, …) goes to no test.
         */
        private String benchmark;

        private final StringBuilder held = new StringBuilder();

        void line(byte[] buffer, int length) {
            int start = 0;
            while (start < length && (buffer[start] == ' ' || buffer[start] == '\t' || buffer[start] == '\r')) {
                start++;
            }
            if (start == length || buffer[start] != '{') {
                return;
            }
            JsonNode e;
            try {
                e = JSON.readTree(buffer, start, length - start);
            } catch (IOException ex) {
                return;
            }
            if (e == null) {
                return;
            }
            String test = e.path("Test").asText("");
            if (test.isEmpty()) {
                return;
            }
            String a = e.path("Action").asText("");
            if (a.equals("output") && !test.startsWith("Benchmark")) {
                String text = e.path("Output").asText("");
                java.util.regex.Matcher named = BENCHMARK_NAME.matcher(text);
                if (named.matches()) {
                    benchmark = named.group(1);
                    held.setLength(0);
                }
                if (benchmark != null) {
                    if (held.length() < HELD_CHARS) {
                        held.append(text, 0, Math.min(text.length(), HELD_CHARS - held.length()));
                    }
                    return;
                }
                if (BENCHMARK_HEADER.matcher(text).matches()) {
                    return;
                }
            }
            if (benchmark != null && test.equals(benchmark)) {
                if (held.length() > 0 && (action.containsKey(test) || action.size() < MAX_TESTS)) {
                    action.putIfAbsent(test, "run");
                    kept += output.computeIfAbsent(test, k -> new Output()).append(held.toString());
                }
                held.setLength(0);
                benchmark = null;
            }
            if (!action.containsKey(test)) {
                if (!a.equals("run")
                        && !a.equals("output")
                        && !a.equals("pass")
                        && !a.equals("fail")
                        && !a.equals("skip")) {
                    return;
                }
                if (action.size() >= MAX_TESTS) {
                    if (a.equals("run")) {
                        testsLeftOut++;
                    }
                    return;
                }
            }
            switch (a) {
                case "run" -> action.putIfAbsent(test, "run");
                case "pass", "fail", "skip" -> {
                    action.put(test, a);
                    double seconds = e.path("Elapsed").asDouble(0);
                    elapsed.put(test, Double.isFinite(seconds) ? seconds : 0); // 1e400 is no time
                    Output o = output.get(test);
                    if (o != null) {
                        (a.equals("fail") ? endedFailing : endedQuietly).add(o);
                    }
                }
                case "output" -> {
                    action.putIfAbsent(test, "run");
                    kept += output.computeIfAbsent(test, k -> new Output())
                            .append(e.path("Output").asText(""));
                    while (kept > BUDGET_CHARS && !(endedQuietly.isEmpty() && endedFailing.isEmpty())) {
                        kept -= (endedQuietly.isEmpty() ? endedFailing : endedQuietly)
                                .poll()
                                .drop();
                    }
                }
                default -> {}
            }
        }

        Events done(long linesLeftOut) {
            List<Test> tests = new ArrayList<>();
            action.forEach((name, a) -> {
                Output o = output.get(name);
                String text = o == null ? "" : o.text();
                double seconds = elapsed.getOrDefault(name, 0.0);
                tests.add(new Test(name, a, seconds > 0 ? seconds : resultLineSeconds(text), text));
            });
            return new Events(tests, testsLeftOut, linesLeftOut);
        }
    }
}
