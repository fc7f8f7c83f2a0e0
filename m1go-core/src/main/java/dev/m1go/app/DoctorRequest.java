package dev.m1go.app;

import java.nio.file.Path;
import java.util.List;

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
 */
public record DoctorRequest(Path outputDirectory, List<String> goRoots, String failOn, boolean inheritEnvironment) {
    public DoctorRequest {
        goRoots = goRoots == null ? List.of() : List.copyOf(goRoots);
        failOn = failOn == null ? Defaults.DOCTOR_FAIL_ON : failOn;
    }
}
