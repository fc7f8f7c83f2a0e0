package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.m1go.cases.ReproCase;
import dev.m1go.cases.Variant;
import java.util.List;
import java.util.Objects;

/** A case as reports show it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseInfo(
        String id, String description, String origin, List<String> reference, String expect, List<String> variants) {

    public CaseInfo {
        Objects.requireNonNull(id, "id");
    }

    public static CaseInfo of(ReproCase c) {
        return new CaseInfo(
                c.id(),
                c.description(),
                c.origin(),
                c.reference(),
                c.expectation().otherwise().toString()
                        + (c.expectation().rules().isEmpty()
                                ? ""
                                : " (" + c.expectation().rules().size() + " rules)"),
                c.variants().stream().map(Variant::name).toList());
    }
}
