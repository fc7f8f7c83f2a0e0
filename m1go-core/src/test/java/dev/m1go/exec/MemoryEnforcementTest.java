package dev.m1go.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a memory limit is enforced here, and how a finished run is found to have reached it. */
class MemoryEnforcementTest {

    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final MemoryLimit MB64 = MemoryLimit.of(64);

    @Test
    void theWay_isTheCgroupWhereItHoldsTheLimit_elsePrlimit_elseNone() {
        assertThat(MemoryEnforcement.of(MemoryLimit.NONE, true, PRLIMIT).way()).isEqualTo(MemoryEnforcement.Way.NONE);
        assertThat(MemoryEnforcement.of(MB64, true, PRLIMIT).way()).isEqualTo(MemoryEnforcement.Way.CGROUP);
        assertThat(MemoryEnforcement.of(MB64, false, PRLIMIT).way()).isEqualTo(MemoryEnforcement.Way.ADDRESS_SPACE);
        assertThat(MemoryEnforcement.of(MB64, false, null).way()).isEqualTo(MemoryEnforcement.Way.UNENFORCED);
    }

    @Test
    void onlyTheAddressSpaceLimit_changesTheArgv_withTheHeadroomOfANativeOrATranslatedProcess() {
        List<String> argv = List.of("./bin", "-x");
        assertThat(MemoryEnforcement.of(MB64, true, PRLIMIT).argv(argv)).isEqualTo(argv);
        assertThat(MemoryEnforcement.of(MB64, false, null).argv(argv)).isEqualTo(argv);
        assertThat(MemoryEnforcement.of(MB64, false, PRLIMIT).argv(argv))
                .containsExactly("/usr/bin/prlimit", "--as=" + ((64L + 1024) << 20), "--", "./bin", "-x");
        assertThat(MemoryEnforcement.of(MB64.underTranslation(), false, PRLIMIT).argv(List.of("qemu-aarch64", "./bin")))
                .containsExactly("/usr/bin/prlimit", "--as=" + ((64L + 4096) << 20), "--", "qemu-aarch64", "./bin");
    }

