package dev.m1go.app;

import dev.m1go.doctor.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code m1go:doctor} found; every finding was logged with its evidence and remedy as it was made.
 *
 * @param file    doctor.json
 * @param failing the findings at or above {@code m1go.doctor.failOn} that break the matrix
 * @param failure the message naming them; {@code null} when none does
 */
public record DoctorResult(Path file, List<Finding> failing, String failure) {
    public DoctorResult {
        failing = List.copyOf(failing);
    }

    public boolean failed() {
        return failure != null;
    }
}
