package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Bad input as a new user types it: one paragraph naming the fix, no stack trace, nothing run. */
class UserMistakesIT {

    private static Maven.Run reproduce(String name, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = Maven.goal("reproduce");
        System.arraycopy(args, 0, all, 1, args.length);
        return Maven.run(Maven.workDirectory("mistake-" + name), all).failed();
    }

    private static void assertNoStackTrace(Maven.Run run) {
        assertThat(run.output()).doesNotContain("\tat dev.m1go").doesNotContain("Exception:");
    }

    @Test
    void unknownRunner_namesTheProperty_andTheValidRunners() throws Exception {
        Maven.Run run = reproduce("runner", "-Dm1go.runners=native,rossetta");
        assertThat(run.output())
                .contains("Unknown runner 'rossetta' in m1go.runners")
                .contains("native, rosetta, qemu, binfmt");
        assertNoStackTrace(run);
    }

    @Test
    void unknownCase_namesThePropertyAndKnownCases() throws Exception {
        Maven.Run run = reproduce("case", "-Dm1go.cases=c-abrot");
        assertThat(run.output())
                .contains("Unknown case 'c-abrot' in m1go.cases")
                .contains("c-abort");
        assertNoStackTrace(run);
    }

    @Test
    void missingGoRoot_namesTheEntryAndWhatToGive() throws Exception {
        Maven.Run run = reproduce("goroot", "-Dm1go.goRoots=/opt/no-such-go");
        assertThat(run.output())
                .contains("m1go.goRoots names /opt/no-such-go, which does not exist")
                .contains("GOROOT");
        assertNoStackTrace(run);
    }

    @Test
    void caseDescriptorWithoutOutcome_namesFileAndField() throws Exception {
        Path dir = Maven.workDirectory("mistake-descriptor-cases");
        Path c = Files.createDirectories(dir.resolve("my-case"));
        Files.writeString(c.resolve("main.go"), "package main\n\nimport \"C\"\n\nfunc main() {}\n");
        Files.writeString(c.resolve("case.yaml"), "description: mine\nexpect:\n  signal: SIGSEGV\n");
        Maven.Run run = reproduce("descriptor", "-Dm1go.casesDirectory=" + dir);
        assertThat(run.output()).contains(c.resolve("case.yaml").toString()).contains("'expect.outcome' is missing");
        assertNoStackTrace(run);
    }

    @Test
    void goVersionsMatchingNothing_saysWhatWasFound_andHowToPointAtGo() throws Exception {
        Maven.Run run = reproduce("versions", "-Dm1go.goVersions=1.3");
        assertThat(run.output())
                .contains("no toolchain matches -Dm1go.goVersions=1.3")
                .contains("m1go.goRoots")
                .contains("m1go.failIfNoToolchains=false");
        assertNoStackTrace(run);
    }

    @Test
    void noToolchainAllowed_writesAnEmptyReport_andSaysWhy() throws Exception {
        Path dir = Maven.workDirectory("no-toolchain-allowed");
        Maven.Run run = Maven.run(
                        dir, Maven.goal("reproduce"), "-Dm1go.goVersions=1.3", "-Dm1go.failIfNoToolchains=false")
                .succeeded();
        assertThat(run.output()).contains("writing an empty report because m1go.failIfNoToolchains is false");
        assertThat(run.report().get("cells")).isEmpty();
        assertThat(run.report().get("complete").asBoolean()).isTrue();
    }

    @Test
    void badTarget_namesThePropertyAndTheForm() throws Exception {
        Maven.Run run = reproduce("target", "-Dm1go.targets=linux-arm64");
        assertThat(run.output()).contains("'linux-arm64' in m1go.targets is not GOOS/GOARCH");
        assertNoStackTrace(run);
    }

    @Test
    void skip_logsOneSentence_andRunsNothing() throws Exception {
        Path dir = Maven.workDirectory("skip");
        Maven.Run run =
                Maven.run(dir, Maven.goal("reproduce"), "-Dm1go.skip=true").succeeded();
        assertThat(run.output()).contains("Skipping m1go:reproduce because m1go.skip is true.");
        assertThat(dir.resolve("target/m1go")).doesNotExist();
    }
}
