package dev.m1go.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Crash-log reading on real logs and on whatever a coverage-guided fuzzer makes of them: the header, the
 * normalisation of pasted text (prefixes, double spacing, carriage returns, glued lines), Go tracebacks, gccgo,
 * Apple crash reports (text and {@code .ips}), Windows exception reports, shells' and linkers' messages. Every text
 * is a reading with an outcome, for either OS or a guessed one, in bounded time: nothing thrown, and no more than
 * {@value #CPU_SECONDS} seconds of CPU for one of these inputs.
 *
 * <p>In every build the inputs under {@code LogFuzzTestInputs/<method>/} run as regression tests: logs from the
 * corpus of real logs and each input a fuzzing run once found wrong. {@code scripts/fuzz.sh} fuzzes each method.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogFuzzTest {

    private static final int CPU_SECONDS = 2;

    private final LogClassification logic = new LogClassification(new GoCrashClassifier(), Signals.LINUX);

    /**
     * {@code m1go:classify} on one log read from a stream: with {@code os} unset, darwin and linux. The first time a
     * path runs, its classes load on this thread (and, under the fuzzer, are instrumented): an input over the CPU
     * time allowed is read once more, and that second reading counts.
     */
    @FuzzTest(maxDuration = "15s")
    void reading(byte[] data) throws IOException {
        if (cpuNanosOf(data) >= TimeUnit.SECONDS.toNanos(CPU_SECONDS)) {
            assertThat(cpuNanosOf(data)).as("CPU time for a %d-byte log", data.length)
                    .isLessThan(TimeUnit.SECONDS.toNanos(CPU_SECONDS));
        }
    }

    private long cpuNanosOf(byte[] data) throws IOException {
        long before = cpuNanos();
        String text = LogClassification.read(new ByteArrayInputStream(data), "fuzz.log", "fuzz.log");
        for (String os : Arrays.asList(null, Signals.DARWIN, Signals.LINUX)) {
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
