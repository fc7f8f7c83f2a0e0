package dev.m1go.maven;

import dev.m1go.cases.CaseDefinitionException;
import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.matrix.CellResult;
import dev.m1go.module.ModuleProject;
import dev.m1go.reproduce.Publish;
import dev.m1go.reproduce.Reproduce;
import dev.m1go.reproduce.ReproduceSettings;
import dev.m1go.reproduce.RunLock;
import dev.m1go.core.UserError;
import dev.m1go.runner.container.ContainerRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the cgo reproducer cases, builds each with every Go toolchain found for every target, runs each binary
 * natively and under translation, classifies every run, and writes report.json, report.md (and the other formats)
 * into {@code target/m1go}. Cells that contradict their case's expectation fail the build once every report is
 * written.
 */
@Mojo(name = "reproduce", requiresProject = false, threadSafe = true, defaultPhase = LifecyclePhase.VERIFY)
public final class ReproduceMojo extends AbstractM1goMojo {

    /** Module mode: your Go module (the directory with go.mod) on the matrix instead of the case catalog. */
    @Parameter(property = "m1go.module")
    File module;

    /** Module mode: main packages to build and run, comma separated ({@code ./cmd/server,./tools/...}). */
    @Parameter(property = "m1go.packages")
    String packages;

    /** Module mode: packages whose tests run ({@code ./...}), each as a test binary ({@code go test -c}). */
    @Parameter(property = "m1go.tests")
    String tests;

    /** Module mode: arguments of each main package's run (a list, no shell). */
    @Parameter(property = "m1go.args")
    List<String> args;

    /** Module mode: {@code GOFLAGS} for the builds ({@code -mod=vendor}, {@code -tags=foo}). */
    @Parameter(property = "m1go.goflags")
    String goflags;

    /** Module mode: {@code -test.run} of every test binary. */
    @Parameter(property = "m1go.testRun")
    String testRun;

    /** Module mode: {@code -test.count} of every test binary. */
    @Parameter(property = "m1go.testCount")
    Integer testCount;

    /** Module mode: {@code -test.timeout} of every test binary ({@code 2m}). */
    @Parameter(property = "m1go.testTimeout")
    String testTimeout;

    /**
     * Module mode: build environment per target, keys {@code <goos>-<goarch>.<VARIABLE>}
     * ({@code <linux-arm64.CGO_LDFLAGS>…</linux-arm64.CGO_LDFLAGS>}); on the command line
     * {@code -Dm1go.targetEnv.linux-arm64.CGO_LDFLAGS=…}.
     */
    @Parameter
    Map<String, String> targetEnv;

    /** Where cases, builds, logs and reports go. */
    @Parameter(property = "m1go.outputDirectory", defaultValue = "${project.build.directory}/m1go")
    File outputDirectory;

    /** Go build caches, one per toolchain, kept between runs. Default: {@code ~/.cache/m1go}. */
    @Parameter(property = "m1go.cacheDirectory")
    File cacheDirectory;

    /** More Go installations (GOROOTs), comma separated, besides the ones m1go finds by itself. */
    @Parameter(property = "m1go.goRoots")
    String goRoots;

    /** Which toolchains to use: {@code 1.21,1.22}, {@code >=1.21}, {@code >=1.21 <1.23}. Default: all. */
    @Parameter(property = "m1go.goVersions")
    String goVersions;

    /** Fail when no toolchain is found (or none matches {@code m1go.goVersions}). */
    @Parameter(property = "m1go.failIfNoToolchains", defaultValue = "true")
    boolean failIfNoToolchains;

    /** Case ids to run, comma separated. Default: every case. */
    @Parameter(property = "m1go.cases")
    String cases;

    /** A directory of your own cases (one subdirectory per case, each with case.yaml). */
    @Parameter(property = "m1go.casesDirectory")
    File casesDirectory;

    /** Runners, comma separated: native, rosetta, qemu, binfmt, container. Default: all that apply here. */
    @Parameter(property = "m1go.runners")
    String runners;

    /** Targets as GOOS/GOARCH, comma separated. Default: the host OS with amd64 and arm64. */
    @Parameter(property = "m1go.targets")
    String targets;

    /** Time limit of one run, in seconds (a case may set its own). */
    @Parameter(property = "m1go.timeoutSeconds", defaultValue = "60")
    int timeoutSeconds;

    /** Time limit of one build (C library plus go build), in seconds. */
    @Parameter(property = "m1go.buildTimeoutSeconds", defaultValue = "900")
    int buildTimeoutSeconds;

    /** How many cells run at once. Default (0): the number of processors. */
    @Parameter(property = "m1go.threads", defaultValue = "0")
    int threads;

    /** Pass the whole environment (CGO_*, GOFLAGS, CC, …) to builds and runs instead of a clean one. */
    @Parameter(property = "m1go.inheritEnvironment", defaultValue = "false")
    boolean inheritEnvironment;

