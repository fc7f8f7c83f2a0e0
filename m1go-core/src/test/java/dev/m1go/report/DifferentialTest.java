package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.host.Arch;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferentialTest {

    static final java.util.function.Function<CellResult, String> AMD64_HOST = c -> "amd64";

    static CellResult on(CellResult c, String toolchainArch, String host) {
        CellKey k = c.key();
        return new CellResult(
                new CellKey(
                        k.caseId(),
                        k.go(),
                        Arch.parse(toolchainArch).orElseThrow(),
                        k.target(),
                        k.runner(),
                        k.variant(),
                        host),
                c.outcome(),
                c.verdict(),
                c.expected(),
                c.diagnosis(),
                c.translated(),
                c.reason(),
                c.build(),
                c.runs(),
                c.facts(),
                c.outcomeCounts());
    }

    /** The cell with k failing (as {@code failure}) of n runs counted. */
    static CellResult rate(CellResult c, Outcome failure, int k, int n) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        if (n > k) {
            counts.put("PASS", n - k);
        }
        if (k > 0) {
            counts.put(failure.name(), k);
        }
        return new CellResult(
                c.key(),
                c.outcome(),
                k > 0 && k < n ? Verdict.FLAKY : c.verdict(),
                c.expected(),
                c.diagnosis(),
                c.translated(),
                c.reason(),
                c.build(),
                c.runs(),
                c.facts(),
                counts);
    }

    @Test
    void nativePasses_qemuCrashes_isTranslationOnly_binfmtPassing_isSame() {
        List<Differential> d = Differential.of(
                List.of(
                        Cells.pass("c-x", "go1.22.12", "amd64", "native"),
                        Cells.crash("c-x", "go1.22.12", "amd64", "qemu", Verdict.UNEXPECTED, null),
                        Cells.pass("c-x", "go1.22.12", "amd64", "binfmt")),
                AMD64_HOST);
        assertThat(d).extracting(Differential::verdict).containsExactly("translation-only", "same");
        Differential qemu = d.get(0);
        assertThat(qemu.referenceKind()).isEqualTo("native");
        assertThat(qemu.translation()).isEqualTo("runner");
        assertThat(qemu.reference().runner()).isEqualTo("native");
        assertThat(qemu.cell().outcome()).isEqualTo("CGO_SIGNAL");
        assertThat(qemu.cell().key()).isEqualTo("c-x go1.22.12 amd64 linux/amd64 qemu default");
        assertThat(qemu.pValue()).isNull();
        assertThat(Differential.translationOnly(d)).containsExactly(qemu);
    }

    @Test
    void nativeFails_translatedPasses_isNativeOnly_bothFailingDifferently_isBothDiffer() {
        CellResult nativeCrash = Cells.crash("c-x", "go1.22.12", "amd64", "native", Verdict.UNEXPECTED, null);
        CellResult qemuPass = Cells.pass("c-x", "go1.22.12", "amd64", "qemu");
        CellResult binfmtOther = Cells.cell(
                "c-x",
                "go1.22.12",
                "amd64",
                "amd64",
                "binfmt",
                Outcome.GO_FATAL,
                null,
                "PASS",
                Verdict.UNEXPECTED,
                null,
                List.of());
        assertThat(Differential.of(List.of(nativeCrash, qemuPass, binfmtOther), AMD64_HOST))
                .extracting(Differential::verdict)
                .containsExactly("native-only", "both-differ");
    }

    @Test
    void translatedOutcomeTheCaseExpects_stillCountsAsTranslationOnly() {
        CellResult fault = Cells.cell(
                "c-x",
                "go1.22.12",
                "amd64",
                "amd64",
                "qemu",
                Outcome.EMULATOR_FAULT,
                null,
                "EMULATOR_FAULT",
                Verdict.EXPECTED,
                null,
                List.of());
        assertThat(Differential.of(List.of(Cells.pass("c-x", "go1.22.12", "amd64", "native"), fault), AMD64_HOST))
                .extracting(Differential::verdict)
                .containsExactly("translation-only");
    }

    @Test
    void arm64ToolchainOfTheSameVersion_isComparedAsATranslatedToolchain() {
        CellResult amd64Go = Cells.pass("c-x", "go1.22.12", "amd64", "native");
        CellResult arm64Go = on(
                Cells.cell(
                        "c-x",
                        "go1.22.12",
                        "amd64",
                        "amd64",
                        "native",
                        Outcome.TIMEOUT,
                        null,
                        "PASS",
                        Verdict.UNEXPECTED,
                        null,
                        List.of()),
                "arm64",
                null);
        List<Differential> d = Differential.of(List.of(amd64Go, arm64Go), AMD64_HOST);
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.translation()).isEqualTo("toolchain");
            assertThat(x.verdict()).isEqualTo("translation-only");
            assertThat(x.cell().toolchainArch()).isEqualTo("arm64");
        });
    }

    @Test
    void targetWithoutNativeCell_comparesTheTranslators_qemuFirst() {
        List<Differential> d = Differential.of(
                List.of(
                        Cells.pass("c-x", "go1.22.12", "arm64", "qemu"),
                        Cells.crash("c-x", "go1.22.12", "arm64", "binfmt", Verdict.UNEXPECTED, null)),
                AMD64_HOST);
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.referenceKind()).isEqualTo("translator");
            assertThat(x.reference().runner()).isEqualTo("qemu");
            assertThat(x.verdict()).isEqualTo("translation-only");
        });
    }

    @Test
    void mergedReport_anArm64HostsNativeCell_isTheReferenceForAnAmd64HostsQemuCell() {
        CellResult armNative = on(Cells.pass("c-x", "go1.22.12", "arm64", "native"), "arm64", "linux/arm64");
        CellResult amdQemu =
                on(Cells.crash("c-x", "go1.22.12", "arm64", "qemu", Verdict.UNEXPECTED, null), "amd64", "linux/amd64");
        java.util.function.Function<CellResult, String> hosts =
                c -> c.key().host().equals("linux/arm64") ? "arm64" : "amd64";
        List<Differential> d = Differential.of(List.of(armNative, amdQemu), hosts);
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.referenceKind()).isEqualTo("native");
            assertThat(x.reference().host()).isEqualTo("linux/arm64");
            assertThat(x.cell().host()).isEqualTo("linux/amd64");
            assertThat(x.verdict()).isEqualTo("translation-only");
        });
    }

    @Test
    void repeatedRuns_significantlyMoreFailuresUnderTranslation_isTranslationOnly_withFishersP() {
        CellResult nat = rate(Cells.pass("c-x", "go1.22.12", "amd64", "native"), Outcome.TIMEOUT, 0, 200);
        CellResult qemu = rate(Cells.pass("c-x", "go1.22.12", "amd64", "qemu"), Outcome.TIMEOUT, 7, 200);
        Differential d = Differential.of(List.of(nat, qemu), AMD64_HOST).get(0);
        assertThat(d.verdict()).isEqualTo("translation-only");
        assertThat(d.pValue()).isCloseTo(0.014813, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(d.describe(h -> "amd64"))
                .isEqualTo("c-x go1.22.12 linux/amd64: qemu PASS 7/200 [1.7 %–7.0 %] vs "
                        + "native PASS 0/200 [0 %–1.9 %], p = 0.015");
    }

    @Test
    void repeatedRuns_aFewFailuresOnEitherSide_isSame() {
        CellResult nat = rate(Cells.pass("c-x", "go1.22.12", "amd64", "native"), Outcome.TIMEOUT, 1, 20);
        CellResult qemu =
                rate(Cells.crash("c-x", "go1.22.12", "amd64", "qemu", Verdict.FLAKY, null), Outcome.CGO_SIGNAL, 2, 20);
        Differential d = Differential.of(List.of(nat, qemu), AMD64_HOST).get(0);
        assertThat(d.verdict()).isEqualTo("same");
        assertThat(d.pValue()).isEqualTo(1.0);
    }

    @Test
    void skippedCellsTakeNoPart_andANativeCellAloneHasNoDifferential() {
        assertThat(Differential.of(
                        List.of(
                                Cells.pass("c-x", "go1.22.12", "amd64", "native"),
                                Cells.cell(
                                        "c-x",
                                        "go1.22.12",
                                        "amd64",
                                        "amd64",
                                        "qemu",
                                        Outcome.SKIPPED,
                                        null,
                                        "PASS",
                                        Verdict.SKIPPED,
                                        null,
                                        List.of())),
                        AMD64_HOST))
                .isEmpty();
    }

    @Test
    void differentVersionsAndVariants_areDifferentGroups() {
        List<Differential> d = Differential.of(
                List.of(
                        Cells.pass("c-x", "go1.22.12", "amd64", "native"),
                        Cells.crash("c-x", "go1.23.5", "amd64", "qemu", Verdict.UNEXPECTED, null)),
                AMD64_HOST);
        assertThat(d).isEmpty();
    }
}
