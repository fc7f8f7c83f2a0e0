package dev.m1go.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code m1go:doctor} is asked to do.
 *
 * @param outputDirectory    where doctor.json and the logs of every command go; {@code null}:
 *                           {@link Defaults#OUTPUT_DIRECTORY} below the working directory
 * @param goRoots            {@code m1go.goRoots}: more GOROOTs to examine
 * @param failOn             {@code m1go.doctor.failOn}: warning, error or never ({@code null}:
 *                           {@link Defaults#DOCTOR_FAIL_ON})
 * @param inheritEnvironment {@code m1go.inheritEnvironment}: whether the matrix gets the whole environment, so that
 *                           what the ambient build variables break breaks the matrix too
 * @param containerHosts     {@code m1go.container.hosts}: {@code linux-arm64} → the engine of that platform's container
 *                           cells, as given; each is checked too
 */
public record DoctorRequest(
        Path outputDirectory,
        List<String> goRoots,
        String failOn,
        boolean inheritEnvironment,
        Map<String, String> containerHosts) {
    public DoctorRequest {
        goRoots = goRoots == null ? List.of() : List.copyOf(goRoots);
        failOn = failOn == null ? Defaults.DOCTOR_FAIL_ON : failOn;
        containerHosts = containerHosts == null ? Map.of() : Map.copyOf(containerHosts);
    }

    /** Every platform's container cells on the engine of {@code DOCKER_HOST} or the default socket. */
    public DoctorRequest(Path outputDirectory, List<String> goRoots, String failOn, boolean inheritEnvironment) {
        this(outputDirectory, goRoots, failOn, inheritEnvironment, Map.of());
    }
}
