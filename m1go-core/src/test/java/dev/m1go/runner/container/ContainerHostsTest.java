package dev.m1go.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.host.Arch;
import dev.m1go.host.DockerEndpoint;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code m1go.container.hosts.<goos>-<goarch>}: what it accepts, and what it refuses naming the setting. */
class ContainerHostsTest {

    @Test
    void unixAndTcpEndpoints_perPlatform() {
        Map<Arch, DockerEndpoint> hosts = ContainerHosts.parse(Map.of(
                "linux-arm64", " tcp://arm64-box:2375 ", "linux-amd64", "unix:///var/run/m1go-docker-second.sock"));
        assertThat(hosts.get(Arch.ARM64))
                .isEqualTo(new DockerEndpoint("tcp://arm64-box:2375", "m1go.container.hosts.linux-arm64", false));
        assertThat(hosts.get(Arch.AMD64).describe())
                .isEqualTo("unix:///var/run/m1go-docker-second.sock (m1go.container.hosts.linux-amd64)");
        assertThat(ContainerHosts.parse(null)).isEmpty();
        assertThat(ContainerHosts.parse(Map.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "linux-aarch64|tcp://a:1|m1go.container.hosts.linux-aarch64 names no platform of the container runner: the keys are linux-amd64 and linux-arm64 (did you mean 'linux-arm64'?)",
                "darwin-arm64|tcp://a:1|m1go.container.hosts.darwin-arm64 names no platform of the container runner",
                "linux-arm64|'  '|m1go.container.hosts.linux-arm64 is empty: give the engine as unix:///path/to/docker.sock or tcp://host:port",
                "linux-arm64|unix://docker.sock|m1go.container.hosts.linux-arm64=unix://docker.sock: a unix socket is named by its absolute path",
                "linux-arm64|tcp://arm64-box|m1go.container.hosts.linux-arm64=tcp://arm64-box: write the engine's host and port, tcp://host:2375",
                "linux-arm64|tcp://u:pw@arm64-box:2375|m1go.container.hosts.linux-arm64=tcp://arm64-box:2375: a Docker engine takes no user or password",
                "linux-arm64|tcp://arm64-box:2375/v1.41?x=1|m1go.container.hosts.linux-arm64=tcp://arm64-box:2375: write only the engine's host and port",
                "linux-arm64|http://arm64-box:2375|m1go.container.hosts.linux-arm64 'http://arm64-box:2375' is not a Docker endpoint m1go can use: write unix:///path/to/docker.sock or tcp://host:port",
                "linux-arm64|ssh://ci:pw@arm64-box:2222|m1go.container.hosts.linux-arm64=ssh://arm64-box:2222: m1go does not speak ssh:// itself (nor does its Docker client); forward the engine's socket and name the local end: ssh -fNL /tmp/m1go-docker.sock:/var/run/docker.sock -p 2222 ci@arm64-box, then m1go.container.hosts.linux-arm64=unix:///tmp/m1go-docker.sock",
            })
    void refused_namingTheSetting(String key, String value, String message) {
        assertThatThrownBy(() -> ContainerHosts.parse(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .message()
                .doesNotContain("pw");
    }
}
