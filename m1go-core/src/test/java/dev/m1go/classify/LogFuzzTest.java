package dev.m1go.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Crash-log reading on real logs and on whatever a coverage-guided fuzzer makes of them: the header, the
 * normalisation of pasted text (prefixes, double spacing, carriage returns, glued lines), Go tracebacks, gccgo,
 * Apple crash reports (text and {@code .ips}), Windows exception reports, shells' and linkers' messages. Every text
 * is a reading with an outcome, for either OS or a guessed one, in bounded time: nothing thrown, and no more than
 * {@value #CPU_SECONDS} seconds of CPU for one of these inputs.
 *
 * <p>In every build the inputs under {@code LogFuzzTestInputs/} run as regression tests of both methods (logs from the
 * corpus of real logs), and those under {@code LogFuzzTestInputs/<method>/} of one: each input a fuzzing run once
 * found wrong. {@code scripts/fuzz.sh} fuzzes each method.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogFuzzTest {

    private static final int CPU_SECONDS = 2;

    /** The values of {@code os}: unset (guessed from the text), darwin, linux. */
    private static final List<String> OS = Arrays.asList(null, Signals.DARWIN, Signals.LINUX);
    /**
     * Under the fuzzer each input is read for one {@code os}, chosen by its length, for three times the executions; as
     * a regression test, for every one.
     */
    private static final boolean FUZZING =
            !System.getenv().getOrDefault("JAZZER_FUZZ", "").isEmpty();

    private final LogClassification logic = new LogClassification(new GoCrashClassifier(), Signals.LINUX);

    /**
     * {@code m1go:classify} on one log read from a stream: with {@code os} unset, darwin and linux (under the fuzzer,
     * one of them). The first time a path runs, its classes load on this thread (and, under the fuzzer, are
     * instrumented): an input over the CPU time allowed is read once more, and that second reading counts. The
     * dictionary holds the words of Go's tracebacks the readers look for, for the fuzzer to splice in.
     */
    @DictionaryEntries({
        "goroutine ",
        " [running]:",
        " [syscall]:",
        "\tcreated by ",
        "[signal ",
        " pc=0x",
        " +0x",
        " fp=0x",
        " sp=0x",
        "PC=0x",
        " addr=0x",
        "signal arrived during cgo execution",
        "runtime.cgocall(",
        "fatal error: ",
        "panic: ",
        "SIGSEGV: segmentation violation",
        "SIGILL: illegal instruction",
        "Exception Type:",
        "Thread 0 Crashed::",
        "\"exception\" : {",
        "Exception 0x",
        "# os: ",
        "# exit: ",
        "--- FAIL: ",
        "--- PASS: ",
        "qemu: uncaught target signal",
        "rosetta error: "
    })
    @FuzzTest(maxDuration = "15s")
    void reading(byte[] data) throws IOException {
        if (cpuNanosOf(data) >= TimeUnit.SECONDS.toNanos(CPU_SECONDS)) {
            assertThat(cpuNanosOf(data))
                    .as("CPU time for a %d-byte log", data.length)
                    .isLessThan(TimeUnit.SECONDS.toNanos(CPU_SECONDS));
        }
    }

    /**
     * The readers of Go tracebacks (gc, gccgo, Windows exceptions) and Apple crash reports (text, {@code .ips}) alone,
     * on the lines as they are: many times the executions of {@link #reading} for the fuzzer, on the same inputs.
     */
    @DictionaryEntries({
        "goroutine ",
        " [running]:",
        " [syscall]:",
        "\tcreated by ",
        "[signal ",
        " pc=0x",
        " +0x",
        " fp=0x",
        " sp=0x",
        "PC=0x",
        " addr=0x",
        "signal arrived during cgo execution",
        "runtime.cgocall(",
        "fatal error: ",
        "panic: ",
        "SIGSEGV: segmentation violation",
        "Exception Type:",
        "Thread 0 Crashed::",
        "\"exception\" : {",
        "Exception 0x"
    })
    @FuzzTest(maxDuration = "15s")
    void tracebacks(byte[] data) {
        List<String> lines = List.of(new String(data, StandardCharsets.UTF_8).split("\n", -1));
        GoCrashReport report = GoCrashReport.parse(lines, data.length % 2 == 0 ? Signals.LINUX : Signals.DARWIN);
        assertThat(report.framePcs()).isNotNull();
        AppleCrashReport.read(lines);
    }

    private long cpuNanosOf(byte[] data) throws IOException {
        long before = cpuNanos();
        String text = LogClassification.read(new ByteArrayInputStream(data), "fuzz.log", "fuzz.log");
        for (String os : FUZZING ? Arrays.asList(OS.get(data.length % OS.size())) : OS) {
            Reading r = logic.reading(text, os);
            assertThat(r.classification().outcome()).isNotNull();
            assertThat(LogClassification.jsonLine("fuzz.log", r)).startsWith("{\"file\":\"fuzz.log\"");
        }
        return cpuNanos() - before;
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
