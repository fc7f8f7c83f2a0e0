package dev.m1go.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.cases.CellFacts;
import dev.m1go.cases.ModuleUnit;
import dev.m1go.classify.Classification;
import dev.m1go.classify.Evidence;
import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Phase;
import dev.m1go.classify.Verdict;
import dev.m1go.core.Mappers;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.module.GoTestEvents;
import dev.m1go.toolchain.GoVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Module-mode test cells made from the recorded runs of a real Go test binary, the way {@link MatrixEngine} makes
 * them: the first run's output is classified, its test2json events judged by {@link ModuleTests#judge}, and every
 * run's exit status counted. The recordings are in {@code src/test/resources/dev/m1go/report/module} (its
 * {@code produce.sh} says how they were made); each begins with {@code #} lines naming the toolchain and the exit
 * status of every run, then the events of the first run.
 */
public final class TestBinaryRuns {

    /** The test binary's case id, as module mode names the test binary of {@code example.com/differs}. */
    public static final String CASE = "differs.test";

    private static final String DIR = "/dev/m1go/report/module/";
    private static final Pattern TOOLCHAIN = Pattern.compile("(?m)^# toolchain: go version (go\\S+) \\w+/(\\w+)$");
    private static final Pattern STATUSES = Pattern.compile("(?m)^# exit statuses:((?: \\d+)+)$");

    private TestBinaryRuns() {}

    /**
     * The cell of the recording {@code name} ({@code go1.26-linux-arm64-qemu}: toolchain, target and runner are in
     * the name; the exact toolchain version in the header).
     */
    public static CellResult cell(String name) {
        return cell(name, Integer.MAX_VALUE);
    }

    /** The cell of the first {@code runs} runs of the recording {@code name} (the first one: a cell run once). */
    public static CellResult cell(String name, int runs) {
        String text = read(name);
        String[] parts = name.split("-");
        Matcher toolchain = TOOLCHAIN.matcher(text);
        Matcher statuses = STATUSES.matcher(text);
        if (!toolchain.find() || !statuses.find()) {
            throw new IllegalArgumentException(name + ": no toolchain or exit statuses in the header");
        }
        Arch toolchainArch = Arch.parse(toolchain.group(2)).orElseThrow();
        Arch target = Arch.parse(parts[2]).orElseThrow();
        String runner = parts[3];
        boolean translated = !runner.equals("native");
        CellKey key = CellKey.of(
                CASE,
                toolchain.group(1),
                toolchainArch,
                new Platform(Os.LINUX, target),
                runner,
                CellKey.DEFAULT_VARIANT);
        GoTestEvents.Events events;
        try {
            events = GoTestEvents.read(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GoCrashClassifier classifier = new GoCrashClassifier();
        List<RunResult> kept = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Classification first = null;
        boolean agree = true;
        String[] exits = statuses.group(1).trim().split(" ");
        for (String status : java.util.Arrays.copyOf(exits, Math.min(runs, exits.length))) {
            int exit = Integer.parseInt(status);
            // only the first run's output was kept; the others are known by their exit status
            Classification k = classifier.classify(new Evidence(
                    Phase.RUN, "linux", exit, false, false, translated, first == null ? stdout(text) : "", "", null));
            counts.merge(k.outcome() + (k.signal() == null ? "" : " " + k.signal()), 1, Integer::sum);
            agree &= first == null || k.outcome() == first.outcome();
            first = first == null ? k : first;
            if (kept.isEmpty()) {
                kept.add(new RunResult(exit, false, k.outcome(), k.signal(), 40, null, null));
            }
        }
        int n = counts.values().stream().mapToInt(Integer::intValue).sum();
        ModuleUnit unit = new ModuleUnit(
                Path.of("/m"),
                "example.com/differs",
                ".",
                true,
                List.of(),
                List.of(),
                null,
                null,
                null,
                Map.of(),
                List.of());
        CellFacts facts = new CellFacts(
                GoVersion.parse(toolchain.group(1)).orElseThrow(),
                toolchainArch,
                Os.LINUX,
                target,
                runner,
                CellKey.DEFAULT_VARIANT,
                "gcc");
        ModuleTests.Judged judged = ModuleTests.judge(events.tests(), unit, facts, first);
        // as the engine decides a cell without expect.maxFailureRate whose expectation is PASS
        Verdict verdict =
                !agree ? Verdict.FLAKY : first.outcome() == Outcome.PASS ? Verdict.EXPECTED : Verdict.UNEXPECTED;
        if (judged.verdict() != null && verdict != Verdict.FLAKY) {
            verdict = judged.verdict();
        }
        Diagnosis d = Diagnosis.ofRuns(first, first);
        return CellResult.ran(
                        key,
                        "PASS",
                        first.outcome(),
                        verdict,
                        new Diagnosis(d.signal(), d.inCgo(), d.signature(), judged.summary(), d.header(), d.frames()),
                        translated,
                        new BuildInfo(Outcome.PASS, "gcc", "gcc", null, false, false, 900, "build/x", null, null),
                        kept,
                        Map.of(),
                        n > 1 ? counts : Map.of())
                .withTests(judged.tests());
    }

    /** The recording as committed. */
    static String read(String name) {
        try (InputStream in = TestBinaryRuns.class.getResourceAsStream(DIR + name + ".test2json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first run's standard output: the Output of its events in order (test2json keeps every line). */
    private static String stdout(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("{")) {
                try {
                    JsonNode e = Mappers.json().readTree(line);
                    out.append(e.path("Output").asText(""));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out.toString();
    }
}
