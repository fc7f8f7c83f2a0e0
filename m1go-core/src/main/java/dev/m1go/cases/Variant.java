package dev.m1go.cases;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Extra environment for a cell: {@code runEnv} for the run (for example {@code GODEBUG=asyncpreemptoff=1}),
 * {@code buildEnv} for the build (for example {@code GOEXPERIMENT=cgocheck2}). Every case has the variant
 * {@value #DEFAULT}, with no extra environment.
 */
public record Variant(String name, Map<String, String> buildEnv, Map<String, String> runEnv) {

    public static final String DEFAULT = "default";

    public Variant {
        Objects.requireNonNull(name, "name");
        buildEnv = java.util.Collections.unmodifiableMap(new TreeMap<>(buildEnv));
        runEnv = java.util.Collections.unmodifiableMap(new TreeMap<>(runEnv));
    }

    public static Variant defaultVariant() {
        return new Variant(DEFAULT, Map.of(), Map.of());
    }
}
