package dev.m1go.app;

import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.core.Plural;
import dev.m1go.core.UserError;
import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.matrix.CellResult;
import dev.m1go.report.ReportFormat;
import dev.m1go.report.Reports;
import dev.m1go.reproduce.Publish;
import dev.m1go.reproduce.Reproduce;
import dev.m1go.reproduce.ReproduceSettings;
import dev.m1go.reproduce.RunLock;
import dev.m1go.runner.container.ContainerRunner;
import dev.m1go.toolchain.DeclaredToolchains;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code m1go:reproduce}: checks the request, takes the report directory's lock, runs the matrix, writes every report
 * (compared with the baseline, if one is given), publishes it (the JUnit copy, the issue body, the CI step summary)
 * and decides whether the run fails.
 */
public final class ReproduceUseCase {

    private final Context context;
    private final BiFunction<Context, ReproduceRequest, Reproduce> engines;

    /** On this machine: real processes, the Go crash classifier, the container runner. */
    public ReproduceUseCase(Context context) {
        this(
                context,
                (c, r) -> new Reproduce(
                        new CommonsExecProcessRunner(),
                        new GoCrashClassifier(),
                        host -> List.of(ContainerRunner.of(
                                host,
                                c.environment(),
                                r.container().containerHosts(),
                                r.container().containerImage(),
                                r.container().containerKeepImages())),
                        Clock.systemUTC(),
                        c.log()));
    }

    /** With the engine made by {@code engines} (tests give one with a fixed host and fake processes). */
    public ReproduceUseCase(Context context, BiFunction<Context, ReproduceRequest, Reproduce> engines) {
        this.context = context;
        this.engines = engines;
    }

    /**
     * Runs the request.
     *
     * @throws UserError        a setting to change, named the front end's way
     * @throws EnvironmentError an I/O error or an interrupt stopped the run; the message says what was written
     */
    public ReproduceResult run(ReproduceRequest request) throws UserError, EnvironmentError {
        ReproduceSettings settings = request.settings();
        if (request.module().module() != null) {
            settings = settings.withModule(request.module());
        }
        List<DeclaredToolchains.Declared> selected;
        try {
            selected = DeclaredToolchains.selected(
                    request.toolchains().declared(), request.toolchains().goToolchains());
        } catch (IllegalArgumentException e) {
            throw new UserError(context.render(e.getMessage()));
        }
        settings = settings.withMoreGoRoots(
                selected.stream().map(d -> d.goroot().toString()).toList());
        Publish publish = new Publish(context.environment(), context.out(), context.log());
        Reproduce reproduce = engines.apply(context, request)
                .withFrontend(context.frontend())
                .withToolchainSource(source -> DeclaredToolchains.labelled(source, selected));
        Reproduce.Result result;
        Publish.Published published;
        try {
            Publish.Plan plan = publish.prepare(request.publish());
            try (RunLock lock = reproduce.lock(settings)) {
                result = reproduce.run(settings, r -> publish.compare(plan, r));
                published = publish.publish(plan, result.report(), result.directory());
            }
        } catch (UserError e) {
            throw new UserError(context.render(e.getMessage()));
        } catch (IOException e) {
            throw new EnvironmentError(
                    context.render(reproduce.ioFailure(e)), e, e instanceof dev.m1go.exec.StoppingException);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentError(context.render(reproduce.interrupted()), e, true);
        }
        String arch = result.report().host().arch();
        List<String> warnings = new ArrayList<>();
        for (CellResult c : result.flaky()) {
            warnings.add("FLAKY " + c.key().title(arch) + ": " + c.failureRate().describe() + " runs did not pass");
        }
        String failure = null;
        if (!published.failing().isEmpty()) {
            failure = context.render(Publish.failureMessage(published, result.directory()));
        } else if (!result.unexpected().isEmpty()) {
            int n = result.unexpected().size();
            StringBuilder warning = new StringBuilder(Plural.of(n, "cell") + (n == 1 ? " contradicts" : " contradict")
                    + " their case's expectation; m1go.failOn="
                    + published.failOn().property()
                    + " does not fail the run for them (reports: " + result.directory() + "):");
            for (CellResult c : result.unexpected()) {
                warning.append("\n  ")
                        .append(c.key().title(arch))
                        .append(": expected ")
                        .append(c.expected())
                        .append(", got ")
                        .append(c.outcome())
                        .append(c.signal() == null ? "" : " " + c.signal());
            }
            warnings.add(context.render(warning.toString()));
        }
        return new ReproduceResult(
                result.report(),
                result.directory(),
                written(result.directory(), request.publish().reportsDirectory()),
                warnings,
                failure);
    }

    /** The report files of a directory, and the JUnit copy in {@code m1go.reportsDirectory} when there is one. */
    static List<Path> written(Path directory, Path reportsDirectory) {
        List<Path> files = new ArrayList<>();
        for (ReportFormat f : Reports.all()) {
            files.add(directory.resolve(f.file()));
        }
        if (reportsDirectory != null
                && !reportsDirectory
                        .toAbsolutePath()
                        .normalize()
                        .equals(directory.toAbsolutePath().normalize())) {
            files.add(reportsDirectory.resolve(dev.m1go.report.JUnitReport.FILE));
        }
        return files;
    }
}
