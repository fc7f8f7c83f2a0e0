package dev.m1go.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Focused rules of {@link GoCrashClassifier}: signatures, precedence, prefixes, exit status and markers. */
class GoCrashClassifierTest {

    private final Classifier classifier = new GoCrashClassifier();

    private Classification run(String os, Integer exit, String stderr) {
        return classifier.classify(new Evidence(Phase.RUN, os, exit, null, false, false, "", stderr, null));
    }

    @Test
    void signature_sameAcrossRunsWithDifferentAddressesAndGoroutineIds() {
        String first = Fixtures.named("sigabrtInCgo_go119_native").log().body();
        String second = first.replace("0x7f3a0a22beec", "0x7f0000001234")
                .replace("0xc00004bf28", "0xc000099999")
                .replace("goroutine 1 [syscall]", "goroutine 7 [syscall]")
                .replace("/tmp/classify-capture/src", "/home/ci/work/src");
        assertThat(second).isNotEqualTo(first);
        assertThat(run("linux", 2, second).signature())
                .isEqualTo(run("linux", 2, first).signature())
                .isEqualTo("CGO_SIGNAL SIGABRT | main._Cfunc_do_abort < main.main");
    }

    @Test
    void signature_sameForGo119AndGo1273FormatsOfTheSameCrash() {
        Classification old =
                classifier.classify(Fixtures.named("sigsegvInCgo_go119_native").evidence());
        Classification current =
                classifier.classify(Fixtures.named("sigsegvInCgo_go1273_binfmt").evidence());
        assertThat(old.signature()).isEqualTo(current.signature());
        assertThat(old.inCgo()).isTrue();
        assertThat(current.inCgo()).isTrue();
    }

    @Test
    void signature_ofBuildFailure_dropsDirectoriesAndWorkDirs() {
        Classification c = classifier.classify(
                Fixtures.named("arm64ToolchainHostGcc_go119_binfmt").evidence());
        assertThat(c.signature()).isEqualTo("LINK_ARCH_MISMATCH ld: go.o: Relocations in generic ELF (EM: 183)");
        assertThat(c.summary()).contains("/tmp/go-link-885594777/go.o");
    }

    @Test
    void frames_dropRuntimeButKeepCgoEntry_innermostFirst() {
        Classification c =
                classifier.classify(Fixtures.named("sigabrtInCgo_go126_native").evidence());
        assertThat(c.frames()).containsExactly("main._Cfunc_do_abort", "main.main");
        assertThat(c.header()).first().isEqualTo("SIGABRT: abort");
        assertThat(c.summary())
                .isEqualTo("SIGABRT: abort (signal arrived during cgo execution) in main._Cfunc_do_abort");
    }

    @Test
    void precedence_emulatorFaultBeatsGoReportThatFollowsIt() {
        Classification c = run(
                "linux",
                2,
                "qemu: uncaught target signal 11 (Segmentation fault) - core dumped\n"
                        + "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/x/main.go:3 +0x1\n");
        assertThat(c.outcome()).isEqualTo(Outcome.EMULATOR_FAULT);
        assertThat(c.signal()).isEqualTo("SIGSEGV");
    }

    @Test
    void precedence_goReportBeforeQemuDeathIsTheGuestDyingOnPurpose() {
        Classification c = classifier.classify(
                Fixtures.named("gotracebackCrash_go123_qemu").evidence());
        assertThat(c.outcome()).isEqualTo(Outcome.CGO_SIGNAL);
        assertThat(c.signal()).isEqualTo("SIGSEGV");
    }

    @Test
    void precedence_cgoCheckBeatsPanic_execRefusedBeatsKilled() {
        assertThat(run("linux", 2, "panic: runtime error: cgo result has Go pointer\n")
                        .outcome())
                .isEqualTo(Outcome.CGO_CHECK);
        assertThat(run("darwin", 134, "dyld[1]: missing LC_UUID load command\nzsh: abort  ./x\n")
                        .outcome())
                .isEqualTo(Outcome.EXEC_REFUSED);
    }

