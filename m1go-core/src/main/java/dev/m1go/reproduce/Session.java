package dev.m1go.reproduce;

import dev.m1go.cases.ReproCase;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Host;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.MatrixEngine;
import dev.m1go.matrix.MatrixListener;
import dev.m1go.matrix.MatrixRequest;
import dev.m1go.matrix.PlannedCell;
import dev.m1go.matrix.Platform;
import dev.m1go.matrix.Stress;
import dev.m1go.runner.Runner;
import dev.m1go.runner.Runners;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The engine of one machine, ready for many small matrices: the settings checked, the host observed, its runners and
 * the toolchains {@code m1go.goVersions} chose. A goal that runs cells again and again ({@code m1go:minimize}, one
 * matrix per batch of candidates) runs them here, each through the same builder, build cache, runners and
 * containment as every cell of {@code m1go:reproduce}.
 */
public final class Session {

    private final ReproduceSettings settings;
    private final Host host;
    private final Runners runners;
    private final List<Toolchain> toolchains;
    private final MatrixEngine engine;
    private final ProcessRunner processes;

    Session(
            ReproduceSettings settings,
            Host host,
            Runners runners,
            List<Toolchain> toolchains,
            MatrixEngine engine,
            ProcessRunner processes) {
        this.settings = settings;
        this.host = host;
        this.runners = runners;
        this.toolchains = List.copyOf(toolchains);
        this.engine = engine;
        this.processes = processes;
    }

    public ReproduceSettings settings() {
        return settings;
    }

    public Host host() {
        return host;
    }

    /** Every runner of this machine, available or not. */
    public Runners runners() {
        return runners;
    }

    /** The toolchains {@code m1go.goVersions} chose (every one found when it is not set). */
    public List<Toolchain> toolchains() {
        return toolchains;
    }

    public ProcessRunner processes() {
        return processes;
    }

    /** The cells of {@code cases} × {@code toolchain} × {@code targets} × {@code runners}, as a run would plan them. */
    public List<PlannedCell> plan(
            Path out,
            List<ReproCase> cases,
            Toolchain toolchain,
            List<Platform> targets,
            List<Runner> runners,
            int runs) {
        return engine.plan(request(out, cases, toolchain, targets, runners, runs));
    }

    /**
     * Builds and runs those cells on {@code m1go.threads} workers, each cell {@code runs} times (stress mode when more
     * than once), writing below {@code out}; the results in report order.
     */
    public List<CellResult> run(
            Path out,
            List<ReproCase> cases,
            Toolchain toolchain,
            List<Platform> targets,
            List<Runner> runners,
            int runs,
            MatrixListener listener)
            throws IOException, InterruptedException {
        MatrixRequest request = request(out, cases, toolchain, targets, runners, runs);
        return engine.run(request, engine.plan(request), listener);
    }

    private MatrixRequest request(
            Path out,
            List<ReproCase> cases,
            Toolchain toolchain,
            List<Platform> targets,
            List<Runner> runners,
            int runs) {
        ReproduceSettings s = settings;
        return MatrixRequest.builder()
                .outputDirectory(out)
                .cacheDirectory(s.cacheDirectory())
                .cases(cases)
                .toolchains(List.of(toolchain))
                .targets(targets)
                .runners(runners)
                .runTimeout(Duration.ofSeconds(s.timeoutSeconds()))
                .buildTimeout(Duration.ofSeconds(s.buildTimeoutSeconds()))
                .quitGrace(Duration.ofSeconds(3))
                .threads(s.threads())
                .inheritEnvironment(s.inheritEnvironment())
                .environment(s.environment())
                .home(s.home())
                .rebuild(false)
                .cacheMaxBytes(s.cacheMaxBytes())
                .stress(runs > 1 ? new Stress(runs, Duration.ZERO, false) : Stress.NONE)
                .build();
    }
}
