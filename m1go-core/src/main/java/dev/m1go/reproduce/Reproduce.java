package dev.m1go.reproduce;

import dev.m1go.cases.CaseDefinitionException;
import dev.m1go.cases.CaseLoader;
import dev.m1go.cases.ReproCase;
import dev.m1go.classify.Classifier;
import dev.m1go.classify.Verdict;
import dev.m1go.core.Log;
import dev.m1go.core.OutputLayout;
import dev.m1go.core.UserError;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.host.HostProbe;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.MatrixEngine;
import dev.m1go.matrix.MatrixRequest;
import dev.m1go.matrix.PlannedCell;
import dev.m1go.matrix.Platform;
import dev.m1go.matrix.Shard;
import dev.m1go.report.CaseInfo;
import dev.m1go.report.HostInfo;
import dev.m1go.report.LiveReport;
import dev.m1go.report.Report;
import dev.m1go.report.ToolchainInfo;
import dev.m1go.runner.Runner;
import dev.m1go.runner.Runners;
import dev.m1go.settings.Frontend;
import dev.m1go.toolchain.CCompiler;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.Toolchain;
import dev.m1go.toolchain.ToolchainSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code m1go:reproduce} without Maven: validate the settings, observe the host, find toolchains, load cases, plan,
 * run, write every report, and hand back the cells that contradict their expectation. Every user mistake becomes a
 * {@link UserError} naming what to change, raised before anything runs; nothing measured is lost to an error found
 * later.
 */
public final class Reproduce {

    /** Observes the host a run happens on; {@link HostProbe} on this machine, a fixed {@link Host} in tests. */
    @FunctionalInterface
    public interface HostSource {
        Host probe(Map<String, String> environment, Path logDir) throws IOException;
    }

    /** The case catalog: the bundled cases and {@code m1go.casesDirectory}, by id ({@link CaseLoader}). */
    @FunctionalInterface
    public interface CaseSource {
        List<ReproCase> load(Path casesDirectory, List<String> ids) throws CaseDefinitionException;
    }

    private final ProcessRunner processes;
    private final Classifier classifier;
    private final Function<Host, List<Runner>> extraRunners;
    private final HostSource hosts;
    private final CaseSource catalog;
    private final ToolchainSource toolchainSource;
    private final Clock clock;
    private final Log log;
    private Frontend frontend = Frontend.maven(version());
    private volatile Path out;
    private volatile LiveReport live;
    /** Module mode: holds the shared copy of the module for the length of the run. */
    private dev.m1go.module.ModuleProject moduleProject;

    /** On this machine: its host probe, the bundled case catalog and toolchain discovery. */
    public Reproduce(
            ProcessRunner processes,
            Classifier classifier,
            Function<Host, List<Runner>> extraRunners,
            Clock clock,
            Log log) {
        this(
                processes,
                classifier,
                extraRunners,
                (env, logDir) -> HostProbe.ofThisMachine(processes, env, logDir).probe(),
                (dir, ids) -> new CaseLoader().load(dir, ids),
                ToolchainSource.finder(processes),
                clock,
                log);
    }

    public Reproduce(
            ProcessRunner processes,
            Classifier classifier,
            Function<Host, List<Runner>> extraRunners,
            HostSource hosts,
            CaseSource catalog,
            ToolchainSource toolchainSource,
            Clock clock,
            Log log) {
        this.processes = processes;
        this.classifier = classifier;
        this.extraRunners = extraRunners;
        this.hosts = hosts;
        this.catalog = catalog;
        this.toolchainSource = toolchainSource;
        this.clock = clock;
        this.log = log;
    }

    /**
     * This engine with its toolchain discovery wrapped: {@link dev.m1go.toolchain.DeclaredToolchains#labelled} labels
     * the toolchains a front end declared by where they were declared.
     */
    public Reproduce withToolchainSource(java.util.function.UnaryOperator<ToolchainSource> wrap) {
        Reproduce r = new Reproduce(
                processes, classifier, extraRunners, hosts, catalog, wrap.apply(toolchainSource), clock, log);
        r.frontend = frontend;
        return r;
    }

    /** This engine for another front end: the tool name of its reports, its names of settings in their notes. */
    public Reproduce withFrontend(Frontend frontend) {
        Reproduce r = withToolchainSource(UnaryOperator.identity());
        r.frontend = java.util.Objects.requireNonNull(frontend, "frontend");
        return r;
    }

