package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.m1go.classify.Verdict;
import dev.m1go.core.Plural;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The cross-architecture answer: the same program natively on its own architecture against translated on the other
 * ("my amd64 build crashes under Rosetta, my arm64 build runs"). For each cell that ran translated, the native cell of
 * the same case, Go version and variant for the other target of the same OS, built by a toolchain of the host's
 * architecture (of the same host when there is one).
 *
 * <p>This is not the strict differential of {@link Differential}, which compares one target with itself: a program
 * may behave differently on another architecture on its own (an ABI, a C library built for one target). The case's
 * expectation per target tells the two apart, so the verdicts are: {@code same} (outcome and signal agree);
 * {@code as-expected} (they differ, and each cell matches its own target's expectation); {@code translated-unexpected}
 * (the native cell matches its expectation, the translated one does not: the answer the question is after);
 * {@code native-unexpected} (the other way round); {@code both-unexpected}.
 */
public record CrossArchitecture(
        @JsonProperty("case") String caseId,
        String go,
        String variant,
        String verdict,
        Differential.Side translated,
        String translatedTarget,
        Differential.Side nativeCell,
        String nativeTarget) {

    public static final String SAME = "same";
    public static final String AS_EXPECTED = "as-expected";
    public static final String TRANSLATED_UNEXPECTED = "translated-unexpected";
    public static final String NATIVE_UNEXPECTED = "native-unexpected";
    public static final String BOTH_UNEXPECTED = "both-unexpected";

    public CrossArchitecture {
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * Every pair of the cells, in report order. Skipped cells take no part; neither do test binaries, which
     * {@link Differential} already compares test by test with the other target's native cell.
     *
     * @param hostArch the architecture of the host that measured a cell
     */
    public static List<CrossArchitecture> of(List<CellResult> cells, Function<CellResult, String> hostArch) {
        List<CellResult> measured = cells.stream()
                .filter(c -> c.verdict() != Verdict.SKIPPED)
                .filter(c -> c.tests().isEmpty())
                .sorted(CellResult.ORDER)
                .toList();
        List<CrossArchitecture> out = new ArrayList<>();
        for (CellResult c : measured) {
            if (!c.translated()) {
                continue;
            }
            CellKey k = c.key();
            measured.stream()
                    .filter(o -> o.key().runner().equals("native")
                            && !o.translated()
                            && !o.key().foreignToolchain(hostArch.apply(o)))
                    .filter(o -> !o.key().target().equals(k.target())
                            && o.key().target().os() == k.target().os())
                    .filter(o -> o.key().caseId().equals(k.caseId())
                            && o.key().go().equals(k.go())
                            && o.key().variant().equals(k.variant()))
                    .min(Comparator.comparing(
                                    (CellResult o) -> Objects.equals(o.key().host(), k.host()) ? 0 : 1)
                            .thenComparing(o -> o.key().target().toString()))
                    .ifPresent(n -> out.add(new CrossArchitecture(
                            k.caseId(),
                            k.go(),
                            k.variant(),
                            verdict(c, n),
                            Differential.Side.of(c),
                            k.target().toString(),
                            Differential.Side.of(n),
                            n.key().target().toString())));
        }
        return List.copyOf(out);
    }

    private static String verdict(CellResult translated, CellResult nativeCell) {
        if (translated.outcome() == nativeCell.outcome() && Objects.equals(translated.signal(), nativeCell.signal())) {
            return SAME;
        }
        boolean t = translated.verdict() == Verdict.EXPECTED;
        boolean n = nativeCell.verdict() == Verdict.EXPECTED;
        return t && n ? AS_EXPECTED : n ? TRANSLATED_UNEXPECTED : t ? NATIVE_UNEXPECTED : BOTH_UNEXPECTED;
    }

    /**
     * {@code c-abort go1.22.12: linux/arm64 qemu CGO_SIGNAL SIGSEGV (expected PASS) vs linux/amd64 native PASS}.
     *
     * @param hostArch the architecture of the host of a side, by its host label
     */
    public String describe(Function<String, String> hostArch) {
        return caseId + " " + go + (variant.equals("default") ? "" : " " + variant) + ": " + translatedTarget + " "
                + Differential.where(translated, hostArch.apply(translated.host())) + " " + translated.describe()
                + (translated.verdict().equals(Verdict.EXPECTED.name()) ? "" : " (" + translated.verdict() + ")")
                + " vs " + nativeTarget + " " + Differential.where(nativeCell, hostArch.apply(nativeCell.host())) + " "
                + nativeCell.describe()
                + (nativeCell.verdict().equals(Verdict.EXPECTED.name()) ? "" : " (" + nativeCell.verdict() + ")");
    }

    /** The section's heading. */
    static final String HEADING = "Across architectures: native on one, translated on the other";

    /** What the section compares, and why it is not the strict answer above it. */
    static String intro() {
        return "The same program natively on the host's architecture and translated on the other: a program may "
                + "behave differently on another architecture on its own, so a difference counts only when a cell "
                + "contradicts its case's expectation for its own target. The strict answer, one target against "
                + "itself, is the section above.";
    }

    /** The lines that need reading: pairs where a cell contradicts its expectation. */
    static List<String> lines(Report r) {
        return r.crossArchitecture().stream()
                .filter(x -> !x.verdict().equals(SAME) && !x.verdict().equals(AS_EXPECTED))
                .map(x -> label(x.verdict()) + ": " + x.describe(r::hostArchOfLabel))
                .toList();
    }

    /** The closing line: how many pairs were compared, alike and different as expected. */
    static String summary(Report r) {
        List<CrossArchitecture> all = r.crossArchitecture();
        if (all.isEmpty()) {
            return "No pair: no translated cell has a native cell of the other architecture with the same case, Go "
                    + "version and variant.";
        }
        long same = all.stream().filter(x -> x.verdict().equals(SAME)).count();
        List<String> expected = all.stream()
                .filter(x -> x.verdict().equals(AS_EXPECTED))
                .map(x -> x.caseId() + " " + x.go() + " " + x.translatedTarget() + " "
                        + x.translated().runner())
                .toList();
        return Plural.of(all.size(), "pair") + " compared: " + same + " alike"
                + (expected.isEmpty()
                        ? ""
                        : ", " + expected.size() + " different as their cases expect (" + Differential.names(expected)
                                + ")")
                + (lines(r).isEmpty() ? "; none contradicts its expectation." : ".");
    }

    private static String label(String verdict) {
        return switch (verdict) {
            case TRANSLATED_UNEXPECTED -> "only translated";
            case NATIVE_UNEXPECTED -> "only native";
            default -> "both sides";
        };
    }
}
