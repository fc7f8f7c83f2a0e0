package dev.m1go.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.toolchain.GoVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Module mode's run options: the flags a test binary gets, its time limit per runner, the run environment. */
class RunOptionsTest {

    private static final RunOptions ALL =
            new RunOptions(true, "^TestSlow", 4, "1,2", ".", "100x", Map.of("GODEBUG", "asyncpreemptoff=1"), 120, true);

    @Test
    void everyTestFlag_followsTheOnesThatWereThereBefore() {
        ModuleUnit unit = new ModuleUnit(
                Path.of("/m"),
                "example.com/m",
                ".",
                true,
                List.of(),
                List.of(),
                "^TestA",
                2,
                "30s",
                Map.of(),
                List.of(),
                ALL);
        assertThat(unit.testArgs())
                .containsExactly(
                        "-test.v",
                        "-test.run=^TestA",
                        "-test.count=2",
                        "-test.timeout=30s",
                        "-test.short",
                        "-test.skip=^TestSlow",
                        "-test.parallel=4",
                        "-test.cpu=1,2",
                        "-test.bench=.",
                        "-test.benchtime=100x");
        assertThat(new ModuleUnit(
                                Path.of("/m"),
                                "example.com/m",
                                ".",
                                true,
                                List.of(),
                                List.of(),
                                null,
                                null,
                                null,
                                Map.of(),
                                List.of())
                        .testArgs())
                .as("nothing given: -test.v alone")
                .containsExactly("-test.v");
    }

    @Test
    void aTestBinarysTimeLimit_isThreeTimesAsLongTranslated() {
        assertThat(ALL.testTimeLimit(false)).isEqualTo(Duration.ofSeconds(120));
        assertThat(ALL.testTimeLimit(true)).isEqualTo(Duration.ofSeconds(360));
        assertThat(RunOptions.DEFAULT.testTimeLimit(true)).isEqualTo(Duration.ofSeconds(900));
        assertThat(String.valueOf(RunOptions.DEFAULT_TEST_TIMEOUT_SECONDS))
                .isEqualTo(dev.m1go.app.Defaults.TEST_TIMEOUT_SECONDS);
    }

    /** A go1.19 test binary given -test.skip prints "flag provided but not defined: -test.skip" and exits 2. */
    @Test
    void testSkip_isUnsupportedBeforeGo120_sayingWhy() {
        assertThat(ALL.unsupportedBy(GoVersion.parse("go1.19.13").orElseThrow()))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("m1go.testSkip")
                        .contains("Go 1.20")
                        .contains("go1.19.13"));
        assertThat(ALL.unsupportedBy(GoVersion.parse("go1.20").orElseThrow())).isEmpty();
        assertThat(RunOptions.DEFAULT.unsupportedBy(GoVersion.parse("go1.19.13").orElseThrow()))
                .isEmpty();
    }

    @Test
    void runEnv_takesVariableNames_andRefusesOthersNamingTheKey() throws Exception {
        assertThat(RunOptions.runEnv(Map.of(" GODEBUG ", "x=1", "API_TOKEN", "s3cret")))
                .containsExactly(Map.entry("API_TOKEN", "s3cret"), Map.entry("GODEBUG", "x=1"));
        assertThatThrownBy(() -> RunOptions.runEnv(Map.of("linux-arm64.CC", "gcc")))
                .isInstanceOf(CaseDefinitionException.class)
                .hasMessageContaining("m1go.runEnv key 'linux-arm64.CC'")
                .hasMessageContaining("m1go.runEnv.GODEBUG=asyncpreemptoff=1");
    }

    @Test
    void aModulesCase_runsWithTheRunEnvironment() {
        ModuleUnit unit = new ModuleUnit(
                Path.of("/m"),
                "example.com/m",
                "./cmd/x",
                false,
                List.of(),
                List.of(),
                null,
                null,
                null,
                Map.of(),
                List.of(),
                ALL);
        ReproCase c = ReproCase.ofModule(
                "cmd/x",
                unit,
                new Expectation(new Expectation.Expected(dev.m1go.classify.Outcome.PASS, null, null), List.of()));
        assertThat(c.runEnv()).containsExactly(Map.entry("GODEBUG", "asyncpreemptoff=1"));
        assertThat(c.buildEnv()).as("never the builds'").isEmpty();
    }
}
