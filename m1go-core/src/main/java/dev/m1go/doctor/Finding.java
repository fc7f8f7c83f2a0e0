package dev.m1go.doctor;

import dev.m1go.host.Observation;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Something the doctor found mixed or missing, with what it observed and what to do about it.
 *
 * @param id       a stable identifier ({@code toolchain-cc-arch-mismatch}); tools and tests match on it
 * @param severity info, warning or error
 * @param affects  whether it breaks m1go's matrix or only the builds you start yourself here
 * @param subject  what it is about ({@code go1.19.8 (arm64)}, {@code CGO_CFLAGS}, {@code qemu-aarch64})
 * @param message  what is wrong, in one sentence
 * @param remedy   what to do, concretely
 * @param evidence the commands and files the finding rests on
 */
public record Finding(
        String id,
        Severity severity,
        Affects affects,
        String subject,
        String message,
        String remedy,
        List<Observation> evidence) {

    /** Errors first, then warnings, then information; then by id and subject. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .reversed()
            .thenComparing(Finding::id)
            .thenComparing(Finding::subject);

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(affects, "affects");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remedy, "remedy");
        evidence = List.copyOf(evidence);
    }
}