    @Test
    void memoryLimit_ofZeroIsNone_andNeverNegative() {
        assertThat(MemoryLimit.of(0)).isSameAs(MemoryLimit.NONE);
        assertThat(MemoryLimit.NONE.limited()).isFalse();
        assertThat(MemoryLimit.NONE.underTranslation()).isSameAs(MemoryLimit.NONE);
        assertThat(MB64.bytes()).isEqualTo(64L << 20);
        assertThat(MB64.describe()).isEqualTo("memory limit of 64 MiB (m1go.memoryLimitMb)");
        assertThatThrownBy(() -> MemoryLimit.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBinaryThatCannotStartBehindPrlimit_readsAsAStartFailure_asWithoutIt() {
        MemoryEnforcement e = MemoryEnforcement.of(MB64, false, PRLIMIT);
        List<String> argv = List.of("./bin");
        assertThat(e.startFailure(argv, 126, "prlimit: failed to execute ./bin: Exec format error\n"))
                .isEqualTo("cannot start ./bin: Exec format error");
        assertThat(e.startFailure(argv, 127, "prlimit: failed to execute ./bin: No such file or directory\n"))
                .isEqualTo("cannot start ./bin: No such file or directory");
        assertThat(e.startFailure(argv, 126, "something the program said\n")).isNull();
        assertThat(e.startFailure(argv, 2, "prlimit: failed to execute ./bin: Exec format error\n"))
                .isNull();
        assertThat(MemoryEnforcement.of(MB64, true, PRLIMIT)
                        .startFailure(argv, 126, "prlimit: failed to execute ./bin: Exec format error\n"))
                .isNull();
    }

    @Test
    void inACgroup_anOomKill_isTheLimitReached() {
        MemoryEnforcement e = MemoryEnforcement.of(MB64, true, PRLIMIT);
        assertThat(e.hit(137, false, "", "", 1))
                .isEqualTo("memory limit of 64 MiB (m1go.memoryLimitMb) reached: the "
                        + "kernel's OOM killer ended a process of the run in its cgroup (memory.max 67108864, memory.events "
                        + "oom_kill 1)");
        assertThat(e.hit(137, false, "", "", 0)).as("SIGKILL from elsewhere").isNull();
        assertThat(e.hit(0, false, "", "", 1))
                .as("a child was killed, the run passed")
                .isNull();
        assertThat(e.hit(null, true, "", "", 1)).as("ran out of time").isNull();
    }

    @Test
    void underAnAddressSpaceLimit_aFailedAllocation_isTheLimitReached() {
        MemoryEnforcement e = MemoryEnforcement.of(MB64, false, PRLIMIT);
        String go = "runtime: out of memory: cannot allocate 4194304-byte block (469499904 in use)\n"
                + "fatal error: out of memory\n\ngoroutine 1 [running]:\n";
        assertThat(e.hit(2, false, "", go, 0))
                .isEqualTo("memory limit of 64 MiB (m1go.memoryLimitMb) reached: an "
                        + "allocation failed with the address space limited to 1088 MiB (RLIMIT_AS: the limit and 1024 MiB of "
                        + "headroom): runtime: out of memory: cannot allocate 4194304-byte block (469499904 in use)");
        assertThat(e.hit(1, false, "malloc: Cannot allocate memory\n", "", 0))
                .endsWith(": malloc: Cannot allocate memory");
        assertThat(e.hit(2, false, "", "panic: boom\n", 0)).isNull();
        assertThat(e.hit(0, false, "", go, 0)).isNull();
        assertThat(e.hit(2, true, "", go, 0)).isNull();
        assertThat(MemoryEnforcement.of(MB64, false, null).hit(2, false, "", go, 0))
                .as("not enforced")
                .isNull();
        assertThat(MemoryEnforcement.of(MB64.underTranslation(), false, PRLIMIT).hit(2, false, "", go, 0))
                .contains("limited to 4160 MiB (RLIMIT_AS: the limit and 4096 MiB of headroom)");
    }

    /** What Go 1.19 to 1.26, qemu-user and the C library printed when RLIMIT_AS stopped them on linux/amd64. */
    @Test
    void exhaustion_knowsTheLinesMeasuredHere() {
        assertThat(MemoryEnforcement.exhaustion("fatal error: failed to reserve page summary memory\n\nruntime stack:"))
                .isEqualTo("fatal error: failed to reserve page summary memory");
        assertThat(MemoryEnforcement.exhaustion(
                        "qemu-aarch64: allocate 134217728 bytes for jit buffer: Cannot " + "allocate memory\n"))
                .startsWith("qemu-aarch64: allocate");
        assertThat(MemoryEnforcement.exhaustion("x\nfatal error: runtime: out of memory\n"))
                .isEqualTo("fatal error: runtime: out of memory");
        assertThat(MemoryEnforcement.exhaustion("terminate called after throwing an instance of 'std::bad_alloc'"))
                .isNotNull();
        assertThat(MemoryEnforcement.exhaustion("SIGSEGV: segmentation violation\n"))
                .isNull();
        assertThat(MemoryEnforcement.exhaustion("")).isNull();
        assertThat(MemoryEnforcement.exhaustion(null)).isNull();
    }

    @Test
    void theNote_saysHowLocalRunsAreLimitedHere_orThatTheyAreNot() {
        assertThat(MemoryEnforcement.note(64, true, PRLIMIT, false))
                .startsWith("m1go.memoryLimitMb=64: each run is "
                        + "limited in its own cgroup v2 group (memory.max, no swap)");
        assertThat(MemoryEnforcement.note(64, false, PRLIMIT, false))
                .contains("RLIMIT_AS through /usr/bin/prlimit")
                .contains("to 64 + 1024 MiB natively and 64 + 4096 MiB under qemu or binfmt_misc");
        assertThat(MemoryEnforcement.note(64, false, null, false))
                .contains("not enforced for local runs")
                .contains("prlimit (util-linux) is not installed");
        assertThat(MemoryEnforcement.note(64, false, null, true))
                .contains("not enforced for local runs: macOS has no cgroups");
        assertThat(MemoryEnforcement.note(64, false, null, true)).contains("A container run is limited by the engine");
    }
}
