package dev.m1go.matrix;

import dev.m1go.cases.CellFacts;
import dev.m1go.cases.ModuleUnit;
import dev.m1go.classify.Classification;
import dev.m1go.classify.Evidence;
import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Phase;
import dev.m1go.classify.Verdict;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.module.GoTestEvents;
import dev.m1go.toolchain.GoVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Module-mode test cells made from real {@code go test} output: the runs recorded under
 * {@code src/test/resources/dev/m1go/report/gotest/} (see its README.md and produce.sh) read the way the engine reads
 * a test cell's first run: the classifier on the run's exit status, stdout and stderr, {@link GoTestEvents} on the
 * test2json events, {@link ModuleTests#judge} for each test's result.
 */
public final class GoTestFixture {

    /** Every test of the module: passes, skips, a parallel test that fails, a chatty one, a failing subtest. */
    public static final String ALL = "all";
    /** Only the table test (and its overflow subtest) fails. */
    public static final String TABLE = "table";
    /** A test panics: the crash report is on stderr. */
    public static final String PANIC = "panic";

    private static final String ROOT = "/dev/m1go/report/gotest/";

    private GoTestFixture() {}

    /** The text of one recorded file, {@code run} being {@link #ALL}, {@link #TABLE} or {@link #PANIC}. */
    public static String text(String run, String file) {
        try (InputStream in = GoTestFixture.class.getResourceAsStream(ROOT + run + "/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + run + "/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cell of the package {@code store.test} on {@code go} for linux/{@code goarch} under {@code runner} whose first
     * run printed what {@code run} recorded. With a report directory, the run's logs are copied to where the engine
     * writes them ({@code logs/store.test/<go>/<goarch>/<runner>/run-1.stdout}), so the reports can quote them.
     */
    public static CellResult cell(String run, String go, String goarch, String runner, Path reportDirectory)
            throws IOException {
        String stdout = text(run, "run-1.stdout");
        String stderr = text(run, "run-1.stderr");
        int exit = Integer.parseInt(text(run, "run-1.exit").strip());
        String logs = "logs/store.test/" + go + "/" + goarch + "/" + runner + "/";
        if (reportDirectory != null) {
            Path dir = Files.createDirectories(reportDirectory.resolve(logs));
            Files.writeString(dir.resolve("run-1.stdout"), stdout);
            Files.writeString(dir.resolve("run-1.stderr"), stderr);
        }
        Arch arch = Arch.parse(goarch).orElseThrow();
        boolean translated = !runner.equals("native");
        Classification k = new GoCrashClassifier()
                .classify(new Evidence(Phase.RUN, "linux", exit, false, false, translated, stdout, stderr, null));
        List<GoTestEvents.Test> events = GoTestEvents.parse(text(run, "run-1.test2json"));
        ModuleUnit unit = new ModuleUnit(
                Path.of("/m"),
                "example.com/cgostore",
                ".",
                true,
                List.of(),
                List.of(),
                null,
                null,
                null,
                Map.of(),
                List.of());
        CellFacts facts =
                new CellFacts(GoVersion.parse(go).orElseThrow(), Arch.AMD64, Os.LINUX, arch, runner, "default", "gcc");
        ModuleTests.Judged judged = ModuleTests.judge(events, unit, facts, k);
        Verdict verdict = judged.verdict() != null
                ? judged.verdict()
                : k.outcome() == Outcome.PASS ? Verdict.EXPECTED : Verdict.UNEXPECTED;
        Diagnosis d = Diagnosis.ofRuns(k, k);
        RunResult r =
                new RunResult(exit, false, k.outcome(), k.signal(), 120, logs + "run-1.stdout", logs + "run-1.stderr");
        BuildInfo build =
                new BuildInfo(Outcome.PASS, "gcc", "gcc", null, false, false, 900, "build/store.test", null, null);
        CellKey key = CellKey.of("store.test", go, Arch.AMD64, new Platform(Os.LINUX, arch), runner, "default");
        return CellResult.ran(
                        key,
                        "PASS",
                        k.outcome(),
                        verdict,
                        new Diagnosis(d.signal(), d.inCgo(), d.signature(), judged.summary(), d.header(), d.frames()),
                        translated,
                        build,
                        List.of(r),
                        Map.of())
                .withTests(judged.tests());
    }
}