    /** Extra runs for each cell that did not pass, to measure a failure rate. */
    @Parameter(property = "m1go.reruns", defaultValue = "0")
    int reruns;

    /** With {@code m1go.reruns}: rerun every cell, passing ones too. */
    @Parameter(property = "m1go.rerunsAll", defaultValue = "false")
    boolean rerunsAll;

    /** Fail when there is no cell to run. */
    @Parameter(property = "m1go.failIfNoCells", defaultValue = "true")
    boolean failIfNoCells;

    /** Fail the build when a cell contradicts its expectation (after every report is written). False means
     * {@code m1go.failOn=never}. */
    @Parameter(property = "m1go.failOnRegression", defaultValue = "true")
    boolean failOnRegression;

    /**
     * Container runner: run the dynamically linked binary in this image (for example {@code debian:bookworm-slim}),
     * which must already be on the engine for each target platform, instead of a {@code FROM scratch} image holding
     * the statically linked binary.
     */
    @Parameter(property = "m1go.container.image")
    String containerImage;

    /** When to fail: {@code regression} (every unexpected cell), {@code new} (only failures new since
     * {@code m1go.baseline}), {@code never}. */
    @Parameter(property = "m1go.failOn", defaultValue = "regression")
    String failOn;

    /** A previous report.json: each failing cell is marked new, known or fixed. */
    @Parameter(property = "m1go.baseline")
    File baseline;

    /** Print report.md to standard output, for pasting into an issue. */
    @Parameter(property = "m1go.issueBody", defaultValue = "false")
    boolean issueBody;

    /** The module-mode parameters, or {@code null} when {@code m1go.module} is not set. */
    ModuleProject.Settings moduleSettings() throws MojoExecutionException {
        if (module == null) {
            return null;
        }
        Map<String, String> flat = new TreeMap<>(targetEnv == null ? Map.of() : targetEnv);
        String prefix = "m1go.targetEnv.";
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith(prefix)) {
                flat.put(k.toString().substring(prefix.length()), v.toString());
            }
        });
        try {
            return new ModuleProject.Settings(module.toPath(), list(packages), list(tests), args,
                    goflags == null ? List.of() : List.of(goflags.trim().split("\\s+")), testRun, testCount,
                    testTimeout, ModuleProject.targetEnv(flat));
        } catch (CaseDefinitionException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    @Override
    String goal() {
        return "reproduce";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Path home = Path.of(System.getProperty("user.home"));
        ReproduceSettings settings = new ReproduceSettings(
                reportDirectory(outputDirectory),
                cacheDirectory != null ? cacheDirectory.toPath() : home.resolve(".cache/m1go"),
                list(goRoots), goVersions, failIfNoToolchains, list(cases),
                casesDirectory == null ? null : casesDirectory.toPath(),
                list(runners), list(targets), timeoutSeconds, buildTimeoutSeconds,
                threads == 0 ? Runtime.getRuntime().availableProcessors() : threads,
                inheritEnvironment, reruns, rerunsAll, failIfNoCells, System.getenv(), home, moduleSettings());
        Publish publish = new Publish(System.getenv(), System.out, new MavenLog(getLog()));
        Publish.Plan plan;
        Reproduce.Result result;
        Publish.Published published;
        Reproduce reproduce = new Reproduce(new CommonsExecProcessRunner(), new GoCrashClassifier(),
                host -> List.of(ContainerRunner.of(host, System.getenv(), containerImage)),
                Clock.systemUTC(), new MavenLog(getLog()));
        try {
            plan = publish.prepare(new Publish.Settings(baseline == null ? null : baseline.toPath(), failOn,
                    failOnRegression, issueBody));
            try (RunLock lock = reproduce.lock(settings)) {
                result = reproduce.run(settings);
                published = publish.publish(plan, result.report(), result.directory());
            }
        } catch (UserError e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException(reproduce.ioFailure(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(reproduce.interrupted());
        }
        for (CellResult c : result.flaky()) {
            getLog().warn("FLAKY " + c.key().title(result.report().host().arch()) + ": " + c.failureRate()
                    + " runs did not pass");
        }
        if (published.failing().isEmpty()) {
            if (!result.unexpected().isEmpty()) {
                StringBuilder warning = new StringBuilder(result.unexpected().size()
                        + " cell(s) contradict their case's expectation; m1go.failOn=" + published.failOn().property()
                        + " does not fail the build for them (reports: " + result.directory() + "):");
                for (CellResult c : result.unexpected()) {
                    warning.append("\n  ").append(c.key().title(result.report().host().arch())).append(": expected ")
                            .append(c.expected()).append(", got ").append(c.outcome())
                            .append(c.signal() == null ? "" : " " + c.signal());
                }
                getLog().warn(warning.toString());
            }
            return;
        }
        throw new MojoFailureException(Publish.failureMessage(published, result.directory()));
    }
}
