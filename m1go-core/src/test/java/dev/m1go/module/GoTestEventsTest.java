package dev.m1go.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoTestEventsTest {

    @Test
    void parse_givesEachTestItsLastAction_outputAndElapsed_inStartOrder() {
        String events = """
                {"Action":"start","Package":"example.com/m"}
                {"Action":"run","Package":"example.com/m","Test":"TestA"}
                {"Action":"output","Package":"example.com/m","Test":"TestA","Output":"=== RUN   TestA\\n"}
                {"Action":"output","Package":"example.com/m","Test":"TestA","Output":"    a_test.go:9: sum = 7\\n"}
                {"Action":"fail","Package":"example.com/m","Test":"TestA","Elapsed":0.25}
                {"Action":"run","Package":"example.com/m","Test":"TestB"}
                {"Action":"skip","Package":"example.com/m","Test":"TestB","Elapsed":0}
                {"Action":"run","Package":"example.com/m","Test":"TestC"}
                {"Action":"output","Package":"example.com/m","Test":"TestC","Output":"SIGSEGV: segmentation violation\\n"}
                {"Action":"fail","Package":"example.com/m","Elapsed":0.3}
                {"Action":"outp""";
        List<GoTestEvents.Test> tests = GoTestEvents.parse(events);
        assertThat(tests).extracting(GoTestEvents.Test::name).containsExactly("TestA", "TestB", "TestC");
        assertThat(tests.get(0).action()).isEqualTo("fail");
        assertThat(tests.get(0).elapsedSeconds()).isEqualTo(0.25);
        assertThat(tests.get(0).output()).contains("sum = 7");
        assertThat(tests.get(1).action()).isEqualTo("skip");
        assertThat(tests.get(2).finished()).isFalse();
    }

    @Test
    void elapsed_fromTheResultLine_whenTheEventCarriesNone() {
        List<GoTestEvents.Test> tests = GoTestEvents.parse("""
                {"Action":"run","Test":"TestHash"}
                {"Action":"output","Test":"TestHash","Output":"--- PASS: TestHash (0.17s)\\n"}
                {"Action":"pass","Test":"TestHash"}
                """);
        assertThat(tests.get(0).elapsedSeconds()).isEqualTo(0.17);
    }

    /**
     * test2json's events of a binary whose TestFlood prints {@code bytes} of output (4 KiB per event, as test2json
     * splits long lines), then a crash; made as they are read, never held whole.
     */
    private static InputStream flood(long bytes) {
        byte[] head = """
                {"Action":"run","Test":"TestQuiet"}
                {"Action":"output","Test":"TestQuiet","Output":"--- PASS: TestQuiet (0.01s)\\n"}
                {"Action":"pass","Test":"TestQuiet","Elapsed":0.01}
                {"Action":"run","Test":"TestFlood"}
                {"Action":"output","Test":"TestFlood","Output":"FIRST LINE\\n"}
                """.getBytes(StandardCharsets.UTF_8);
        byte[] line = ("{\"Action\":\"output\",\"Test\":\"TestFlood\",\"Output\":\"" + "x".repeat(4094) + "\\n\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = """
                {"Action":"output","Test":"TestFlood","Output":"SIGSEGV: segmentation violation\\n"}
                """.getBytes(StandardCharsets.UTF_8);
        long lines = bytes / 4096;
        return new InputStream() {
            private long line_ = -1;
            private byte[] current = head;
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                while (at == current.length) {
                    if (current == tail) {
                        return -1;
                    }
                    line_++;
                    current = line_ < lines ? line : tail;
                    at = 0;
                }
                int n = Math.min(len, current.length - at);
                System.arraycopy(current, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    @Test
    void read_ofATestPrinting300MiB_streams_andKeepsHeadAndTailOfItsOutput_sayingItWasCut() throws Exception {
        GoTestEvents.Events events = GoTestEvents.read(flood(300L << 20));
        assertThat(events.tests()).extracting(GoTestEvents.Test::name).containsExactly("TestQuiet", "TestFlood");
        GoTestEvents.Test flood = events.tests().get(1);
        assertThat(flood.finished()).isFalse();
        assertThat(flood.output())
                .startsWith("FIRST LINE\n")
                .endsWith("SIGSEGV: segmentation violation\n")
                .contains("characters of this test's output omitted here; the full text is in the log file]")
                .hasSizeLessThan(GoTestEvents.HEAD_CHARS + GoTestEvents.TAIL_CHARS + 200);
        assertThat(events.tests().get(0).output()).isEqualTo("--- PASS: TestQuiet (0.01s)\n");
        assertThat(events.note()).isNull();
    }

    @Test
    void read_aLineLongerThanAnyEvent_isLeftOut_andSaidSo() throws Exception {
        String huge = "{\"Action\":\"output\",\"Test\":\"TestA\",\"Output\":\""
                + "y".repeat(GoTestEvents.MAX_LINE_BYTES) + "\"}\n";
        GoTestEvents.Events events = GoTestEvents.read(
                new java.io.ByteArrayInputStream(("""
                {"Action":"run","Test":"TestA"}
                """ + huge + """
                {"Action":"pass","Test":"TestA","Elapsed":0.5}
                """).getBytes(StandardCharsets.UTF_8)));
        assertThat(events.tests()).singleElement().satisfies(t -> {
            assertThat(t.action()).isEqualTo("pass");
            assertThat(t.output()).isEmpty();
        });
        assertThat(events.note()).isEqualTo("1 line of the test events longer than 1 MiB left out (see the log file)");
    }

    @Test
    void read_manyTestsWithOutput_keepsTheTotalBounded_droppingPassedTestsOutputFirst() throws Exception {
        StringBuilder sb = new StringBuilder();
        String chunk = "z".repeat(1000);
        int tests = 3 * GoTestEvents.BUDGET_CHARS / (GoTestEvents.HEAD_CHARS + GoTestEvents.TAIL_CHARS);
        for (int i = 0; i < tests; i++) {
            sb.append("{\"Action\":\"run\",\"Test\":\"T").append(i).append("\"}\n");
            for (int k = 0; k < 6; k++) {
                sb.append("{\"Action\":\"output\",\"Test\":\"T")
                        .append(i)
                        .append("\",\"Output\":\"")
                        .append(chunk)
                        .append("\"}\n");
            }
            sb.append("{\"Action\":\"")
                    .append(i == 1 ? "fail" : "pass")
                    .append("\",\"Test\":\"T")
                    .append(i)
                    .append("\"}\n");
        }
        GoTestEvents.Events events =
                GoTestEvents.read(new java.io.ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(events.tests()).hasSize(tests);
        long kept = events.tests().stream().mapToLong(t -> t.output().length()).sum();
        assertThat(kept).isLessThan(GoTestEvents.BUDGET_CHARS + 200L * tests);
        assertThat(events.tests().get(0).output()).startsWith("[m1go: output dropped");
        assertThat(events.tests().get(1).output())
                .as("a failed test's output is dropped last")
                .startsWith("zzz");
        assertThat(events.tests().get(tests - 1).output()).startsWith("zzz");
    }

    /**
     * Real events: go1.26.8's test2json over the {@code -test.v} output of DataDog/zstd v1.5.7's test binary with
     * {@code -test.bench=^BenchmarkCtxCompression$} and no PAYLOAD. test2json gave the benchmark's name and log line to
     * the skipped test before it; they are the failing benchmark's, and the header lines are no test's.
     */
    @Test
    void aFailingBenchmarksLogLine_isItsOwn_notTheTestThatRanBefore() {
        String events = """
                {"Action":"pass","Package":"github.com/DataDog/zstd","Test":"TestEmptySliceCompress"}
                {"Action":"run","Package":"github.com/DataDog/zstd","Test":"TestRealPayload"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Test":"TestRealPayload","Output":"=== RUN   TestRealPayload\\n"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Test":"TestRealPayload","Output":"    zstd_test.go:279: PAYLOAD env was not set\\n"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Test":"TestRealPayload","Output":"--- SKIP: TestRealPayload (0.00s)\\n"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Test":"TestRealPayload","Output":"goos: linux\\n"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Test":"TestRealPayload","Output":"goarch: amd64\\n"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Test":"TestRealPayload","Output":"pkg: github.com/DataDog/zstd\\n"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Test":"TestRealPayload","Output":"cpu: AMD EPYC\\n"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Test":"TestRealPayload","Output":"BenchmarkCtxCompression\\n"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Test":"TestRealPayload","Output":"    zstd_ctx_test.go:197: PAYLOAD env was not set\\n"}
                {"Action":"skip","Package":"github.com/DataDog/zstd","Test":"TestRealPayload"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Test":"BenchmarkCtxCompression","Output":"--- FAIL: BenchmarkCtxCompression\\n"}
                {"Action":"fail","Package":"github.com/DataDog/zstd","Test":"BenchmarkCtxCompression"}
                {"Action":"output","Package":"github.com/DataDog/zstd","Output":"FAIL\\n"}
                {"Action":"fail","Package":"github.com/DataDog/zstd"}
                """;
        List<GoTestEvents.Test> tests = GoTestEvents.parse(events);
        GoTestEvents.Test skipped = tests.stream()
                .filter(t -> t.name().equals("TestRealPayload"))
                .findFirst()
                .orElseThrow();
        GoTestEvents.Test bench = tests.stream()
                .filter(t -> t.name().equals("BenchmarkCtxCompression"))
                .findFirst()
                .orElseThrow();
        assertThat(skipped.action()).isEqualTo("skip");
        assertThat(skipped.output())
                .contains("zstd_test.go:279: PAYLOAD env was not set")
                .doesNotContain("197")
                .doesNotContain("goos:")
                .doesNotContain("Benchmark");
        assertThat(bench.action()).isEqualTo("fail");
        assertThat(bench.output())
                .isEqualTo("BenchmarkCtxCompression\n    zstd_ctx_test.go:197: PAYLOAD env was not "
                        + "set\n--- FAIL: BenchmarkCtxCompression\n");
    }
}
