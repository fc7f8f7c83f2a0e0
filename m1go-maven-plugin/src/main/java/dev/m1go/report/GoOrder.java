package dev.m1go.report;

import dev.m1go.toolchain.GoVersion;
import java.util.Comparator;

/** Orders Go version strings as releases ({@code go1.9} before {@code go1.10}); unparsable ones last, by text. */
final class GoOrder {

    static final Comparator<String> VERSIONS = (a, b) -> {
        var va = GoVersion.parse(a);
        var vb = GoVersion.parse(b);
        if (va.isPresent() && vb.isPresent()) {
            int c = va.get().compareTo(vb.get());
            return c != 0 ? c : a.compareTo(b);
        }
        if (va.isPresent() != vb.isPresent()) {
            return va.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
    };

    /** Versions, and toolchain labels such as {@code go1.19.8 (arm64 go)}: by version, then by the rest. */
    static final Comparator<String> LABELS = (a, b) -> {
        String va = a.split(" ", 2)[0];
        String vb = b.split(" ", 2)[0];
        int c = GoOrder.VERSIONS.compare(va, vb);
        return c != 0 ? c : a.compareTo(b);
    };

    private GoOrder() {
    }
}
