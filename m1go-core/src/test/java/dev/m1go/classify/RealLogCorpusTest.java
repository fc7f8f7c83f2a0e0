package dev.m1go.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The corpus of real logs taken from public issue threads ({@code corpus/*.log}): each names its source address, the
 * thread's conclusion and the outcome a careful reader gives it; the classifier has to agree with at least
 * {@value #AGREEING} of them (the figure README states).
 */
class RealLogCorpusTest {

    /** The agreement README states; a change that lowers it fails here. */
    static final int AGREEING = 102;

    private final LogClassification logic = new LogClassification(new GoCrashClassifier(), "linux");

    record CorpusLog(String name, String text, LogFile log) {

        String expectedOutcome() {
            return log.header("expect").split(" ")[0];
        }

        String expectedSignal() {
            String[] parts = log.header("expect").split(" ");
            return parts.length > 1 ? parts[1] : null;
        }

        List<String> kinds() {
            String k = log.header("kind");
            return k == null || k.isBlank() ? List.of() : List.of(k.split(",\\s*"));
        }
    }

    static Path directory() {
        try {
            return Path.of(RealLogCorpusTest.class.getResource("corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<CorpusLog> all() {
        try (Stream<Path> s = Files.list(directory())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .map(RealLogCorpusTest::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusLog load(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            return new CorpusLog(p.getFileName().toString().replaceFirst("\\.log$", ""), text, LogFile.parse(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusLog named(String name) {
        return load(directory().resolve(name + ".log"));
    }

    private Reading read(String name) {
        return logic.reading(named(name).text(), null);
    }

    @Test
    void corpus_agreesWithTheRecordedOutcomes_atLeastAsOftenAsReadmeSays() {
        List<CorpusLog> all = all();
        List<String> disagreements = new ArrayList<>();
        for (CorpusLog c : all) {
            Classification k = logic.reading(c.text(), null).classification();
            boolean agrees = k.outcome().name().equals(c.expectedOutcome())
                    && (c.expectedSignal() == null || c.expectedSignal().equals(k.signal()));
            if (!agrees) {
                disagreements.add(c.name() + ": expected " + c.log().header("expect") + ", got " + k.outcome()
                        + (k.signal() == null ? "" : " " + k.signal()) + " (" + k.summary() + ")");
            }
        }
        int agreeing = all.size() - disagreements.size();
        System.out.println("corpus: " + agreeing + "/" + all.size() + " agree"
                + (disagreements.isEmpty() ? "" : "; disagreements:\n  " + String.join("\n  ", disagreements)));
        assertThat(agreeing).as("agreement; disagreements: %s", disagreements).isGreaterThanOrEqualTo(AGREEING);
    }

    @Test
    void corpus_everyLogNamesItsSourceConclusionAndKind() {
        assertThat(all()).hasSizeGreaterThanOrEqualTo(50).allSatisfy(c -> {
            assertThat(c.log().header("source")).as(c.name()).startsWith("https://");
            assertThat(c.log().header("expect")).as(c.name()).isNotBlank();
            assertThat(c.log().header("note")).as(c.name()).isNotBlank().hasSizeLessThan(400);
            assertThat(c.log().header("kind")).as(c.name()).isNotNull();
            assertThat(c.name()).as("name pattern whatItShows_origin").matches("[a-z][A-Za-z0-9]+_[a-z0-9]+");
        });
    }

    @Test
    void corpus_coversEveryKindOfTheIssue_andEmulatedPlatformsAreAtLeastAThird() {
        List<CorpusLog> all = all();
        List<String> kinds =
                all.stream().flatMap(c -> c.kinds().stream()).distinct().toList();
        assertThat(kinds)
                .contains(
                        "prefix-journald",
                        "prefix-buildkit",
                        "prefix-gotest",
                        "prefix-timestamp",
                        "prefix-ci",
                        "glued",
                        "apple-text",
                        "apple-ips",
                        "shell-kill",
                        "kernel-kill",
                        "emulator",
                        "gccgo",
                        "build-asm",
                        "build-dwarf",
                        "pass-gotest",
                        "warnings-only",
                        "windows",
                        "fragment");
        long emulated = all.stream()
                .filter(c -> c.kinds().stream()
                        .anyMatch(k -> k.equals("rosetta")
                                || k.equals("apple-silicon")
                                || k.equals("qemu")
                                || k.equals("arm64")))
                .count();
        assertThat(emulated * 3)
                .as("Rosetta, Apple silicon, qemu or arm64 logs")
                .isGreaterThanOrEqualTo(all.size());
    }

    @Test
    void classifyGoal_readsTheWholeMixedDirectory_inOneCall() throws IOException {
        List<String> lines = logic.jsonLines(directory(), null);
        assertThat(lines).hasSize(all().size());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertThat(n.get("confidence").asText()).isIn("HIGH", "MEDIUM", "LOW");
            assertThat(n.get("assessment").asText()).isNotBlank();
            assertThat(n.get("evidence").isArray()).isTrue();
        }
    }

    @Test
    void classify_journaldPrefixedCgoCrash_isCgoSignal_andSaysWhichPrefixWasRemoved() {
        Reading r = read("journaldPidCgoSigsegv_datadogagent40416");
        assertThat(r.classification().outcome()).isEqualTo(Outcome.CGO_SIGNAL);
        assertThat(r.normalization()).anySatisfy(n -> assertThat(n).contains("journald/syslog prefixes"));
        assertThat(r.evidence()).first().satisfies(e -> {
            assertThat(e.text()).isEqualTo("SIGSEGV: segmentation violation");
            assertThat(e.line()).isEqualTo(6);
        });
    }

    @Test
    void classify_syslogPrefixedPanic_isGoPanic() {
        assertThat(read("syslogGoPanic_systemd3277").classification().outcome()).isEqualTo(Outcome.GO_PANIC);
    }

    @Test
    void classify_buildkitPrefixedQemuRefusal_isExecRefused() {
        assertThat(read("qemuCouldNotOpenBuildkit_acedocker174")
                        .classification()
                        .outcome())
                .isEqualTo(Outcome.EXEC_REFUSED);
    }

    @Test
    void classify_goTestIndentedReport_isReadThroughItsLogPrefix() {
        Reading r = read("goTestLogIndentedSigsegv_golang64656");
        assertThat(r.classification().outcome()).isEqualTo(Outcome.GO_SIGNAL);
        assertThat(r.normalization()).anySatisfy(n -> assertThat(n).contains("go test log prefixes"));
    }

    @Test
    void classify_sigabrtGluedToAProgressLine_isCgoSignalSigabrt_withTheOriginalLineNumber() {
        Reading r = read("gluedSigabrtProgress_gominer30");
        assertThat(r.classification().outcome()).isEqualTo(Outcome.CGO_SIGNAL);
        assertThat(r.classification().signal()).isEqualTo("SIGABRT");
        assertThat(r.normalization()).anySatisfy(n -> assertThat(n).startsWith("split a crash header glued"));
        assertThat(r.evidence()).first().satisfies(e -> {
            assertThat(e.text()).isEqualTo("SIGABRT: abort");
            assertThat(e.line()).isEqualTo(8);
        });
    }

    @Test
    void classify_appleTextReportTranslated_isKilledWithItsSignal_andSaysRosetta() {
        Classification k = read("appleTextTranslatedSigsegv_dotnetruntime48877").classification();
        assertThat(k.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(k.signal()).isEqualTo("SIGSEGV");
        assertThat(k.summary()).contains("translated by Rosetta");
    }

    @Test
    void classify_appleIpsReport_isReadFromItsJson() {
        Classification k = read("appleIpsExceptionFragment_tdesktop30086").classification();
        assertThat(k.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(k.signal()).isEqualTo("SIGSEGV");
    }

    @Test
    void classify_appleReportCodeSignatureInvalid_isKilledSigkill() {
        Classification k = read("appleTextCodeSignatureInvalid_golang64351").classification();
        assertThat(k.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(k.signal()).isEqualTo("SIGKILL");
    }

    @Test
    void classify_zshKilledLine_isKilledSigkill() {
        Classification k = read("zshJobKilled_modd132").classification();
        assertThat(k.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(k.signal()).isEqualTo("SIGKILL");
    }

    @Test
    void classify_kernelOomKiller_isKilledSigkill() {
        Classification k = read("oomKillerGoTest_influxdb23208").classification();
        assertThat(k.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(k.signal()).isEqualTo("SIGKILL");
    }

    @Test
    void classify_codeSigningMonitorSendingSigkill_isKilledSigkill() {
        Classification k = read("codeSigningLogShow_golang63997").classification();
        assertThat(k.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(k.signal()).isEqualTo("SIGKILL");
    }

    @Test
    void classify_qemuUncaughtSignalAmongGoOutput_isEmulatorFault() {
        Classification k = read("qemuUncaughtSegvGoGet_pwnagotchi39").classification();
        assertThat(k.outcome()).isEqualTo(Outcome.EMULATOR_FAULT);
        assertThat(k.signal()).isEqualTo("SIGSEGV");
    }

    @Test
    void classify_gccgoSignalFramesOnUnknownCFramesUnderCfunc_isCgoSignal() {
        Classification k = read("gccgoSignalInCgo_golang23393").classification();
        assertThat(k.outcome()).isEqualTo(Outcome.CGO_SIGNAL);
        assertThat(k.inCgo()).isTrue();
        assertThat(k.frames()).contains("engine._Cfunc_DBUnlockFile");
    }

    @Test
    void classify_assemblerErrorsUnderRuntimeCgo_areBuildError() {
        assertThat(read("asmErrorsGoreleaserBox_gpud365").classification().outcome())
                .isEqualTo(Outcome.BUILD_ERROR);
        assertThat(read("asmErrorsNoPackageLine_cgofuse69").classification().outcome())
                .isEqualTo(Outcome.BUILD_ERROR);
    }

    @Test
    void classify_cgoCannotLoadDwarf_isBuildError() {
        assertThat(read("cgoDwarfTooShort_git2go124").classification().outcome())
                .isEqualTo(Outcome.BUILD_ERROR);
    }

    @Test
    void classify_goTestPassSummary_isPass() {
        Reading r = read("goTestPassSummary_golang47467");
        assertThat(r.classification().outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void classify_linkerWarningsOnly_isPassWithMediumConfidence_namingTheWarnings() {
        Reading r = read("ldWarningsOnly_gosqlite31055");
        assertThat(r.classification().outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(r.classification().summary()).startsWith("warnings only (ld: warning: object file");
    }

    @Test
    void classify_windowsExceptionInExternalCode_isCgoSignalNamingGoosWindows() {
        Classification k = read("windowsExceptionExternalCode_cogentcore617").classification();
        assertThat(k.outcome()).isEqualTo(Outcome.CGO_SIGNAL);
        assertThat(k.signal()).isEqualTo("SIGSEGV");
        assertThat(k.summary()).contains("GOOS windows");
    }

    @Test
    void classify_fragmentWithoutHeader_saysItIsUnsure() {
        Reading r = read("tracebackFragmentNoHeader_golang61478");
        assertThat(r.classification().outcome()).isEqualTo(Outcome.EXIT_NONZERO);
        assertThat(r.confidence()).isEqualTo(Confidence.LOW);
        assertThat(r.assessment()).contains("fragment");
    }
}