    /**
     * This machine's engine for many small matrices ({@link Session}): the settings checked, the host observed, the
     * runners and the toolchains of {@code m1go.goVersions} found. Nothing is built or run yet.
     */
    public Session session(ReproduceSettings s) throws UserError, IOException {
        Preflight.numbers(s);
        Preflight.check(s);
        Path out = s.outputDirectory().toAbsolutePath().normalize();
        Files.createDirectories(out);
        Host host = hosts.probe(s.environment(), new OutputLayout(out).hostLogs());
        Runners runners = new Runners(host, processes, extraRunners.apply(host));
        List<Toolchain> toolchains = toolchains(s, host, runners, out, new ArrayList<>());
        CCompilers compilers =
                new CCompilers(host.os(), host.arch(), s.environment(), processes, new OutputLayout(out).hostLogs());
        return new Session(
                s,
                host,
                runners,
                toolchains,
                new MatrixEngine(host, processes, classifier, compilers, runners),
                processes);
    }

    /** The finished matrix: the report and the cells that contradict their expectation. */
    public record Result(Report report, List<CellResult> unexpected, List<CellResult> flaky, Path directory) {}

    /**
     * Checks the settings that need no probing and takes the output directory's {@link RunLock}: call before
     * {@link #run} and close after publishing, so that no other run writes into the same directory meanwhile.
     */
    public RunLock lock(ReproduceSettings s) throws UserError, IOException {
        Preflight.numbers(s);
        Preflight.check(s);
        return RunLock.acquire(
                s.outputDirectory().toAbsolutePath().normalize(), "m1go.outputDirectory", clock.instant(), log);
    }

