package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MavenLogTest {

    @Test
    void inAReactorOfSeveralModules_everyLineNamesTheModule() {
        RecordingLog maven = new RecordingLog();
        new MavenLog(maven, "cgo-matrix").info("[ 3/12] c-abort go1.22.12 linux/amd64 native ... CGO_SIGNAL SIGABRT");
        new MavenLog(maven, null).info("alone");
        new MavenLog(maven, "other").warn("careful");
        assertThat(maven.infos)
                .containsExactly(
                        "[cgo-matrix] [ 3/12] c-abort go1.22.12 linux/amd64 native ... CGO_SIGNAL SIGABRT", "alone");
        assertThat(maven.warnings).containsExactly("[other] careful");
    }

    @Test
    void noSession_noModule() {
        assertThat(AbstractM1goMojo.module(null)).isNull();
    }

    /** A stand-in with Xpp3Dom's shape. */
    public static final class Dom {
        private final java.util.Map<String, String> children;

        Dom(java.util.Map<String, String> children) {
            this.children = children;
        }

        public Dom getChild(String name) {
            return children.containsKey(name) ? new Dom(java.util.Map.of("", children.get(name))) : null;
        }

        public String getValue() {
            return children.get("");
        }
    }

    @Test
    void toolchainConfiguration_isReadByItsChildNames() {
        Dom config = new Dom(java.util.Map.of("goRoot", " /opt/go "));
        assertThat(AbstractM1goMojo.child(config, "goRoot")).isEqualTo("/opt/go");
        assertThat(AbstractM1goMojo.child(config, "GOROOT")).isNull();
        assertThat(AbstractM1goMojo.child(null, "goRoot")).isNull();
    }
}
