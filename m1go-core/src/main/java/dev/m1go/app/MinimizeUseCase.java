package dev.m1go.app;

import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.core.UserError;
import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.minimize.MinimizeSettings;
import dev.m1go.minimize.Minimizer;
import dev.m1go.reproduce.Reproduce;
import dev.m1go.reproduce.ReproduceSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * {@code m1go:minimize}: checks the request, runs the failing cell, reduces it to the smallest case that still fails
 * the same way and writes it below {@code m1go.outputDirectory}/minimized.
 */
public final class MinimizeUseCase {

    private final Context context;
    private final Function<Context, Reproduce> engines;

    /** On this machine: real processes and the Go crash classifier. */
    public MinimizeUseCase(Context context) {
        this(
                context,
                c -> new Reproduce(
                        new CommonsExecProcessRunner(),
                        new GoCrashClassifier(),
                        host -> List.of(),
                        Clock.systemUTC(),
                        c.log()));
    }

    /** With the engine made by {@code engines}. */
    public MinimizeUseCase(Context context, Function<Context, Reproduce> engines) {
        this.context = context;
        this.engines = engines;
    }

    /**
     * @throws UserError        a setting to change, named the front end's way
     * @throws EnvironmentError an I/O error or an interrupt stopped the reduction; the best case so far is written
     */
    public MinimizeResult run(MinimizeRequest r) throws UserError, EnvironmentError {
        Path out = r.outputDirectory() != null
                ? r.outputDirectory()
                : context.workingDirectory().resolve(Defaults.OUTPUT_DIRECTORY);
        Path cache = r.cacheDirectory() != null
                ? r.cacheDirectory()
                : ReproduceSettings.defaultCacheDirectory(context.environment(), context.home());
        int workers = r.threads() == 0
                ? Math.min(Runtime.getRuntime().availableProcessors(), ReproduceSettings.MAX_THREADS)
                : r.threads();
        ReproduceSettings settings = ReproduceSettings.builder(out, cache, context.environment(), context.home())
                .goRoots(r.goRoots())
                .goVersions(r.goVersions())
                .casesDirectory(r.casesDirectory())
                .runners(r.runners())
                .targets(r.targets())
                .timeoutSeconds(r.timeoutSeconds())
                .buildTimeoutSeconds(r.buildTimeoutSeconds())
                .threads(workers)
                .build();
        MinimizeRequest.Module m = r.module();
        MinimizeSettings.ModuleTarget target = null;
        if (m.module() != null) {
            target = moduleTarget(m);
        } else if (m.test() != null && !m.test().isBlank()) {
            throw new UserError(context.render("m1go.minimize.test names a test of your module: give the module with "
                    + "m1go.module and the test's package with m1go.tests"));
        }
        if (r.cases().size() > 1) {
            throw new UserError(context.render("m1go:minimize reduces one case at a time; m1go.cases names "
                    + r.cases().size() + ": " + String.join(", ", r.cases())));
        }
        String caseId = r.cases().isEmpty() ? null : r.cases().get(0);
        MinimizeSettings s = new MinimizeSettings(
                settings,
                caseId,
                target,
                r.budget().seconds(),
                r.budget().builds(),
                r.budget().runs(),
                r.budget().threshold());
        Reproduce engine = engines.apply(context).withFrontend(context.frontend());
        try {
            Minimizer.Result result =
                    new Minimizer(engine, context.frontend(), Clock.systemUTC(), context.log()).run(s);
            return new MinimizeResult(
                    result.directory(),
                    result.name(),
                    result.signature(),
                    result.summary().stream().map(context::render).toList(),
                    result.complete());
        } catch (UserError e) {
            throw new UserError(context.render(e.getMessage()));
        } catch (IOException e) {
            boolean stopping = e instanceof dev.m1go.exec.StoppingException;
            throw new EnvironmentError(
                    context.render((stopping
                                    ? "m1go:minimize was interrupted"
                                    : "m1go:minimize stopped on an I/O error: " + e.getMessage())
                            + "; the best case so far is in "
                            + out.resolve("minimized")),
                    e,
                    stopping);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentError(
                    context.render(
                            "m1go:minimize was interrupted; the best case so far is in " + out.resolve("minimized")),
                    e,
                    true);
        }
    }

    private MinimizeSettings.ModuleTarget moduleTarget(MinimizeRequest.Module m) throws UserError {
        boolean test = m.test() != null && !m.test().isBlank();
        List<String> pkgs = test ? m.tests() : m.packages();
        if (pkgs.size() != 1 || (!test && !m.tests().isEmpty())) {
            throw new UserError(context.render("m1go:minimize in module mode reduces one failing cell: a test "
                    + "(m1go.tests=<one package> and m1go.minimize.test=<TestName>) or a main package "
                    + "(m1go.packages=<one package>, run with m1go.args)"));
        }
        List<String> goflags = m.goflags() == null || m.goflags().isBlank()
                ? List.of()
                : List.of(m.goflags().trim().split("\\s+"));
        return new MinimizeSettings.ModuleTarget(
                m.module(), pkgs.get(0), test ? m.test().trim() : null, m.args(), goflags);
    }
}
