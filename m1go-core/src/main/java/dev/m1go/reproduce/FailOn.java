package dev.m1go.reproduce;

import dev.m1go.core.UserError;
import java.util.Locale;

/**
 * When the build fails ({@code m1go.failOn}): on every cell that contradicts its expectation ({@code regression},
 * the default), only on such cells whose failure is new since the baseline ({@code new}; for cells with repeated
 * runs: whose failure rate rose significantly), only on translated cells that fail where their reference cell does
 * not and that the case does not expect to ({@code translation-only}), or never ({@code never}).
 * {@code m1go.failOnRegression=false} means {@code never}, whatever {@code m1go.failOn} says.
 */
public enum FailOn {
    REGRESSION,
    NEW,
    TRANSLATION_ONLY,
    NEVER;

    public static final String VALUES = "regression, new, translation-only or never";

    /**
     * The policy from the two properties.
     *
     * @throws UserError naming {@code m1go.failOn} for a value other than regression, new, never
     */
    public static FailOn of(String failOn, boolean failOnRegression) throws UserError {
        FailOn parsed = REGRESSION;
        if (failOn != null && !failOn.isBlank()) {
            try {
                parsed = valueOf(failOn.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new UserError("m1go.failOn is '" + failOn.trim() + "': use " + VALUES
                        + " (m1go.failOn=regression fails on every unexpected cell, new only on failures the "
                        + "m1go.baseline report did not have, translation-only only on cells that fail only under "
                        + "translation, never does not fail)");
            }
        }
        return failOnRegression ? parsed : NEVER;
    }

    public String property() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
