package dev.m1go.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set of Go versions written the way people say it: {@code 1.22} (every 1.22.x), {@code go1.22.12} (exactly),
 * {@code >=1.21}, {@code <1.23}, {@code >=1.21 <1.23} (both), and comma lists of those (any of them):
 * {@code 1.19, >=1.22}.
 */
public final class GoVersionRange {

    private final String text;
    private final List<List<Bound>> anyOf;

    private record Bound(String op, GoVersion version, boolean minorOnly) {
        boolean test(GoVersion v) {
            if (op.isEmpty()) {
                return minorOnly ? v.major() == version.major() && v.minor() == version.minor() : v.equals(version);
            }
            GoVersion probe = minorOnly ? new GoVersion(v.major(), v.minor(), 0, "") : v;
            int c = probe.compareTo(version);
            return switch (op) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                case "=", "==" -> c == 0;
                default -> throw new IllegalStateException(op);
            };
        }
    }

    private GoVersionRange(String text, List<List<Bound>> anyOf) {
        this.text = text;
        this.anyOf = anyOf;
    }

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException with a message that quotes the part it cannot read
     */
    public static GoVersionRange parse(String text) {
        Objects.requireNonNull(text, "text");
        List<List<Bound>> anyOf = new ArrayList<>();
        for (String alternative : text.split(",")) {
            if (alternative.isBlank()) {
                continue;
            }
            List<Bound> all = new ArrayList<>();
            for (String part : alternative.trim().split("\\s+")) {
                all.add(bound(part, text));
            }
            anyOf.add(List.copyOf(all));
        }
        if (anyOf.isEmpty()) {
            throw new IllegalArgumentException("empty Go version range");
        }
        return new GoVersionRange(text.trim(), List.copyOf(anyOf));
    }

    private static Bound bound(String part, String whole) {
        String op = part.replaceAll("^([<>=]*).*", "$1");
        String rest = part.substring(op.length());
        if (!List.of("", ">=", ">", "<=", "<", "=", "==").contains(op)) {
            throw new IllegalArgumentException("unknown comparison '" + op + "' in Go version range '" + whole + "'");
        }
        GoVersion v = GoVersion.parse(rest)
                .orElseThrow(() -> new IllegalArgumentException("'" + rest + "' in Go version range '" + whole
                        + "' is not a Go version like 1.22 or go1.22.12"));
        boolean minorOnly =
                rest.replaceFirst("^go", "").split("\\.").length == 2 && v.pre().isEmpty();
        return new Bound(op, v, minorOnly);
    }

    public boolean contains(GoVersion version) {
        return anyOf.stream().anyMatch(all -> all.stream().allMatch(b -> b.test(version)));
    }

    @Override
    public String toString() {
        return text;
    }
}
