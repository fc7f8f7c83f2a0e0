package dev.m1go.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes with a memory limit where no cgroup holds it: {@code prlimit} sets the address space, the program
 * keeps its PID and exit status, and a binary that cannot start reads as before.
 */
class MemoryLimitProcessTest {

    @TempDir
    Path dir;

    private Path prlimit;

    @BeforeEach
    void onLinuxWithPrlimit_andNoCgroupHoldingTheLimit() {
        prlimit = MemoryEnforcement.findPrlimit();
        assumeTrue(prlimit != null, "Linux with prlimit (util-linux)");
        assumeTrue(!Containment.cgroupMemory(), "a cgroup v2 group would hold the limit here instead");
    }

    private ProcessSpec spec(MemoryLimit limit, String... argv) {
        return new ProcessSpec(
                        List.of(argv),
                        Map.of("PATH", System.getenv("PATH")),
                        dir,
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(1),
                        dir.resolve("out.log"),
                        dir.resolve("err.log"))
                .withMemoryLimit(limit);
    }

    @Test
    void theAddressSpace_isTheLimitAndItsHeadroom_andTheExitStatusIsTheProgramsOwn() throws IOException {
        ProcessResult r =
                new CommonsExecProcessRunner(prlimit).run(spec(MemoryLimit.of(64), "sh", "-c", "ulimit -v; exit 3"));
        assertThat(r.stdout().trim()).isEqualTo(Long.toString((64L + MemoryLimit.NATIVE_HEADROOM_MB) * 1024));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.memoryLimitHit()).isNull();

        ProcessResult translated = new CommonsExecProcessRunner(prlimit)
                .run(spec(MemoryLimit.of(64).underTranslation(), "sh", "-c", "ulimit -v"));
        assertThat(translated.stdout().trim())
                .isEqualTo(Long.toString((64L + MemoryLimit.TRANSLATED_HEADROOM_MB) * 1024));
    }

    @Test
    void aFailedAllocation_underTheLimit_isTheLimitReached() throws IOException {
        ProcessResult r = new CommonsExecProcessRunner(prlimit)
                .run(spec(MemoryLimit.of(64), "sh", "-c", "echo 'fatal error: out of memory' >&2; exit 2"));
        assertThat(r.memoryLimitHit())
                .startsWith("memory limit of 64 MiB (m1go.memoryLimitMb) reached: ")
                .endsWith(": fatal error: out of memory");
    }

    @Test
    void withoutALimit_orWithoutPrlimit_nothingIsLimited() throws IOException {
        String own = new String(new ProcessBuilder("sh", "-c", "ulimit -v")
                        .start()
                        .getInputStream()
                        .readAllBytes())
                .trim();
        assumeTrue(own.equals("unlimited"), "m1go itself runs without an address-space limit");
        assertThat(new CommonsExecProcessRunner(prlimit)
                        .run(spec(MemoryLimit.NONE, "sh", "-c", "ulimit -v"))
                        .stdout()
                        .trim())
                .isEqualTo("unlimited");
        assertThat(new CommonsExecProcessRunner(null)
                        .run(spec(MemoryLimit.of(64), "sh", "-c", "ulimit -v"))
                        .stdout()
                        .trim())
                .isEqualTo("unlimited");
    }

    @Test
    void aBinaryThatCannotStart_isAStartFailure_asWithoutALimit() throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("data.bin"), "not a program\n");
        ProcessResult r = new CommonsExecProcessRunner(prlimit).run(spec(MemoryLimit.of(64), notExecutable.toString()));
        assertThat(r.exitCode()).isNull();
        assertThat(r.started()).isFalse();
        assertThat(r.startFailure()).isEqualTo("cannot start " + notExecutable + ": Permission denied");
        assertThat(r.memoryLimitHit()).isNull();
    }
}
