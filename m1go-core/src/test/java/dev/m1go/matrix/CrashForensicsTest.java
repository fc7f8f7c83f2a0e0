package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.binary.BinaryFacts;
import dev.m1go.classify.Classification;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Signatures;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrashForensicsTest {

    private static BuildInfo built(String machine) {
        BinaryFacts f = new BinaryFacts(
                "bin/x", "ELF", machine, 64, "little", "EXEC", null, List.of(), "static", null, null, List.of(),
                List.of(), List.of());
        return new BuildInfo(Outcome.PASS, "gcc", "gcc", null, false, true, 1, "bin/x", null, null, null, f);
    }

    @Test
    void binaryOfAnotherMachine_isAnEngineError_notAResult() {
        Platform arm64 = new Platform(Os.LINUX, Arch.ARM64);
        assertThat(CrashForensics.machineMismatch(built("arm64"), arm64)).isNull();
        assertThat(CrashForensics.machineMismatch(built("amd64"), arm64))
                .startsWith("engine error: the built binary bin/x is amd64 code but the cell's target is linux/arm64");
        assertThat(CrashForensics.machineMismatch(null, arm64)).isNull();
    }

    @Test
    void goPanic_isLeftAlone_withoutRunningAnything() {
        Classification panic = new Classification(
                Outcome.GO_PANIC, null, false, "panic: x", "GO_PANIC x", List.of(), List.of("main.main"));
        CrashForensics f = new CrashForensics(
                java.util.Map.of(),
                spec -> {
                    throw new AssertionError("no process for a panic");
                },
                Arch.AMD64,
                null);
        CrashForensics.Examined x = f.examine(
                panic, (pc, frames) -> null, Path.of("missing"), Arch.AMD64, "linux", "panic: x\n", Path.of("logs"));
        assertThat(x.classification()).isSameAs(panic);
        assertThat(x.frames()).isEmpty();
    }

    @Test
    void signature_ofACrashInC_carriesTheFunctionNotTheLine() {
        assertThat(Signatures.withCFunction("CGO_SIGNAL SIGSEGV | main._Cfunc_m1go_segv < main.main", "m1go_segv"))
                .isEqualTo("CGO_SIGNAL SIGSEGV | m1go_segv < main._Cfunc_m1go_segv < main.main");
        assertThat(Signatures.withCFunction("CGO_SIGNAL SIGSEGV", "m1go_segv"))
                .isEqualTo("CGO_SIGNAL SIGSEGV | m1go_segv");
        assertThat(Signatures.withCFunction("CGO_SIGNAL SIGSEGV", null)).isEqualTo("CGO_SIGNAL SIGSEGV");
    }
}
