package dev.m1go.doctor;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad a finding is: {@code info} (worth knowing), {@code warning} (will surprise you), {@code error} (will break a cgo build or run). */
public enum Severity {
    INFO,
    WARNING,
    ERROR;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
