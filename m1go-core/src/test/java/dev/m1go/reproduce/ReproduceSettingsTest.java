package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
