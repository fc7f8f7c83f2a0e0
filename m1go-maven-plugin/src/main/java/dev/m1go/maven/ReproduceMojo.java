package dev.m1go.maven;

import dev.m1go.app.Context;
import dev.m1go.app.Defaults;
import dev.m1go.app.EnvironmentError;
import dev.m1go.app.ReproduceRequest;
import dev.m1go.app.ReproduceResult;
import dev.m1go.app.ReproduceUseCase;
import dev.m1go.core.UserError;
import dev.m1go.settings.GoNetwork;
import dev.m1go.settings.PropertyNames;
import java.io.File;
import java.util.Map;
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
 *
 * <p>Its parameters (the module-mode ones in {@link ModuleModeMojo}) map to one {@link ReproduceRequest}; the goal is
 * one call of {@link ReproduceUseCase}.
 */
@Mojo(name = "reproduce", requiresProject = false, threadSafe = true, defaultPhase = LifecyclePhase.VERIFY)
public final class ReproduceMojo extends ModuleModeMojo {

    /**
     * Where cases, builds, logs and reports go.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/m1go")
    File outputDirectory;

    /**
     * Where TEST-m1go.xml also goes, for CI tools that read JUnit XML from one directory (for example
     * {@code ${project.build.directory}/surefire-reports}). Default: only the report directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REPORTS_DIRECTORY)
    File reportsDirectory;

    /**
     * Kept between runs: m1go's build cache of binaries and build failures ({@code builds/}), Go's build caches,
     * one per toolchain ({@code go-build/}), the symbolizer's answers for crashes in C ({@code symbols/}) and the
     * digests of the toolchains' {@code go} binaries ({@code tools/}).
     * Default: {@code $XDG_CACHE_HOME/m1go} when {@code XDG_CACHE_HOME} is set, else {@code ~/.cache/m1go}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CACHE_DIRECTORY)
    File cacheDirectory;

    /**
     * Build every binary again instead of taking it from the build cache (the new builds replace the cached ones).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REBUILD, defaultValue = Defaults.FALSE)
    boolean rebuild;

    /**
     * The size in bytes the build cache is trimmed to after each run, least recently used entries first.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CACHE_MAX_BYTES, defaultValue = Defaults.CACHE_MAX_BYTES)
    long cacheMaxBytes;

    /**
     * More Go installations (GOROOTs), comma separated, besides the ones m1go finds by itself.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GO_ROOTS)
    String goRoots;

    /**
     * Which {@code go} toolchains of Maven's toolchains.xml join the ones m1go finds, by requirement:
     * {@code version=>=1.22,arch=arm64} (version as in {@code m1go.goVersions}, other keys equal to what the toolchain
     * provides). Default: every {@code go} toolchain declared there.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GO_TOOLCHAINS)
    String goToolchains;

    /**
     * Which toolchains to use: {@code 1.21,1.22}, {@code >=1.21}, {@code >=1.21 <1.23}; {@code @arch} after a version
     * (or alone) keeps toolchains of that architecture: {@code @amd64,1.19@arm64}; {@code all} takes every toolchain
     * found. Default: every toolchain of the host's architecture and the newest of each other architecture (a
     * toolchain of another architecture runs translated, so each of its builds takes minutes on a cold cache).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GO_VERSIONS)
    String goVersions;

    /**
     * Fail when no toolchain is found (or none matches {@code m1go.goVersions}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FAIL_IF_NO_TOOLCHAINS, defaultValue = Defaults.TRUE)
    boolean failIfNoToolchains;

    /**
     * Case ids to run, comma separated. Default: every case.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CASES)
    String cases;

    /**
     * A directory of your own cases (one subdirectory per case, each with case.yaml).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CASES_DIRECTORY)
    File casesDirectory;

    /**
     * Runners, comma separated: native, rosetta, qemu, binfmt, container. Default: all that apply here.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RUNNERS)
    String runners;

    /**
     * Targets as GOOS/GOARCH, comma separated. Default: the host OS with amd64 and arm64.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TARGETS)
    String targets;

    /**
     * Time limit of one run, in seconds (a case may set its own).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TIMEOUT_SECONDS, defaultValue = Defaults.TIMEOUT_SECONDS)
    int timeoutSeconds;

    /**
     * Time limit of one build (C library plus go build), in seconds.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_TIMEOUT_SECONDS, defaultValue = Defaults.BUILD_TIMEOUT_SECONDS)
    int buildTimeoutSeconds;

    /**
     * Memory limit of one run, in MiB (16 or more): a run that reaches it is KILLED, and its reason names the limit.
     * Enforced by cgroup v2 memory.max where m1go can make a cgroup with the memory controller, else by an
     * address-space limit (RLIMIT_AS) with headroom for the Go runtime and the emulator, and in a container by the
     * engine. Default (0): no limit.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MEMORY_LIMIT_MB, defaultValue = Defaults.MEMORY_LIMIT_MB)
    int memoryLimitMb;

    /**
     * How many cells run at once. Default (0): the number of processors.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.THREADS, defaultValue = Defaults.THREADS)
    int threads;

    /**
     * Pass the whole environment (CGO_*, GOFLAGS, CC, …) to builds and runs instead of a clean one.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INHERIT_ENVIRONMENT, defaultValue = Defaults.FALSE)
    boolean inheritEnvironment;

    /**
     * Extra runs for each cell that did not pass, to measure a failure rate.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RERUNS, defaultValue = Defaults.RERUNS)
    int reruns;

    /**
     * With {@code m1go.reruns}: rerun every cell, passing ones too.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RERUNS_ALL, defaultValue = Defaults.FALSE)
    boolean rerunsAll;

    /**
     * Stress mode: run every cell this many times (counts per outcome, failure rate with a 95 % Wilson interval).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STRESS_RUNS, defaultValue = Defaults.STRESS_RUNS)
    int stressRuns;

    /**
     * Stress mode: run every cell for this many seconds (with {@code m1go.stress.runs}: whichever ends first).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STRESS_SECONDS, defaultValue = Defaults.STRESS_SECONDS)
    int stressSeconds;

    /**
     * Stress mode: end a cell's runs at its first failing run.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STRESS_STOP_ON_FAILURE, defaultValue = Defaults.FALSE)
    boolean stressStopOnFailure;

    /**
     * Stress mode: this many busy threads load the CPU while the matrix runs.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STRESS_LOAD, defaultValue = Defaults.STRESS_LOAD)
    int stressLoad;

    /**
     * Fail when there is no cell to run.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FAIL_IF_NO_CELLS, defaultValue = Defaults.TRUE)
    boolean failIfNoCells;

    /**
     * Fail the build when a cell contradicts its expectation (after every report is written). False means
     * {@code -Dm1go.failOn=never}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FAIL_ON_REGRESSION, defaultValue = Defaults.TRUE)
    boolean failOnRegression;

    /**
     * Container runner: run the dynamically linked binary in this image (for example {@code debian:bookworm-slim}),
     * which must already be on the engine for each target platform, instead of a {@code FROM scratch} image holding
     * the statically linked binary.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CONTAINER_IMAGE)
    String containerImage;

    /**
     * Container runner: leave the images m1go built on the engine after the run instead of removing them.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CONTAINER_KEEP_IMAGES, defaultValue = Defaults.FALSE)
    boolean containerKeepImages;

    /**
     * Container runner: the Docker engine of one platform's cells, keys {@code <goos>-<goarch>}
     * ({@code <linux-arm64>tcp://arm64-box:2375</linux-arm64>} or {@code unix:///tmp/arm64-docker.sock}, an arm64
     * machine's engine reached directly or through {@code ssh -L} socket forwarding); on the command line
     * {@code -Dm1go.container.hosts.linux-arm64=…}. The other platforms use DOCKER_HOST or the default socket.
     * {@code ssh://} is refused with the forwarding command.
     *
     * @since 0.1.0
     */
    @Parameter
    Map<String, String> containerHosts;

