package dev.m1go.doctor;

import dev.m1go.host.Arch;
import dev.m1go.host.DockerEndpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code m1go:doctor} was asked.
 *
 * @param outputDirectory where {@code doctor.json} and the logs of every command go ({@code target/m1go})
 * @param goRoots         more GOROOTs to examine ({@code m1go.goRoots})
 * @param failOn          {@code m1go.doctor.failOn} as given: warning, error or never
 * @param environment     the environment to diagnose (the one Maven was started with)
 * @param home            the user's home directory
 * @param inheritEnvironment {@code m1go.inheritEnvironment}: whether {@code m1go:reproduce} passes the ambient build
 *                        variables on, so that what they break breaks the matrix too
 * @param containerHosts  {@code m1go.container.hosts}: the engine of each platform named, checked besides the default
 */
public record DoctorSettings(
        Path outputDirectory,
        List<String> goRoots,
        String failOn,
        Map<String, String> environment,
        Path home,
        boolean inheritEnvironment,
        Map<Arch, DockerEndpoint> containerHosts) {
    public DoctorSettings {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        goRoots = List.copyOf(goRoots);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(home, "home");
        containerHosts = containerHosts == null ? Map.of() : Map.copyOf(containerHosts);
    }

    /** Every platform's container cells on the engine of {@code DOCKER_HOST} or the default socket. */
    public DoctorSettings(
            Path outputDirectory,
            List<String> goRoots,
            String failOn,
            Map<String, String> environment,
            Path home,
            boolean inheritEnvironment) {
        this(outputDirectory, goRoots, failOn, environment, home, inheritEnvironment, Map.of());
    }

    /** With the matrix's default clean environment. */
    public DoctorSettings(
            Path outputDirectory, List<String> goRoots, String failOn, Map<String, String> environment, Path home) {
        this(outputDirectory, goRoots, failOn, environment, home, false);
    }
}