    /** The message for an I/O error that stopped the run: the error, and exactly what was and was not written. */
    public String ioFailure(IOException e) {
        if (e instanceof dev.m1go.exec.StoppingException) {
            return interrupted();
        }
        return stopped("m1go stopped on an I/O error", e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** The message for an interrupt that stopped the run, saying what was and was not written. */
    public String interrupted() {
        return stopped("m1go was interrupted", null);
    }

    private String stopped(String what, String error) {
        LiveReport l = live;
        if (l == null) {
            return what + " before writing any report" + (out == null ? "" : " into " + out)
                    + (error == null ? "" : ": " + error);
        }
        return what + (error == null ? "" : " (" + error + ")") + "; in " + out + ": " + l.written();
    }

    /** {@link #run(ReproduceSettings, UnaryOperator)} without a baseline. */
    public Result run(ReproduceSettings s) throws UserError, IOException, InterruptedException {
        return run(s, UnaryOperator.identity());
    }

    /**
     * Runs the matrix. {@code finish} is applied to the final report before any format is written (the baseline
     * comparison, {@link Publish#compare}), so every format is written once.
     */
    public Result run(ReproduceSettings s, UnaryOperator<Report> finish)
            throws UserError, IOException, InterruptedException {
        try {
            return runMatrix(s, finish);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (moduleProject != null) { // another run may build in the shared copy of the module now
                dev.m1go.module.ModuleProject p = moduleProject;
                moduleProject = null;
                p.close();
            }
        }
    }

    private Result runMatrix(ReproduceSettings s, UnaryOperator<Report> finish)
            throws UserError, IOException, InterruptedException {
        String started = clock.instant().toString();
        Preflight.numbers(s);
        Preflight.check(s);
        Path out = s.outputDirectory().toAbsolutePath().normalize();
        this.out = out;
        Files.createDirectories(out);
        Host host = hosts.probe(s.environment(), new OutputLayout(out).hostLogs());
        Runners runners = new Runners(host, processes, extraRunners.apply(host));
        List<Runner> selected = select(runners, s.runners());
        List<Platform> targets = targets(host, s.targets());
        List<String> leftOut = new ArrayList<>(defaultRunnersNote(s, runners, selected));
        if (s.memoryLimitMb() > 0) { // how the limit is enforced here, or that it is not: said once
            leftOut.add(dev.m1go.exec.MemoryEnforcement.note(s.memoryLimitMb()));
        }
        List<Toolchain> toolchains = toolchains(s, host, runners, out, leftOut);
        List<ReproCase> cases = s.module() == null ? cases(s) : moduleCases(s, host, runners, toolchains, out);

        CCompilers compilers =
                new CCompilers(host.os(), host.arch(), s.environment(), processes, new OutputLayout(out).hostLogs());
        MatrixRequest request = MatrixRequest.builder()
                .outputDirectory(out)
                .cacheDirectory(s.cacheDirectory())
                .cases(cases)
                .toolchains(toolchains)
                .targets(targets)
                .runners(selected)
                .runTimeout(Duration.ofSeconds(s.timeoutSeconds()))
                .buildTimeout(Duration.ofSeconds(s.buildTimeoutSeconds()))
                .quitGrace(Duration.ofSeconds(3))
                .threads(s.threads())
                .inheritEnvironment(s.inheritEnvironment())
                .environment(s.environment())
                .home(s.home())
                .reruns(s.reruns())
                .rerunsAll(s.rerunsAll())
                .rebuild(s.rebuild())
                .cacheMaxBytes(s.cacheMaxBytes())
                .memoryLimitMb(s.memoryLimitMb())
                .stress(new dev.m1go.matrix.Stress(
                        s.stress().stressRuns(),
                        Duration.ofSeconds(s.stress().stressSeconds()),
                        s.stress().stressStopOnFailure()))
                .build();
        MatrixEngine engine = new MatrixEngine(host, processes, classifier, compilers, runners);
        List<PlannedCell> plan = engine.plan(request);
        Shard shard = s.shard() == null ? null : Preflight.shard(s.shard());
        if (shard != null) {
            int whole = plan.size();
            plan = shard.select(plan, host.arch());
            leftOut.add("Shard " + shard + ": " + plan.size() + " of the " + whole + " planned cells, a share that "
                    + "depends only on the plan (cells that share a build stay together, balanced by expected cost); "
                    + "m1go:merge of the " + shard.count() + " shards' report.json is the whole run.");
        }
        long runnable = plan.stream().filter(p -> !p.skipped()).count();
        boolean noToolchainsAllowed = toolchains.isEmpty() && !s.failIfNoToolchains();
        if (noToolchainsAllowed) {
            log.info("m1go: no Go toolchain found; writing an empty report because m1go.failIfNoToolchains is false.");
        } else if (shard != null && plan.isEmpty()) {
            log.info("m1go: shard " + shard + " has no cell of this plan (it has fewer builds than shards); writing "
                    + "an empty report for the merge.");
        } else if ((plan.isEmpty() || runnable == 0) && s.failIfNoCells()) {
            throw new UserError(RunLog.nothingToRun(plan, selected, targets));
        }

        List<CCompiler> ccs = targets.stream()
                .map(t -> compilers.forTarget(t.arch()).compiler())
                .filter(java.util.Objects::nonNull)
                .toList();
        Report skeleton = new Report(
                        Report.SCHEMA,
                        frontend.tool(),
                        started,
                        null,
                        false,
                        HostInfo.of(host, ccs, s.inheritEnvironment()),
                        toolchains.stream().map(ToolchainInfo::of).toList(),
                        cases.stream().map(CaseInfo::of).toList(),
                        List.of(),
                        notes(host, selected, toolchains, leftOut))
                .withShard(shard == null ? null : shard.toString());
        leftOut.forEach(n -> log.info("m1go: " + n));
        log.info(RunLog.header(plan.size(), runnable, cases.size(), toolchains.size(), targets.size(), out));
        for (Toolchain t : toolchains) {
            log.info("  toolchain " + t.label(host.arch()) + " " + t.goroot() + " (" + t.source() + ")"
                    + (t.usable() ? "" : " — unusable: " + t.unusable()));
        }
        if (request.stress().active()) {
            log.info("m1go: stress mode: every cell runs " + RunLog.describe(s.stress()));
        }
        List<CellResult> results;
        LiveReport live;
        try (Progress progress = new Progress(log, clock, host.arch());
                BusyLoad load = BusyLoad.start(s.stress().stressLoad())) {
            live = new LiveReport(out, skeleton, progress::line, clock);
            this.live = live;
            try {
                results = engine.run(request, plan, progress.around(live).withHeartbeat());
            } catch (IOException | InterruptedException | RuntimeException e) {
                closeEarly(live, e);
                throw e;
            }
        }
        // Runner notes are complete only once every cell ran (a container image reused across cells, say).
        List<String> notes = notes(host, selected, toolchains, leftOut);
        Report report = live.complete(results, r -> finish.apply(r.withNotes(notes)));
        log.debug(String.format(
                java.util.Locale.ROOT,
                "m1go: writing reports took %.2f s of this run's %.2f s",
                live.writing().toMillis() / 1000.0,
                Duration.between(java.time.Instant.parse(started), clock.instant())
                                .toMillis()
                        / 1000.0));
        RunLog.summary(log, report, out);
        return new Result(
                report,
                results.stream().filter(c -> c.verdict() == Verdict.UNEXPECTED).toList(),
                results.stream().filter(c -> c.verdict() == Verdict.FLAKY).toList(),
                out);
    }

    /** A run that stops early still leaves every finished cell in report.json. */
    private static void closeEarly(LiveReport live, Exception stopping) {
        try {
            live.close();
        } catch (IOException e) {
            stopping.addSuppressed(e);
        }
    }

    private static List<Runner> select(Runners runners, List<String> names) throws UserError {
        try {
            return runners.select(names);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static List<Platform> targets(Host host, List<String> given) throws UserError {
        if (given.isEmpty()) {
            Set<Arch> archs = new LinkedHashSet<>(List.of(host.arch(), Arch.AMD64, Arch.ARM64));
            return archs.stream().map(a -> new Platform(host.os(), a)).sorted().toList();
        }
        Set<Platform> targets = new java.util.TreeSet<>();
        for (String t : given) {
            try {
                targets.add(Platform.parse(t));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        return List.copyOf(targets);
    }

    private List<ReproCase> cases(ReproduceSettings s) throws UserError {
        try {
            return catalog.load(s.casesDirectory(), s.cases());
        } catch (CaseDefinitionException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Module mode: the packages and test binaries of {@code m1go.module}, listed with a toolchain that runs here. */
    private List<ReproCase> moduleCases(
            ReproduceSettings s, Host host, Runners runners, List<Toolchain> toolchains, Path out)
            throws UserError, IOException {
        Toolchain lister = toolchains.stream()
                .filter(t -> t.usable() && t.binaryArch() == host.arch())
                .findFirst()
                .or(() -> toolchains.stream().filter(Toolchain::usable).findFirst())
                .orElseThrow(
                        () -> new UserError(
                                "m1go.module needs a Go toolchain that runs here to list the "
                                        + "module's packages; none of the toolchains found can run (see m1go.goRoots, m1go.goVersions)"));
        try {
            moduleProject = new dev.m1go.module.ModuleProject(processes, s.environment(), s.home());
            List<ReproCase> cases = moduleProject.cases(
                    s.module(), out, lister, runners.launchFor(lister.binaryArch()), s.cacheDirectory());
            if (moduleProject.copyNote() != null) {
                log.warn("m1go: " + moduleProject.copyNote());
            }
            return cases;
        } catch (CaseDefinitionException e) {
            throw new UserError(e.getMessage());
        } catch (dev.m1go.toolchain.Launcher.CannotLaunchException e) {
            throw new UserError(
                    "m1go.module: cannot run " + lister.version() + " to list the packages: " + e.getMessage());
        }
    }

    /** What the default matrix left out of the runners, as a sentence for the log and the report (or nothing). */
    private static List<String> defaultRunnersNote(ReproduceSettings s, Runners runners, List<Runner> selected) {
        if (!s.runners().isEmpty()) {
            return List.of();
        }
        List<String> left = runners.all().stream()
                .filter(r -> !selected.contains(r))
                .map(Runner::name)
                .toList();
        return left.isEmpty()
                ? List.of()
                : List.of(
                        "The default matrix leaves the " + String.join(", ", left)
                                + " runner out: m1go.runners=" + Runners.ALL
                                + " takes it too (on Linux a --platform container is "
                                + "translated by the same binfmt_misc handler as binfmt, and needs a static build of every binary).");
    }

    private List<Toolchain> toolchains(ReproduceSettings s, Host host, Runners runners, Path out, List<String> leftOut)
            throws UserError, IOException {
        return new ToolchainChoice(toolchainSource).toolchains(s, host, runners, out, leftOut);
    }

    /** {@code m1go.goVersions=all}: every toolchain found, translated ones included. */
    public static final String ALL_TOOLCHAINS = "all";

    /** See {@link ToolchainChoice#defaultSelection}. */
    static List<Toolchain> defaultSelection(List<Toolchain> all, Arch hostArch) {
        return ToolchainChoice.defaultSelection(all, hostArch);
    }

    private List<String> notes(Host host, List<Runner> runners, List<Toolchain> toolchains, List<String> leftOut) {
        return rawNotes(host, runners, toolchains, leftOut).stream()
                .map(frontend::render)
                .toList();
    }

    private static List<String> rawNotes(
            Host host, List<Runner> runners, List<Toolchain> toolchains, List<String> leftOut) {
        List<String> notes = new ArrayList<>(leftOut);
        boolean rosettaHere = runners.stream()
                .anyMatch(r -> r.name().equals("rosetta") && r.appliesTo(dev.m1go.host.Os.DARWIN, Arch.AMD64));
        if (!rosettaHere) {
            notes.add("Rosetta 2 was not exercised: this host is " + host.os() + "/" + host.arch()
                    + "; Rosetta cells exist only on an Apple silicon Mac.");
        }
        if (host.translated() == null) {
            notes.add("Whether m1go itself ran translated cannot be observed on " + host.os() + ".");
        }
        runners.forEach(r -> notes.addAll(r.notes()));
        toolchains.stream()
                .filter(t -> !t.usable())
                .forEach(t -> notes.add("Toolchain " + t.version() + " (" + t.binaryArch() + ") at " + t.goroot()
                        + " could not run: " + t.unusable()));
        return notes;
    }

    private static String version() {
        String v = Reproduce.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