    /**
     * When to fail: {@code regression} (every unexpected cell), {@code new} (only failures new since
     * {@code m1go.baseline}, or failure rates that rose significantly), {@code translation-only} (only translated
     * cells that fail where their reference cell does not), {@code never}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FAIL_ON, defaultValue = Defaults.FAIL_ON)
    String failOn;

    /**
     * A previous report.json: each failing cell is marked new, known or fixed.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BASELINE)
    File baseline;

    /**
     * Run only share K of N of the planned cells (2/3: the second of three jobs). The share depends only on the plan:
     * cells that share a build stay together, and the shares are balanced by expected cost. m1go:merge of the N
     * report.json files is the whole run.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SHARD)
    String shard;

    /**
     * Print report.md to standard output, for pasting into an issue.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ISSUE_BODY, defaultValue = Defaults.FALSE)
    boolean issueBody;

    /**
     * Skips m1go:reproduce only (other goals still run).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REPRODUCE_SKIP, defaultValue = "false")
    boolean reproduceSkip;

    /**
     * Maven's own switch for test-like goals: {@code -DskipTests} skips m1go:reproduce too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /**
     * Maven's switch that skips compiling and running tests: {@code -Dmaven.test.skip} skips m1go:reproduce too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean mavenTestSkip;

    /**
     * maven-failsafe-plugin's switch for integration tests: {@code -DskipITs} skips m1go:reproduce too, since it runs
     * programs the way integration tests do.
     *
     * @since 0.1.0
     */
    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    @Override
    String goal() {
        return "reproduce";
    }

