package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every IT runs the plugin this build produced: its Maven uses a local repository under {@code it/target} that holds
 * only this build's m1go artifacts, never the user's {@code ~/.m2}, where a stale m1go may sit.
 */
class IsolatedRepositoryIT {

    @Test
    void itsMaven_usesTheIsolatedRepository_notTheUsersOne() throws Exception {
        Path isolated = Maven.repository();
        assertThat(isolated.toString()).contains("/target/");
        assertThat(isolated).isNotEqualTo(Maven.mirror());
        List<String> argv = Maven.command("validate");
        assertThat(argv).contains("-Dmaven.repo.local=" + isolated);
        assertThat(argv).noneMatch(a -> a.contains("maven.repo.local=" + Maven.mirror()));
    }

    @Test
    void theIsolatedRepository_holdsThePluginThisBuildProduced_andItsParentAndCore() throws Exception {
        Path plugin = Maven.installed("m1go-maven-plugin", "jar");
        assertThat(plugin).exists();
        assertThat(Files.mismatch(plugin, Maven.pluginUnderTest()))
                .as("bytes of %s and %s", plugin, Maven.pluginUnderTest())
                .isEqualTo(-1L);
        assertThat(Maven.installed("m1go-core", "jar")).exists();
        assertThat(Maven.installed("reproducer-cases", "jar")).exists();
        Path parent = Maven.repository()
                .resolve("dev/m1go/m1go-parent/" + Maven.version() + "/m1go-parent-" + Maven.version() + ".pom");
        assertThat(parent).exists();
    }

    @Test
    void thePluginRunsFromTheIsolatedRepository_andReleasesOfOtherPluginsComeThroughTheMirror() throws Exception {
        Path dir = Maven.workDirectory("isolated-repository");
        Maven.Run help = Maven.run(dir, Maven.goal("help")).succeeded();
        assertThat(help.output()).contains("m1go:reproduce");
        // Not installed by this build: the release comes from the build's own local repository, offline.
        Maven.run(dir, "org.apache.maven.plugins:maven-install-plugin:3.1.3:help")
                .succeeded();
        assertThat(Maven.repository().resolve("org/apache/maven/plugins/maven-install-plugin/3.1.3"))
                .isDirectory();
    }
}
