package dev.m1go.toolchain;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go release version: {@code go1.22.12}, {@code go1.21rc2}, {@code go1.19}. Ordered as releases are (an rc or beta
 * comes before the release of the same minor version).
 */
public record GoVersion(int major, int minor, int patch, String pre) implements Comparable<GoVersion> {

    private static final Pattern FORM = Pattern.compile("(?:go)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?((?:rc|beta)\\d+)?");
    private static final Comparator<GoVersion> ORDER = Comparator.comparingInt(GoVersion::major)
            .thenComparingInt(GoVersion::minor)
            .thenComparing(v -> v.pre.isEmpty() ? 1 : 0)
            .thenComparing(GoVersion::pre)
            .thenComparingInt(GoVersion::patch);

    /**
     * Orders version strings as Go releases ({@code go1.9} before {@code go1.10}); strings that are no version come
     * last, by text.
     */
    public static final Comparator<String> STRING_ORDER = (a, b) -> {
        Optional<GoVersion> va = parse(a);
        Optional<GoVersion> vb = parse(b);
        if (va.isPresent() && vb.isPresent()) {
            int c = va.get().compareTo(vb.get());
            return c != 0 ? c : a.compareTo(b);
        }
        if (va.isPresent() != vb.isPresent()) {
            return va.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
    };

    public GoVersion {
        pre = Objects.requireNonNullElse(pre, "");
    }

    /** Parses {@code go1.22.12}, {@code 1.22.12}, {@code 1.22}, {@code go1.21rc2}; empty when it is none of those. */
    public static Optional<GoVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new GoVersion(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                m.group(4)));
    }

    /** Finds the version in {@code go version} output: {@code go version go1.22.12 linux/amd64}. */
    public static Optional<GoVersion> fromGoVersionOutput(String output) {
        Matcher m = Pattern.compile("\\bgo(\\d+\\.\\d+(?:\\.\\d+)?(?:(?:rc|beta)\\d+)?)\\b")
                .matcher(output);
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    /** {@code 1.22}: the language version, used in go.mod files and in version filters. */
    public String minorLine() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(GoVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return "go" + major + "." + minor
                + (pre.isEmpty() ? (patch > 0 || major > 1 || minor >= 21 ? "." + patch : "") : pre);
    }
}