    /** The container runner (Testcontainers' Docker client) and the engine probe (docker-java's transport). */
    @Override
    boolean talksToContainerEngine() {
        return true;
    }

    @Override
    String skippedBy() {
        String all = super.skippedBy();
        if (all != null) {
            return all;
        }
        if (reproduceSkip) {
            return PropertyNames.REPRODUCE_SKIP;
        }
        if (skipTests) {
            return "skipTests";
        }
        if (skipITs) {
            return "skipITs";
        }
        return mavenTestSkip ? "maven.test.skip" : null;
    }

    @Override
    ReproduceRequest request(Context context) throws UserError {
        return ReproduceRequest.builder()
                .outputDirectory(reportDirectory(outputDirectory))
                .cacheDirectory(path(cacheDirectory))
                .goRoots(list(goRoots))
                .goVersions(goVersions)
                .failIfNoToolchains(failIfNoToolchains)
                .cases(list(cases))
                .casesDirectory(path(casesDirectory))
                .runners(list(runners))
                .targets(list(targets))
                .timeoutSeconds(timeoutSeconds)
                .buildTimeoutSeconds(buildTimeoutSeconds)
                .memoryLimitMb(memoryLimitMb)
                .threads(threads)
                .inheritEnvironment(inheritEnvironment)
                .reruns(reruns)
                .rerunsAll(rerunsAll)
                .failIfNoCells(failIfNoCells)
                .rebuild(rebuild)
                .cacheMaxBytes(cacheMaxBytes)
                .stressRuns(stressRuns)
                .stressSeconds(stressSeconds)
                .stressStopOnFailure(stressStopOnFailure)
                .stressLoad(stressLoad)
                .baseline(path(baseline))
                .failOn(failOn)
                .failOnRegression(failOnRegression)
                .issueBody(issueBody)
                .reportsDirectory(path(reportsDirectory))
                .containerImage(containerImage)
                .containerKeepImages(containerKeepImages)
                .containerHosts(containerHosts())
                .goToolchains(goToolchains)
                .shard(shard)
                .declared(declaredGoToolchains())
                .apply(this::moduleMode)
                .build(context);
    }

    /** {@code <containerHosts>} of the pom with the {@code -Dm1go.container.hosts.<goos>-<goarch>} properties over it. */
    private Map<String, String> containerHosts() {
        Map<String, String> hosts = new java.util.TreeMap<>(containerHosts == null ? Map.of() : containerHosts);
        hosts.putAll(ReproduceRequest.Builder.containerHostsProperties(System.getProperties()));
        return hosts;
    }

    /** How this goal was started: bound to a phase, or from the command line ({@code default-cli}). */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = false)
    org.apache.maven.plugin.MojoExecution mojoExecution;

    @Override
    void run(Context context) throws MojoExecutionException, MojoFailureException {
        if (mojoExecution != null
                && "default-cli".equals(mojoExecution.getExecutionId())
                && session != null
                && session.getProjects() != null
                && session.getProjects().size() > 1) {
            // A goal that needs no project runs once per build, at the reactor's root, not once per module.
            getLog().info("m1go: this build has " + session.getProjects().size() + " modules; m1go:reproduce from the "
                    + "command line runs once, for "
                    + session.getCurrentProject().getArtifactId() + ". For one "
                    + "module's matrix run it there (-pl <module>), or bind the goal in the modules' poms and run "
                    + "mvn verify; m1go:merge -Dm1go.inputs=. joins their reports.");
        }
        GoNetwork.Applied network = network(context.environment());
        network.notes().forEach(getLog()::info);
        Context online = context.withEnvironment(network.environment());
        ReproduceResult result;
        try {
            result = new ReproduceUseCase(online).run(request(online));
        } catch (UserError | EnvironmentError | IllegalArgumentException e) {
            // IllegalArgumentException: an empty element of m1go.args, which only Maven can hand over
            throw new MojoExecutionException(e.getMessage());
        }
        result.warnings().forEach(getLog()::warn);
        if (result.failed()) {
            throw new MojoFailureException(result.failure());
        }
    }
}
