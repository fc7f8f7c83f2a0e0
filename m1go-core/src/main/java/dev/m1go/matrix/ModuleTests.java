package dev.m1go.matrix;

import dev.m1go.cases.CellFacts;
import dev.m1go.cases.Expectation;
import dev.m1go.cases.ModuleUnit;
import dev.m1go.classify.Classification;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.module.GoTestEvents;
import dev.m1go.settings.BuildEnvironment;
import dev.m1go.toolchain.Launcher;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Module mode's test cells: converts a test binary's {@code -test.v} output to events with the building toolchain's
 * own {@code go tool test2json}, gives every test its result and verdict, names the test a crash happened in, and
 * sums the cell up.
 */
final class ModuleTests {

    /** The tests of one cell, the cell's verdict when the tests decide it ({@code null}: the outcome decides). */
    record Judged(List<TestResult> tests, Verdict verdict, String summary) {}

    private final ProcessRunner processes;
    private final Launcher launcher;
    private final MatrixRequest request;

    ModuleTests(ProcessRunner processes, Launcher launcher, MatrixRequest request) {
        this.processes = processes;
        this.launcher = launcher;
        this.request = request;
    }

    /**
     * Runs {@code go tool test2json -p PKG < run-1.stdout} with {@code t}; its events land in {@code run-1.test2json},
     * which is read as a stream ({@link GoTestEvents#read(Path)}: what is kept is bounded however much the tests
     * printed).
     */
    GoTestEvents.Events events(Toolchain t, ModuleUnit unit, Path stdoutLog) throws IOException {
        Path events =
                stdoutLog.resolveSibling(stdoutLog.getFileName().toString().replace(".stdout", ".test2json"));
        Path err = stdoutLog.resolveSibling(stdoutLog.getFileName().toString().replace(".stdout", ".test2json.stderr"));
        Launch launch;
        try {
            launch = launcher.launchFor(t.binaryArch());
        } catch (Launcher.CannotLaunchException e) {
            Files.writeString(err, e.getMessage() + "\n");
            return new GoTestEvents.Events(List.of(), 0, 0);
        }
        Map<String, String> env = BuildEnvironment.base(request.environment(), request.inheritEnvironment());
        env.put("GOROOT", t.goroot().toString());
        env.put("GOTOOLCHAIN", "local");
        List<String> argv = List.of(
                t.goBinary().toString(),
                "tool",
                "test2json",
                "-p",
                unit.modulePath() + (unit.pkg().equals(".") ? "" : unit.pkg().substring(1)));
        ProcessResult r = processes.run(new ProcessSpec(
                launch.wrap(argv),
                launch.environmentWith(env),
                stdoutLog.getParent(),
                request.buildTimeout(),
                request.quitGrace(),
                events,
                err,
                stdoutLog));
        if (!Files.isRegularFile(events)) {
            return new GoTestEvents.Events(GoTestEvents.parse(r.stdout()), 0, 0);
        }
        return GoTestEvents.read(events);
    }

    /**
     * Every test's result and verdict. The test that was running when the binary crashed or timed out (the last one
     * started without a result, else the last one that failed) gets the run's outcome.
     */
    static Judged judge(List<GoTestEvents.Test> events, ModuleUnit unit, CellFacts facts, Classification run) {
        boolean crashed = run.outcome() != Outcome.PASS && run.outcome() != Outcome.EXIT_NONZERO;
        String crashedIn = null;
        if (crashed) {
            for (GoTestEvents.Test e : events) {
                if (!e.finished()) {
                    crashedIn = e.name();
                }
            }
            if (crashedIn == null) {
                for (GoTestEvents.Test e : events) {
                    if (e.action().equals("fail")) {
                        crashedIn = e.name();
                    }
                }
            }
        }
        List<TestResult> tests = new ArrayList<>();
        for (GoTestEvents.Test e : events) {
            boolean blamed = crashedIn != null && (e.name().equals(crashedIn) || crashedIn.startsWith(e.name() + "/"));
            // A test that started but has no result, and is neither the one that crashed nor one of its parents, ran
            // earlier: Go prints a subtest's result only when its parent ends, so the crash swallowed it. Its result
            // was not observed.
            boolean unobserved = !blamed && !e.finished() && crashedIn != null;
            Outcome o = blamed
                    ? run.outcome()
                    : unobserved
                            ? Outcome.SKIPPED
                            : switch (e.action()) {
                                case "pass" -> Outcome.PASS;
                                case "skip" -> Outcome.SKIPPED;
                                case "fail" -> Outcome.EXIT_NONZERO;
                                default -> run.outcome() == Outcome.PASS ? Outcome.EXIT_NONZERO : run.outcome();
                            };
            String output = unobserved
                    ? e.output() + "(no result: the binary died in " + crashedIn
                            + " before this test's result was printed)\n"
                    : e.output();
            Expectation.Expected x = unit.expectationOf(e.name())
                    .map(ex -> ex.resolve(facts))
                    .orElse(new Expectation.Expected(Outcome.PASS, null, null));
            Verdict v = o == Outcome.SKIPPED
                    ? Verdict.SKIPPED
                    : x.matches(o, o == run.outcome() ? run.signal() : null) ? Verdict.EXPECTED : Verdict.UNEXPECTED;
            tests.add(new TestResult(
                    e.name(), e.action(), o, e.elapsedSeconds(), x.toString(), v, output.isEmpty() ? null : output));
        }
        if (tests.isEmpty()) {
            return new Judged(List.of(), null, run.summary());
        }
        long passed = tests.stream().filter(x -> x.outcome() == Outcome.PASS).count();
        long skipped =
                tests.stream().filter(x -> x.outcome() == Outcome.SKIPPED).count();
        List<String> failed =
                tests.stream().filter(TestResult::failed).map(TestResult::name).toList();
        StringBuilder summary = new StringBuilder(
                tests.size() + " tests: " + passed + " passed, " + failed.size() + " failed, " + skipped + " skipped");
        if (!failed.isEmpty()) {
            summary.append("; failed: ")
                    .append(String.join(", ", failed.subList(0, Math.min(10, failed.size()))))
                    .append(failed.size() > 10 ? ", …" : "");
        }
        if (crashedIn != null) {
            summary.append("; crashed in ").append(crashedIn).append(": ").append(run.summary());
        } else if (run.outcome() != Outcome.PASS && failed.isEmpty()) {
            summary.append("; ").append(run.summary());
        }
        boolean anyUnexpected = tests.stream().anyMatch(x -> x.verdict() == Verdict.UNEXPECTED);
        // A failure no test accounts for (TestMain exiting, a crash before the first test) is left to the package's
        // expectation.
        boolean explained = run.outcome() == Outcome.PASS || !failed.isEmpty();
        Verdict verdict = anyUnexpected ? Verdict.UNEXPECTED : explained ? Verdict.EXPECTED : null;
        return new Judged(List.copyOf(tests), verdict, summary.toString());
    }
}
