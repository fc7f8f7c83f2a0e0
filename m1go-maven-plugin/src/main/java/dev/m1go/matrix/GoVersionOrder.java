package dev.m1go.matrix;

import dev.m1go.toolchain.GoVersion;
import java.util.Comparator;

/** Orders version strings as Go releases ({@code go1.9} before {@code go1.10}); unparsable ones last, by text. */
enum GoVersionOrder implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String a, String b) {
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
    }
}
