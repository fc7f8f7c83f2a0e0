package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.cases.CaseLoader;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.toolchain.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder sets each component by its name, starts from the documented defaults and names what is missing. */
class MatrixRequestTest {

    private static final Path OUT = Path.of("/work/out");
    private static final Path CACHE = Path.of("/work/cache");
    private static final Path HOME = Path.of("/home/dev");

    private static MatrixRequest.Builder complete() {
        return MatrixRequest.builder()
                .outputDirectory(OUT)
                .cacheDirectory(CACHE)
                .cases(List.of())
                .toolchains(List.of())
                .targets(List.of())
                .runners(List.of())
                .runTimeout(Duration.ofSeconds(60))
                .buildTimeout(Duration.ofSeconds(900))
                .quitGrace(Duration.ofSeconds(3))
                .threads(1)
                .environment(Map.of())
                .home(HOME);
    }

    @Test
    void aMissingComponent_isNamed() {
        assertThatThrownBy(() -> complete().buildTimeout(null).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("MatrixRequest: buildTimeout not set");
        assertThatThrownBy(() -> MatrixRequest.builder().outputDirectory(OUT).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("MatrixRequest: cacheDirectory, cases, toolchains, targets, runners, runTimeout, "
                        + "buildTimeout, quitGrace, threads, environment, home not set");
    }

    @Test
    void withoutTheOptionalSetters_theDefaultsHold() {
        MatrixRequest r = complete().build();

        assertThat(r.inheritEnvironment()).isFalse();
        assertThat(r.reruns()).isZero();
        assertThat(r.rerunsAll()).isFalse();
        assertThat(r.rebuild()).isFalse();
        assertThat(r.cacheMaxBytes()).isEqualTo(MatrixRequest.DEFAULT_CACHE_MAX_BYTES);
        assertThat(r.stress()).isEqualTo(Stress.NONE);
        assertThat(r.memoryLimitMb()).isZero();
    }

    @Test
    void eachSetter_reachesItsOwnComponent() throws Exception {
        var cases = new CaseLoader().load(null, List.of("cgo-hello"));
        var go = List.of(new Toolchain("go1.22.12", Path.of("/go"), Arch.AMD64, "test", Map.of(), null));
        var targets = List.of(new Platform(Os.LINUX, Arch.ARM64));
        Stress stress = new Stress(5, Duration.ofSeconds(11), true);

        MatrixRequest r = MatrixRequest.builder()
                .outputDirectory(OUT)
                .cacheDirectory(CACHE)
                .cases(cases)
                .toolchains(go)
                .targets(targets)
                .runners(List.of())
                .runTimeout(Duration.ofSeconds(7))
                .buildTimeout(Duration.ofSeconds(9))
                .quitGrace(Duration.ofSeconds(2))
                .threads(3)
                .inheritEnvironment(true)
                .environment(Map.of("A", "1"))
                .home(HOME)
                .reruns(4)
                .rerunsAll(true)
                .rebuild(true)
                .cacheMaxBytes(123)
                .stress(stress)
                .memoryLimitMb(64)
                .build();

        assertThat(r.outputDirectory()).isEqualTo(OUT);
        assertThat(r.cacheDirectory()).isEqualTo(CACHE);
        assertThat(r.cases()).isEqualTo(cases);
        assertThat(r.toolchains()).isEqualTo(go);
        assertThat(r.targets()).isEqualTo(targets);
        assertThat(r.runners()).isEmpty();
        assertThat(r.runTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(r.buildTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(r.quitGrace()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.threads()).isEqualTo(3);
        assertThat(r.inheritEnvironment()).isTrue();
        assertThat(r.environment()).isEqualTo(Map.of("A", "1"));
        assertThat(r.home()).isEqualTo(HOME);
        assertThat(r.reruns()).isEqualTo(4);
        assertThat(r.rerunsAll()).isTrue();
        assertThat(r.rebuild()).isTrue();
        assertThat(r.cacheMaxBytes()).isEqualTo(123);
        assertThat(r.stress()).isEqualTo(stress);
        assertThat(r.memoryLimitMb()).isEqualTo(64);
    }

    @Test
    void theRecordsOwnChecks_stillApply() {
        assertThatThrownBy(() -> complete().threads(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1");
        assertThatThrownBy(() -> complete().reruns(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reruns must not be negative");
        assertThatThrownBy(() -> complete().memoryLimitMb(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memoryLimitMb must not be negative");
    }
}
