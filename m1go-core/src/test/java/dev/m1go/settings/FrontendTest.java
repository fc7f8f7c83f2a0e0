package dev.m1go.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrontendTest {

    private static final Frontend MAVEN = Frontend.maven("1.0");
    private static final Frontend CLI = Frontend.commandLine("1.0");

    @Test
    void aValueToGive_isAPropertyInMaven_andAnOptionOnTheCommandLine() {
        String core = "2 toolchains left out: m1go.goVersions=all takes them too.";
        assertThat(MAVEN.render(core)).isEqualTo("2 toolchains left out: -Dm1go.goVersions=all takes them too.");
        assertThat(CLI.render(core)).isEqualTo("2 toolchains left out: --go-versions=all takes them too.");
    }

    @Test
    void aSettingNamedInProse_keepsItsKeyInMaven_andIsItsOptionOnTheCommandLine() {
        String core =
                "m1go.timeoutSeconds is -1: give the time limit; see m1go.stress.runs and m1go.container.keepImages.";
        assertThat(MAVEN.render(core)).isEqualTo(core);
        assertThat(CLI.render(core))
                .isEqualTo("--timeout-seconds is -1: give the time limit; see --stress-runs and "
                        + "--container-keep-images.");
    }

    @Test
    void aGoalsOwnSetting_dropsTheGoalOnTheCommandLine_andGoalsAreNamedEachWay() {
        String core = "Set m1go.doctor.failOn=never, or run m1go:doctor first.";
        assertThat(MAVEN.render(core)).isEqualTo("Set -Dm1go.doctor.failOn=never, or run m1go:doctor first.");
        assertThat(CLI.render(core)).isEqualTo("Set --fail-on=never, or run m1go doctor first.");
    }

    @Test
    void targetEnvironmentKeys_becomeTheMapOption() {
        String core = "set m1go.targetEnv.linux-arm64.CGO_LDFLAGS=-L/opt/arm64/lib";
        assertThat(MAVEN.render(core)).isEqualTo("set -Dm1go.targetEnv.linux-arm64.CGO_LDFLAGS=-L/opt/arm64/lib");
        assertThat(CLI.render(core)).isEqualTo("set --target-env linux-arm64.CGO_LDFLAGS=-L/opt/arm64/lib");
    }

    @Test
    void runEnvironmentKeys_becomeTheirMapOption_andTheNewTestSettingsTheirOptions() {
        String core =
                "set m1go.runEnv.GODEBUG=asyncpreemptoff=1 and m1go.testShort=true, m1go.translatedTestsOneAtATime";
        assertThat(MAVEN.render(core))
                .isEqualTo("set -Dm1go.runEnv.GODEBUG=asyncpreemptoff=1 and -Dm1go.testShort=true, "
                        + "m1go.translatedTestsOneAtATime");
        assertThat(CLI.render(core))
                .isEqualTo("set --run-env GODEBUG=asyncpreemptoff=1 and --test-short=true, "
                        + "--translated-tests-one-at-a-time");
        assertThat(Frontend.option("m1go.runEnv")).isEqualTo("--run-env");
        assertThat(Frontend.option("m1go.testTimeoutSeconds")).isEqualTo("--test-timeout-seconds");
    }

    @Test
    void containerHostKeys_becomeTheirMapOption() {
        String core = "m1go.container.hosts.linux-arm64=ssh://arm64-box: forward it, then "
                + "m1go.container.hosts.linux-arm64=unix:///tmp/m1go-docker.sock; or change m1go.container.hosts.linux-arm64";
        assertThat(MAVEN.render(core))
                .isEqualTo("-Dm1go.container.hosts.linux-arm64=ssh://arm64-box: forward it, then "
                        + "-Dm1go.container.hosts.linux-arm64=unix:///tmp/m1go-docker.sock; or change "
                        + "m1go.container.hosts.linux-arm64");
        assertThat(CLI.render(core))
                .isEqualTo(
                        "--container-hosts linux-arm64=ssh://arm64-box: forward it, then "
                                + "--container-hosts linux-arm64=unix:///tmp/m1go-docker.sock; or change --container-hosts linux-arm64");
        assertThat(Frontend.option("m1go.container.hosts")).isEqualTo("--container-hosts");
        assertThat(Frontend.option("m1go.container.image")).isEqualTo("--container-image");
    }

    @Test
    void namesThatOnlyLookLikeSettings_areLeftAlone() {
        String core = "label dev.m1go.run, lock /tmp/out/.m1go.lock, file m1go.yaml, package m1go.c-abort, "
                + "dir target/m1go.goVersions, property m1go.noSuchThing=1, -Dm1go.skip=true";
        assertThat(CLI.render(core)).isEqualTo(core);
        assertThat(MAVEN.render(core)).isEqualTo(core);
    }

    @Test
    void aMessageThatAlreadySaysDashD_isNotDoubled() {
        assertThat(MAVEN.render("use -Dm1go.runners=all")).isEqualTo("use -Dm1go.runners=all");
        assertThat(CLI.render("use -Dm1go.runners=all")).isEqualTo("use --runners=all");
    }

    @Test
    void everySettingButTheSkipSwitches_hasAnOption_andNoTwoShareOne() {
        java.util.Map<String, String> byOption = new java.util.HashMap<>();
        for (String key : PropertyNames.ALL) {
            String option = Frontend.option(key);
            if (key.endsWith("skip")) {
                assertThat(option).isEqualTo(key);
                continue;
            }
            assertThat(option).matches("--[a-z]+(-[a-z]+)*");
            String other = byOption.put(option, key);
            // m1go.failOn (reproduce, merge) and m1go.doctor.failOn (doctor) are --fail-on of different commands
            if (other != null) {
                assertThat(java.util.Set.of(other, key))
                        .isEqualTo(java.util.Set.of(PropertyNames.FAIL_ON, PropertyNames.DOCTOR_FAIL_ON));
            }
        }
    }

    @Test
    void theToolNameComesFromTheFrontEnd() {
        assertThat(MAVEN.tool()).isEqualTo("m1go-maven-plugin 1.0");
        assertThat(CLI.tool()).isEqualTo("m1go 1.0");
    }
}
