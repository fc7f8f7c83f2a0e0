package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Reading {@code report.json} back ({@code m1go:merge}, baselines, publishing) on real reports and on whatever a
 * coverage-guided fuzzer makes of them: a file is an m1go report or one {@link JsonReport.ReportFormatException} that
 * names the file and what is wrong; nothing else is thrown.
 *
 * <p>In every build the inputs under {@code ReportFuzzTestInputs/<method>/} run as regression tests: a real report
 * and each input a fuzzing run once found wrong. {@code scripts/fuzz.sh} fuzzes each method.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReportFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void read(byte[] data) throws Exception {
        Report report;
        try {
            report = JsonReport.read(data, "fuzz.json");
        } catch (JsonReport.ReportFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.json");
            return;
        }
        assertThat(report.schema()).isEqualTo(Report.SCHEMA);
    }
}
