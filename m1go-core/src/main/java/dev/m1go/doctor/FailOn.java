package dev.m1go.doctor;

import dev.m1go.core.UserError;
import dev.m1go.settings.PropertyNames;
import java.util.Locale;

/** {@code m1go.doctor.failOn}: the least severe finding that fails the goal. */
public enum FailOn {
    /** Fail on any warning or error. */
    WARNING,
    /** Fail only on errors: things that break a cgo build or run here (the default). */
    ERROR,
    /** Only report. */
    NEVER;

    public static final String PROPERTY = PropertyNames.DOCTOR_FAIL_ON;

    public static FailOn parse(String value) throws UserError {
        String v = value == null || value.isBlank() ? "error" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "warning" -> WARNING;
            case "error" -> ERROR;
            case "never" -> NEVER;
            default -> throw new UserError(PROPERTY + " is '" + value + "': use warning, error (the default) or never");
        };
    }

    public boolean fails(Severity s) {
        return switch (this) {
            case WARNING -> s != Severity.INFO;
            case ERROR -> s == Severity.ERROR;
            case NEVER -> false;
        };
    }
}
