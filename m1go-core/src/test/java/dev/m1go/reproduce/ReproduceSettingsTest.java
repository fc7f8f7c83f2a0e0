package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.app.Context;
import dev.m1go.app.ReproduceRequest;
import dev.m1go.core.Log;
import dev.m1go.module.ModuleProject;
import dev.m1go.settings.Frontend;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReproduceSettingsTest {

    private static final Path HOME = Path.of("/home/dev");

    @Test
    void defaultCacheDirectory_followsXdgCacheHome() {
        assertThat(ReproduceSettings.defaultCacheDirectory(Map.of("XDG_CACHE_HOME", "/ci/cache"), HOME))
                .isEqualTo(Path.of("/ci/cache/m1go"));
    }

    @Test
    void defaultCacheDirectory_withoutXdgCacheHome_isUnderTheHomeDirectory() {
        assertThat(ReproduceSettings.defaultCacheDirectory(Map.of(), HOME)).isEqualTo(Path.of("/home/dev/.cache/m1go"));
    }

    @Test
    void defaultCacheDirectory_ignoresARelativeXdgCacheHome_asTheSpecificationSays() {
        assertThat(ReproduceSettings.defaultCacheDirectory(Map.of("XDG_CACHE_HOME", "cache"), HOME))
                .isEqualTo(Path.of("/home/dev/.cache/m1go"));
    }

    private static final Path OUT = Path.of("/work/out");
    private static final Path CACHE = Path.of("/work/cache");

    @Test
    void builder_namesTheRequiredSettingThatIsMissing() {
        assertThatThrownBy(() -> ReproduceSettings.builder(OUT, null, Map.of(), HOME))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ReproduceSettings: cacheDirectory not given");
        assertThatThrownBy(() -> ReproduceSettings.builder(OUT, CACHE, Map.of(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ReproduceSettings: home not given");
    }

    @Test
    void builder_eachSetterReachesItsOwnSetting() {
        ReproduceSettings.StressSettings stress = new ReproduceSettings.StressSettings(5, 6, true, 2);
        ModuleProject.Settings module = new ModuleProject.Settings(
                Path.of("/work/mod"), List.of("./..."), List.of(), List.of(), List.of(), null, null, null, Map.of());

        ReproduceSettings s = ReproduceSettings.builder(OUT, CACHE, Map.of("A", "1"), HOME)
                .goRoots(List.of("/go"))
                .goVersions("1.22")
                .failIfNoToolchains(false)
                .cases(List.of("cgo-hello"))
                .casesDirectory(Path.of("c"))
                .runners(List.of("native"))
                .targets(List.of("linux/arm64"))
                .timeoutSeconds(7)
                .buildTimeoutSeconds(9)
                .threads(3)
                .inheritEnvironment(true)
                .reruns(4)
                .rerunsAll(true)
                .failIfNoCells(false)
                .rebuild(true)
                .cacheMaxBytes(123)
                .stress(stress)
                .module(module)
                .memoryLimitMb(64)
                .build();

        assertThat(s.outputDirectory()).isEqualTo(OUT);
        assertThat(s.cacheDirectory()).isEqualTo(CACHE);
        assertThat(s.environment()).isEqualTo(Map.of("A", "1"));
        assertThat(s.home()).isEqualTo(HOME);
        assertThat(s.goRoots()).containsExactly("/go");
        assertThat(s.goVersions()).isEqualTo("1.22");
        assertThat(s.failIfNoToolchains()).isFalse();
        assertThat(s.cases()).containsExactly("cgo-hello");
        assertThat(s.casesDirectory()).isEqualTo(Path.of("c"));
        assertThat(s.runners()).containsExactly("native");
        assertThat(s.targets()).containsExactly("linux/arm64");
        assertThat(s.timeoutSeconds()).isEqualTo(7);
        assertThat(s.buildTimeoutSeconds()).isEqualTo(9);
        assertThat(s.threads()).isEqualTo(3);
        assertThat(s.inheritEnvironment()).isTrue();
        assertThat(s.reruns()).isEqualTo(4);
        assertThat(s.rerunsAll()).isTrue();
        assertThat(s.failIfNoCells()).isFalse();
        assertThat(s.rebuild()).isTrue();
        assertThat(s.cacheMaxBytes()).isEqualTo(123);
        assertThat(s.stress()).isEqualTo(stress);
        assertThat(s.module()).isEqualTo(module);
        assertThat(s.memoryLimitMb()).isEqualTo(64);
    }

    /** {@code dev.m1go.app} uses this package, not the reverse: the builder repeats Defaults, held equal here. */
    @Test
    void builder_defaults_areTheFrontEnds() throws Exception {
        Log quiet = new Log() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}
        };
        Context context = new Context(
                Frontend.maven("1.0"),
                Map.of("A", "1"),
                HOME,
                Path.of("/work"),
                new PrintStream(OutputStream.nullOutputStream()),
                quiet);

        ReproduceSettings fromDefaults = ReproduceRequest.builder()
                .outputDirectory(OUT)
                .cacheDirectory(CACHE)
                .build(context)
                .settings();

        assertThat(ReproduceSettings.builder(OUT, CACHE, Map.of("A", "1"), HOME).build())
                .isEqualTo(fromDefaults);
    }

    /** {@code -Dm1go.runEnv.NAME=value} properties reach module mode's run options; a bad name is a usage error. */
    @Test
    void runEnvProperties_reachTheModulesRunOptions_andABadNameIsRefused() throws Exception {
        Context context = new Context(
                Frontend.maven("1.0"),
                Map.of(),
                HOME,
                Path.of("/work"),
                new PrintStream(OutputStream.nullOutputStream()),
                new Log() {
                    @Override
                    public void info(String message) {}

                    @Override
                    public void warn(String message) {}
                });
        Map<String, String> env = ReproduceRequest.Builder.runEnvProperties(
                Map.of("m1go.runEnv.GODEBUG", "x=1", "m1go.targetEnv.linux-arm64.CC", "cc", "other", "y"));
        assertThat(env).containsExactly(Map.entry("GODEBUG", "x=1"));
        ReproduceRequest r = ReproduceRequest.builder()
                .outputDirectory(OUT)
                .cacheDirectory(CACHE)
                .module(Path.of("/work/mod"))
                .runEnv(env)
                .build(context);
        assertThat(r.module().run().runEnv()).containsExactly(Map.entry("GODEBUG", "x=1"));
        assertThat(r.module().run().testTimeoutSeconds()).isEqualTo(300);
        assertThat(r.module().run().translatedTestsOneAtATime()).isTrue();
        assertThatThrownBy(() -> ReproduceRequest.builder()
                        .outputDirectory(OUT)
                        .cacheDirectory(CACHE)
                        .runEnv(Map.of("NOT A NAME", "1"))
                        .build(context))
                .isInstanceOf(dev.m1go.core.UserError.class)
                .hasMessageContaining("m1go.runEnv key 'NOT A NAME'");
    }

    /**
     * {@code -Dm1go.container.hosts.<goos>-<goarch>=…} properties reach the container runner's settings, checked; a bad
     * key or endpoint is a usage error naming the setting the front end's way.
     */
    @Test
    void containerHostsProperties_reachTheContainerSettings_andABadOneIsRefusedNamingTheSetting() throws Exception {
        Context context = new Context(
                Frontend.maven("1.0"),
                Map.of(),
                HOME,
                Path.of("/work"),
                new PrintStream(OutputStream.nullOutputStream()),
                new Log() {
                    @Override
                    public void info(String message) {}

                    @Override
                    public void warn(String message) {}
                });
        Map<String, String> hosts = ReproduceRequest.Builder.containerHostsProperties(Map.of(
                "m1go.container.hosts.linux-arm64",
                "tcp://arm64-box:2375",
                "m1go.container.image",
                "x",
                "m1go.runEnv.A",
                "1"));
        assertThat(hosts).containsExactly(Map.entry("linux-arm64", "tcp://arm64-box:2375"));
        ReproduceRequest r = ReproduceRequest.builder()
                .outputDirectory(OUT)
                .cacheDirectory(CACHE)
                .containerHosts(hosts)
                .build(context);
        assertThat(r.container().containerHosts()).containsOnlyKeys(dev.m1go.host.Arch.ARM64);
        assertThat(r.container().containerHosts().get(dev.m1go.host.Arch.ARM64).describe())
                .isEqualTo("tcp://arm64-box:2375 (m1go.container.hosts.linux-arm64)");
        assertThat(ReproduceRequest.builder()
                        .outputDirectory(OUT)
                        .cacheDirectory(CACHE)
                        .build(context)
                        .container()
                        .containerHosts())
                .isEmpty();
        assertThatThrownBy(() -> ReproduceRequest.builder()
                        .outputDirectory(OUT)
                        .cacheDirectory(CACHE)
                        .containerHosts(Map.of("linux-aarch64", "tcp://arm64-box:2375"))
                        .build(context))
                .isInstanceOf(dev.m1go.core.UserError.class)
                .hasMessageStartingWith("m1go.container.hosts.linux-aarch64 names no platform of the container runner")
                .hasMessageContaining("(did you mean 'linux-arm64'?)");
    }

    @Test
    void withModuleAndWithMoreGoRoots_keepEveryOtherSetting() {
        ReproduceSettings s = ReproduceSettings.builder(OUT, CACHE, Map.of(), HOME)
                .goRoots(List.of("/a"))
                .timeoutSeconds(7)
                .buildTimeoutSeconds(9)
                .threads(3)
                .reruns(4)
                .memoryLimitMb(32)
                .build();
        ModuleProject.Settings module = new ModuleProject.Settings(
                Path.of("/work/mod"), List.of("./..."), List.of(), List.of(), List.of(), null, null, null, Map.of());

        ReproduceSettings changed = s.withModule(module).withMoreGoRoots(List.of("/b"));

        assertThat(changed)
                .isEqualTo(ReproduceSettings.builder(OUT, CACHE, Map.of(), HOME)
                        .goRoots(List.of("/a", "/b"))
                        .timeoutSeconds(7)
                        .buildTimeoutSeconds(9)
                        .threads(3)
                        .reruns(4)
                        .memoryLimitMb(32)
                        .module(module)
                        .build());
    }
}
