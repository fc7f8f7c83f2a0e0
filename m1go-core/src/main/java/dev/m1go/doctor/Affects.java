package dev.m1go.doctor;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whom a finding hurts. {@code m1go:reproduce} sets GOOS, GOARCH, CC and CGO_ENABLED for every cell and, unless
 * {@code m1go.inheritEnvironment} is true, leaves the ambient build variables out, so much of what breaks a
 * {@code go build} typed in this shell does not touch the matrix; the goal fails only on what does.
 */
public enum Affects {
    /** m1go's own cells: they fail, are skipped or measure something else. */
    MATRIX("matrix"),
    /** Only builds you start yourself in this environment (go build, go run, go test). */
    MANUAL_BUILDS("manual-builds");

    private final String json;

    Affects(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
