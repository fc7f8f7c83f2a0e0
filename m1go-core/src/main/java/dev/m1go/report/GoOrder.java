package dev.m1go.report;

import dev.m1go.toolchain.GoVersion;
import java.util.Comparator;

/** Orders Go versions and toolchain labels in reports. */
final class GoOrder {

    static final Comparator<String> VERSIONS = GoVersion.STRING_ORDER;

    /** Versions, and toolchain labels such as {@code go1.19.8 (arm64 go)}: by version, then by the rest. */
    static final Comparator<String> LABELS = (a, b) -> {
        String va = a.split(" ", 2)[0];
        String vb = b.split(" ", 2)[0];
        int c = GoOrder.VERSIONS.compare(va, vb);
        return c != 0 ? c : a.compareTo(b);
    };

    private GoOrder() {}
}
