package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "My amd64 build runs, my arm64 build crashes under qemu": on one machine the strict differential has no native
 * arm64 cell to compare with, so this answer compares the translated cell with the native cell of the other target,
 * and uses each target's expectation to tell an architecture's own behaviour from a translation problem.
 */
class CrossArchitectureTest {

    private static final HostInfo HOST = new HostInfo(
            "linux", "amd64", "x86_64", "amd64", "6.1", null, List.of(), List.of(), Map.of(), List.of(), Map.of(),
            false);

    private static CellResult cell(
            String caseId, Arch target, String runner, Outcome o, String signal, Verdict v, String expected) {
        return CellResult.ran(
                CellKey.of(caseId, "go1.22.12", Arch.AMD64, new Platform(Os.LINUX, target), runner, "default"),
                expected,
                o,
                v,
                new Diagnosis(
                        signal, signal != null, o + (signal == null ? "" : " " + signal), "s", List.of(), List.of()),
                target == Arch.ARM64,
                null,
                List.of(),
                Map.of());
    }

    private static Report report(CellResult... cells) {
        return new Report(
                Report.SCHEMA,
                "t",
                "2026-01-01T00:00:00Z",
                null,
                true,
                HOST,
                List.of(),
                List.of(),
                List.of(cells),
                List.of());
    }

    @Test
    void aCrashOnlyTranslated_isTheAnswer_whileAnExpectedArchitectureDifferenceIsOnlyCounted() {
        Report r = report(
                cell("c-tls", Arch.AMD64, "native", Outcome.PASS, null, Verdict.EXPECTED, "PASS"),
                cell("c-tls", Arch.ARM64, "qemu", Outcome.CGO_SIGNAL, "SIGSEGV", Verdict.UNEXPECTED, "PASS"),
                cell("c-tls", Arch.ARM64, "binfmt", Outcome.CGO_SIGNAL, "SIGSEGV", Verdict.UNEXPECTED, "PASS"),
                cell("wrong-arch", Arch.AMD64, "native", Outcome.PASS, null, Verdict.EXPECTED, "PASS"),
                cell(
                        "wrong-arch",
                        Arch.ARM64,
                        "qemu",
                        Outcome.LINK_ARCH_MISMATCH,
                        null,
                        Verdict.EXPECTED,
                        "LINK_ARCH_MISMATCH"),
                cell("hello", Arch.AMD64, "native", Outcome.PASS, null, Verdict.EXPECTED, "PASS"),
                cell("hello", Arch.ARM64, "qemu", Outcome.PASS, null, Verdict.EXPECTED, "PASS"));

        assertThat(r.crossArchitecture())
                .extracting(CrossArchitecture::caseId, CrossArchitecture::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c-tls", CrossArchitecture.TRANSLATED_UNEXPECTED),
                        org.assertj.core.groups.Tuple.tuple("c-tls", CrossArchitecture.TRANSLATED_UNEXPECTED),
                        org.assertj.core.groups.Tuple.tuple("hello", CrossArchitecture.SAME),
                        org.assertj.core.groups.Tuple.tuple("wrong-arch", CrossArchitecture.AS_EXPECTED));
        assertThat(CrossArchitecture.lines(r))
                .containsExactly(
                        "only translated: c-tls go1.22.12: linux/arm64 qemu CGO_SIGNAL SIGSEGV (UNEXPECTED) vs linux/amd64 "
                                + "native PASS",
                        "only translated: c-tls go1.22.12: linux/arm64 binfmt CGO_SIGNAL SIGSEGV (UNEXPECTED) vs linux/amd64 "
                                + "native PASS");
        assertThat(CrossArchitecture.summary(r))
                .isEqualTo("4 pairs compared: 1 alike, 1 different as their cases "
                        + "expect (wrong-arch go1.22.12 linux/arm64 qemu).");
        // on this one-host report the strict answer has no native arm64 cell: it compares the two translators
        assertThat(Differential.translationOnly(r.differentials())).isEmpty();

        String md = MarkdownReport.render(r, null);
        assertThat(md)
                .contains(
                        "## " + CrossArchitecture.HEADING,
                        "- only translated: c-tls go1.22.12: linux/arm64 "
                                + "qemu CGO_SIGNAL SIGSEGV (UNEXPECTED) vs linux/amd64 native PASS");
    }

    @Test
    void noPair_saysWhy() {
        Report r = report(cell("hello", Arch.ARM64, "qemu", Outcome.PASS, null, Verdict.EXPECTED, "PASS"));
        assertThat(CrossArchitecture.summary(r))
                .startsWith("No pair: no translated cell has a native cell of the " + "other architecture");
    }
}