    @Test
    void precedence_matchesDesignOrder() {
        List<Outcome> order = List.of(
                Outcome.EMULATOR_FAULT,
                Outcome.EXEC_REFUSED,
                Outcome.LINK_ARCH_MISMATCH,
                Outcome.LINK_ERROR,
                Outcome.BUILD_ERROR,
                Outcome.CGO_CHECK,
                Outcome.CGO_SIGNAL,
                Outcome.GO_SIGNAL,
                Outcome.GO_FATAL,
                Outcome.GO_PANIC,
                Outcome.KILLED,
                Outcome.EXIT_NONZERO);
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i - 1).precedence()).isLessThan(order.get(i).precedence());
        }
    }

    @Test
    void nilDerefInGo_isPanicNotSignal() {
        Classification c = run(
                "linux",
                2,
                "panic: runtime error: invalid memory address or nil pointer dereference\n"
                        + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x45e5a2]\n\n"
                        + "goroutine 1 [running]:\nmain.walk(...)\n\t/x/main.go:6\nmain.main()\n\t/x/main.go:9 +0x12\n");
        assertThat(c.outcome()).isEqualTo(Outcome.GO_PANIC);
        assertThat(c.inCgo()).isFalse();
        assertThat(c.frames()).containsExactly("main.walk", "main.main");
    }

    @Test
    void prefixes_buildkitTimestampsAndComposeAreStripped() {
        String base = "SIGSEGV: segmentation violation\nPC=0x1 m=0 sigcode=1\nsignal arrived during cgo execution\n\n"
                + "goroutine 1 [syscall]:\nruntime.cgocall(0x1, 0x2)\n\t/go/src/runtime/cgocall.go:1 +0x1\n"
                + "main._Cfunc_crash()\n\t_cgo_gotypes.go:41 +0x45\nmain.main()\n\t/x/main.go:12 +0x5b\n";
        Classification plain = run("linux", 2, base);
        for (String prefix :
                List.of("#26 56.18 ", "2024-01-02T03:04:05.123456Z ", "2024/01/02 03:04:05 ", "app-1  | ", "12.34 ")) {
            StringBuilder prefixed = new StringBuilder();
            for (String line : base.split("\n", -1)) {
                prefixed.append(prefix).append(line).append("\r\n");
            }
            Classification c = run("linux", 2, prefixed.toString());
            assertThat(c.outcome()).as(prefix).isEqualTo(Outcome.CGO_SIGNAL);
            assertThat(c.signature()).as(prefix).isEqualTo(plain.signature());
        }
    }

    @Test
    void killed_exitStatus128PlusN_namesSignalPerOs() {
        Classification linux = run("linux", 128 + 7, "");
        Classification darwin = run("darwin", 128 + 7, "");
        assertThat(linux.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(linux.signal()).isEqualTo("SIGBUS");
        assertThat(darwin.signal()).isEqualTo("SIGEMT");
        assertThat(run("darwin", 128 + 10, "").signal()).isEqualTo("SIGBUS");
    }

    @Test
    void killed_notWhenTheExitIsKnownToBeNormal() {
        Classification c =
                classifier.classify(new Evidence(Phase.RUN, "linux", 134, Boolean.FALSE, false, false, "", "", null));
        assertThat(c.outcome()).isEqualTo(Outcome.EXIT_NONZERO);
    }

    @Test
    void killed_shellLines() {
        assertThat(run("linux", null, "Segmentation fault (core dumped)\n").signal())
                .isEqualTo("SIGSEGV");
        assertThat(run("darwin", null, "Abort trap: 6\n").signal()).isEqualTo("SIGABRT");
        assertThat(run("linux", null, " Trace/breakpoint trap\n").signal()).isEqualTo("SIGTRAP");
        assertThat(run("darwin", null, "zsh: bus error  ./x\n").signal()).isEqualTo("SIGBUS");
        assertThat(run("linux", null, "Bus error\n").outcome()).isEqualTo(Outcome.KILLED);
    }

    @Test
    void pass_needsTheMarkerAsAWholeLineOfStdout() {
        Evidence ok = new Evidence(Phase.RUN, "linux", 0, null, false, false, "x\nM1GO-OK\n", "", "M1GO-OK");
        Evidence partial = new Evidence(Phase.RUN, "linux", 0, null, false, false, "not M1GO-OK yet\n", "", "M1GO-OK");
        Evidence stderrOnly = new Evidence(Phase.RUN, "linux", 0, null, false, false, "", "M1GO-OK\n", "M1GO-OK");
        assertThat(classifier.classify(ok).outcome()).isEqualTo(Outcome.PASS);
        assertThat(classifier.classify(ok).signature()).isNull();
        assertThat(classifier.classify(partial).outcome()).isEqualTo(Outcome.EXIT_NONZERO);
        assertThat(classifier.classify(partial).summary()).contains("exit 0 without the success marker");
        assertThat(classifier.classify(stderrOnly).outcome()).isEqualTo(Outcome.EXIT_NONZERO);
    }

    @Test
    void timeout_winsAndKeepsTheDump() {
        Evidence e = new Evidence(
                Phase.RUN,
                "linux",
                null,
                null,
                true,
                false,
                "",
                Fixtures.named("cHangSigquit_go119_native").log().body(),
                "M1GO-OK");
        Classification c = classifier.classify(e);
        assertThat(c.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(c.inCgo()).isTrue();
        assertThat(c.frames()).startsWith("main._Cfunc_wait_forever");
    }

    @Test
    void build_exitZeroPassesDespiteXcodeWarnings_andWarningsAreNoFailure() {
        String warnings = "ld: warning: ignoring duplicate libraries: '-lobjc'\n"
                + "ld: warning: malformed LC_DYSYMTAB, expected 98 undefined symbols to start at index 1626\n";
        assertThat(classifier
                        .classify(new Evidence(Phase.BUILD, "darwin", 0, null, false, false, "", warnings, null))
                        .outcome())
                .isEqualTo(Outcome.PASS);
        Classification failed = classifier.classify(new Evidence(
                Phase.BUILD,
                "darwin",
                1,
                null,
                false,
                false,
                "",
                warnings + "# example.com/x\n./main.go:6:14: undefined: foo\n",
                null));
        assertThat(failed.outcome()).isEqualTo(Outcome.BUILD_ERROR);
    }

    @Test
    void build_execRefusalOfTheGoBinary() {
        Classification c = classifier.classify(new Evidence(
                Phase.BUILD,
                "linux",
                126,
                null,
                false,
                true,
                "",
                "bash: /opt/go/bin/go: cannot execute binary file: Exec format error\n",
                null));
        assertThat(c.outcome()).isEqualTo(Outcome.EXEC_REFUSED);
    }

    @Test
    void pastedLogWithoutEvidence_isExitNonzeroAndSaysWhy() {
        Classification c = classifier.classify(Evidence.ofLog("linux", "hello\nworld\n"));
        assertThat(c.outcome()).isEqualTo(Outcome.EXIT_NONZERO);
        assertThat(c.summary()).contains("no exit status");
    }

    @Test
    void run_refusalOfTheMeasuredBinaryItself_isExecRefused() {
        Classification c = run(
                "linux", 255, "qemu-aarch64: Could not open '/lib/ld-linux-aarch64.so.1': No such file or directory\n");
        assertThat(c.outcome()).isEqualTo(Outcome.EXEC_REFUSED);
    }

    @Test
    void run_childThatCouldNotStart_isEvidenceAboutTheChild_notExecRefused() {
        Classification c = run(
                "linux",
                1,
                "aarch64-binfmt-P: Could not open '/lib/ld-linux-aarch64.so.1': No such file or directory\n"
                        + "starting the child failed: exit status 255\n");
        assertThat(c.outcome()).isEqualTo(Outcome.EXIT_NONZERO);
        assertThat(c.summary())
                .contains("exit status 1")
                .contains(
                        "a child process could not start: aarch64-binfmt-P: Could not open '/lib/ld-linux-aarch64.so.1'");
    }

    @Test
    void run_childRefusalBeforeAGoCrash_theCrashDecides() {
        Classification c = run(
                "linux",
                2,
                "aarch64-binfmt-P: Could not open '/lib/ld-linux-aarch64.so.1': x\n"
                        + "panic: child failed\n\ngoroutine 1 [running]:\nmain.main()\n\t/x/main.go:3 +0x1\n");
        assertThat(c.outcome()).isEqualTo(Outcome.GO_PANIC);
        assertThat(c.summary()).contains("a child process could not start");
    }

    @Test
    void run_parentReportingForkExecFailure_isAboutTheChild() {
        Classification c = run("linux", 1, "starting the child failed: fork/exec /bin/sh: exec format error\n");
        assertThat(c.outcome()).isEqualTo(Outcome.EXIT_NONZERO);
        assertThat(c.summary()).contains("a child process could not start: starting the child failed: fork/exec");
    }

    @Test
    void markerOnStderr_passesWhenStderrHasTheLine_notStdout() {
        Evidence onErr =
                new Evidence(Phase.RUN, "linux", 0, null, false, false, "", "PASS: all good\n", "PASS: all good", true);
        assertThat(classifier.classify(onErr).outcome()).isEqualTo(Outcome.PASS);
        Evidence onOut =
                new Evidence(Phase.RUN, "linux", 0, null, false, false, "PASS: all good\n", "", "PASS: all good", true);
        assertThat(classifier.classify(onOut).outcome()).isEqualTo(Outcome.EXIT_NONZERO);
    }

    @Test
    void build_pkgConfigFileMissingForTheTarget_isLinkError() {
        Classification c = classifier.classify(new Evidence(
                Phase.BUILD,
                "linux",
                1,
                null,
                false,
                false,
                "",
                "# example.com/m\n# [pkg-config --cflags  -- zlib]\nPackage zlib was not found in the pkg-config "
                        + "search path.\nPerhaps you should add the directory containing `zlib.pc'\n",
                null));
        assertThat(c.outcome()).isEqualTo(Outcome.LINK_ERROR);
        assertThat(c.summary()).contains("Package zlib was not found");
    }

    @Test
    void cgoCall_withoutMarker_inGo122Report_isGoSignal() {
        Classification c = classifier.classify(
                Fixtures.named("sigillInRuntimeDuringCgoCall_go122_native").evidence());
        assertThat(c.outcome()).isEqualTo(Outcome.GO_SIGNAL);
        assertThat(c.inCgo()).isFalse();
    }

    @Test
    void cgoCall_withoutMarker_inOldFormat_theFaultingPcDecides() {
        String old = Fixtures.named("sigillInRuntimeDuringCgoCall_go122_native")
                .log()
                .body()
                .replaceAll(" gp=0x[0-9a-f]+ m=[0-9a-z]+( mp=0x[0-9a-f]+)?", "")
                .replaceAll(" in goroutine [0-9]+", "");
        Evidence e = new Evidence(Phase.RUN, "linux", 2, null, false, false, "", old, null);
        GoCrashClassifier goClassifier = new GoCrashClassifier();
        List<String> asked = new java.util.ArrayList<>();
        Classification inGo = goClassifier.classify(e, (pc, frames) -> {
            asked.add(pc + " " + frames.get(0).function());
            return false;
        });
        assertThat(asked).containsExactly("0x44356f runtime.cgocall");
        assertThat(inGo.outcome()).isEqualTo(Outcome.GO_SIGNAL);
        assertThat(goClassifier.classify(e, (pc, frames) -> true).outcome()).isEqualTo(Outcome.CGO_SIGNAL);
        assertThat(goClassifier.classify(e).outcome())
                .as("cannot tell: the older runtimes' fallback")
                .isEqualTo(Outcome.CGO_SIGNAL);
    }

    @Test
    void idleThread_takesNoOtherGoroutinesFrames() {
        Classification c = classifier.classify(
                Fixtures.named("sigillIdleThread_go122_native").evidence());
        assertThat(c.outcome()).isEqualTo(Outcome.GO_SIGNAL);
        assertThat(c.frames()).isEmpty();
        assertThat(c.signature()).isEqualTo("GO_SIGNAL SIGILL | idle thread");
        assertThat(c.summary()).contains("idle thread").doesNotContain("_Cfunc_");
    }
}
