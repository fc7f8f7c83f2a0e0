package dev.m1go.app;

import dev.m1go.cases.CaseDefinitionException;
import dev.m1go.cases.RunOptions;
import dev.m1go.core.UserError;
import dev.m1go.host.Arch;
import dev.m1go.host.DockerEndpoint;
import dev.m1go.module.ModuleProject;
import dev.m1go.reproduce.Publish;
import dev.m1go.reproduce.ReproduceSettings;
import dev.m1go.runner.container.ContainerHosts;
import dev.m1go.settings.PropertyNames;
import dev.m1go.toolchain.DeclaredToolchains;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@code m1go:reproduce} is asked to do, in named groups: the matrix, what happens to the finished report,
 * the container runner, the toolchains a front end declares (Maven's toolchains.xml), and module mode (on when
 * {@code module.module()} is set). Made by {@link #builder()}, whose setters carry the settings' names and start
 * from {@link Defaults}.
 */
public record ReproduceRequest(
        ReproduceSettings settings,
        Publish.Settings publish,
        Container container,
        Toolchains toolchains,
        ModuleProject.Settings module) {

    /**
     * What {@code m1go.container.image}, {@code m1go.container.keepImages} and
     * {@code m1go.container.hosts.<goos>-<goarch>} configure; {@code containerHosts} is checked
     * ({@link ContainerHosts#parse}).
     */
    public record Container(
            String containerImage, boolean containerKeepImages, Map<Arch, DockerEndpoint> containerHosts) {
        public Container {
            containerHosts = containerHosts == null || containerHosts.isEmpty()
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(containerHosts));
        }

        /** Every platform on the engine of {@code DOCKER_HOST} or the default socket. */
        public Container(String containerImage, boolean containerKeepImages) {
            this(containerImage, containerKeepImages, Map.of());
        }
    }

    /** {@code m1go.goToolchains}, and the toolchains it selects from (those a front end declares). */
    public record Toolchains(String goToolchains, List<DeclaredToolchains.Declared> declared) {
        public Toolchains {
            declared = List.copyOf(declared);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request; every setter is named after its setting ({@code m1go.stress.runs}: {@code stressRuns}). */
    public static final class Builder {
        private Path outputDirectory;
        private Path cacheDirectory;
        private List<String> goRoots = List.of();
        private String goVersions;
        private boolean failIfNoToolchains = Boolean.parseBoolean(Defaults.TRUE);
        private List<String> cases = List.of();
        private Path casesDirectory;
        private List<String> runners = List.of();
        private List<String> targets = List.of();
        private int timeoutSeconds = Defaults.integer(Defaults.TIMEOUT_SECONDS);
        private int buildTimeoutSeconds = Defaults.integer(Defaults.BUILD_TIMEOUT_SECONDS);
        private int threads = Defaults.integer(Defaults.THREADS);
        private boolean inheritEnvironment;
        private int reruns = Defaults.integer(Defaults.RERUNS);
        private boolean rerunsAll;
        private boolean failIfNoCells = Boolean.parseBoolean(Defaults.TRUE);
        private boolean rebuild;
        private long cacheMaxBytes = Long.parseLong(Defaults.CACHE_MAX_BYTES);
        private int stressRuns = Defaults.integer(Defaults.STRESS_RUNS);
        private int stressSeconds = Defaults.integer(Defaults.STRESS_SECONDS);
        private boolean stressStopOnFailure;
        private int stressLoad = Defaults.integer(Defaults.STRESS_LOAD);
        private int memoryLimitMb = Defaults.integer(Defaults.MEMORY_LIMIT_MB);
        private Path baseline;
        private String failOn = Defaults.FAIL_ON;
        private boolean failOnRegression = Boolean.parseBoolean(Defaults.TRUE);
        private boolean issueBody;
        private Path reportsDirectory;
        private String containerImage;
        private boolean containerKeepImages;
        private Map<String, String> containerHosts = Map.of();
        private String goToolchains;
        private String shard;
        private List<DeclaredToolchains.Declared> declared = List.of();
        private Path module;
        private List<String> packages = List.of();
        private List<String> tests = List.of();
        private List<String> args = List.of();
        private String goflags;
        private String testRun;
        private Integer testCount;
        private String testTimeout;
        private Map<String, String> targetEnv = Map.of();
        private boolean testShort = Boolean.parseBoolean(Defaults.FALSE);
        private String testSkip;
        private Integer testParallel;
        private String testCpu;
        private String testBench;
        private String testBenchtime;
        private int testTimeoutSeconds = Defaults.integer(Defaults.TEST_TIMEOUT_SECONDS);
        private boolean translatedTestsOneAtATime = Boolean.parseBoolean(Defaults.TRUE);
        private Map<String, String> runEnv = Map.of();

        private Builder() {}

        public Builder outputDirectory(Path v) {
            outputDirectory = v;
            return this;
        }
        /** Null: {@link ReproduceSettings#defaultCacheDirectory}. */
        public Builder cacheDirectory(Path v) {
            cacheDirectory = v;
            return this;
        }

        public Builder goRoots(List<String> v) {
            goRoots = list(v);
            return this;
        }

        public Builder goVersions(String v) {
            goVersions = v;
            return this;
        }

        public Builder failIfNoToolchains(boolean v) {
            failIfNoToolchains = v;
            return this;
        }

        public Builder cases(List<String> v) {
            cases = list(v);
            return this;
        }

        public Builder casesDirectory(Path v) {
            casesDirectory = v;
            return this;
        }

        public Builder runners(List<String> v) {
            runners = list(v);
            return this;
        }

        public Builder targets(List<String> v) {
            targets = list(v);
            return this;
        }

        public Builder timeoutSeconds(int v) {
            timeoutSeconds = v;
            return this;
        }

        public Builder buildTimeoutSeconds(int v) {
            buildTimeoutSeconds = v;
            return this;
        }
        /** 0: the number of processors. */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder inheritEnvironment(boolean v) {
            inheritEnvironment = v;
            return this;
        }

        public Builder reruns(int v) {
            reruns = v;
            return this;
        }

        public Builder rerunsAll(boolean v) {
            rerunsAll = v;
            return this;
        }

        public Builder failIfNoCells(boolean v) {
            failIfNoCells = v;
            return this;
        }

        public Builder rebuild(boolean v) {
            rebuild = v;
            return this;
        }

        public Builder cacheMaxBytes(long v) {
            cacheMaxBytes = v;
            return this;
        }

        public Builder stressRuns(int v) {
            stressRuns = v;
            return this;
        }

        public Builder stressSeconds(int v) {
            stressSeconds = v;
            return this;
        }

        public Builder stressStopOnFailure(boolean v) {
            stressStopOnFailure = v;
            return this;
        }

        public Builder stressLoad(int v) {
            stressLoad = v;
            return this;
        }
        /** 0: no limit. */
        public Builder memoryLimitMb(int v) {
            memoryLimitMb = v;
            return this;
        }

        public Builder baseline(Path v) {
            baseline = v;
            return this;
        }

        public Builder failOn(String v) {
            failOn = v;
            return this;
        }

        public Builder failOnRegression(boolean v) {
            failOnRegression = v;
            return this;
        }

        public Builder issueBody(boolean v) {
            issueBody = v;
            return this;
        }

        public Builder reportsDirectory(Path v) {
            reportsDirectory = v;
            return this;
        }

        public Builder containerImage(String v) {
            containerImage = v;
            return this;
        }

        public Builder containerKeepImages(boolean v) {
            containerKeepImages = v;
            return this;
        }
        /** {@code linux-arm64} → {@code tcp://arm64-box:2375}: the engine of one platform's container cells. */
        public Builder containerHosts(Map<String, String> v) {
            containerHosts = v == null ? Map.of() : new TreeMap<>(v);
            return this;
        }

        public Builder goToolchains(String v) {
            goToolchains = v;
            return this;
        }
        /** {@code K/N}; null or blank: the whole matrix. */
        public Builder shard(String v) {
            shard = v;
            return this;
        }
        /** The toolchains a front end declares ({@code m1go.goToolchains} selects from them). */
        public Builder declared(List<DeclaredToolchains.Declared> v) {
            declared = List.copyOf(v);
            return this;
        }

        public Builder module(Path v) {
            module = v;
            return this;
        }

        public Builder packages(List<String> v) {
            packages = list(v);
            return this;
        }

        public Builder tests(List<String> v) {
            tests = list(v);
            return this;
        }

        public Builder args(List<String> v) {
            args = v == null ? List.of() : List.copyOf(v);
            return this;
        }
        /** As {@code GOFLAGS} is written: flags separated by blanks. */
        public Builder goflags(String v) {
            goflags = v;
            return this;
        }

        public Builder testRun(String v) {
            testRun = v;
            return this;
        }

        public Builder testCount(Integer v) {
            testCount = v;
            return this;
        }

        public Builder testTimeout(String v) {
            testTimeout = v;
            return this;
        }
        /** Flat: {@code linux-arm64.CGO_LDFLAGS} → value. */
        public Builder targetEnv(Map<String, String> v) {
            targetEnv = v == null ? Map.of() : new TreeMap<>(v);
            return this;
        }

        public Builder testShort(boolean v) {
            testShort = v;
            return this;
        }

        public Builder testSkip(String v) {
            testSkip = v;
            return this;
        }

        public Builder testParallel(Integer v) {
            testParallel = v;
            return this;
        }

        public Builder testCpu(String v) {
            testCpu = v;
            return this;
        }

        public Builder testBench(String v) {
            testBench = v;
            return this;
        }

        public Builder testBenchtime(String v) {
            testBenchtime = v;
            return this;
        }

        public Builder testTimeoutSeconds(int v) {
            testTimeoutSeconds = v;
            return this;
        }

        public Builder translatedTestsOneAtATime(boolean v) {
            translatedTestsOneAtATime = v;
            return this;
        }
        /** {@code GODEBUG} → value: the environment of every run of the module's programs and test binaries. */
        public Builder runEnv(Map<String, String> v) {
            runEnv = v == null ? Map.of() : new TreeMap<>(v);
            return this;
        }

        /** This builder after {@code step}, for a group of settings that a front end fills in one place. */
        public Builder apply(java.util.function.UnaryOperator<Builder> step) {
            return step.apply(this);
        }

        /**
         * The request, its defaults resolved in {@code context}: the cache directory
         * ({@link ReproduceSettings#defaultCacheDirectory}), the number of threads, the report directory
         * ({@link Defaults#OUTPUT_DIRECTORY} below the working directory).
         *
         * @throws UserError naming an {@code m1go.targetEnv} key that is not {@code <goos>-<goarch>.<VARIABLE>}, an
         *                   {@code m1go.runEnv} key that is no variable name, or an
         *                   {@code m1go.container.hosts.<goos>-<goarch>} that is no platform or no usable endpoint
         */
        public ReproduceRequest build(Context context) throws UserError {
            Path out = outputDirectory != null
                    ? outputDirectory
                    : context.workingDirectory().resolve(Defaults.OUTPUT_DIRECTORY);
            Path cache = cacheDirectory != null
                    ? cacheDirectory
                    : ReproduceSettings.defaultCacheDirectory(context.environment(), context.home());
            int workers = threads == 0
                    ? Math.min(Runtime.getRuntime().availableProcessors(), ReproduceSettings.MAX_THREADS)
                    : threads;
            ReproduceSettings settings = ReproduceSettings.builder(out, cache, context.environment(), context.home())
                    .goRoots(goRoots)
                    .goVersions(goVersions)
                    .failIfNoToolchains(failIfNoToolchains)
                    .cases(cases)
                    .casesDirectory(casesDirectory)
                    .runners(runners)
                    .targets(targets)
                    .timeoutSeconds(timeoutSeconds)
                    .buildTimeoutSeconds(buildTimeoutSeconds)
                    .threads(workers)
                    .inheritEnvironment(inheritEnvironment)
                    .reruns(reruns)
                    .rerunsAll(rerunsAll)
                    .failIfNoCells(failIfNoCells)
                    .rebuild(rebuild)
                    .cacheMaxBytes(cacheMaxBytes)
                    .stress(new ReproduceSettings.StressSettings(
                            stressRuns, stressSeconds, stressStopOnFailure, stressLoad))
                    .shard(shard)
                    .memoryLimitMb(memoryLimitMb)
                    .build();
            ModuleProject.Settings moduleSettings;
            try {
                moduleSettings = new ModuleProject.Settings(
                        module,
                        packages,
                        tests,
                        args,
                        goflags == null || goflags.isBlank()
                                ? List.of()
                                : List.of(goflags.trim().split("\\s+")),
                        testRun,
                        testCount,
                        testTimeout,
                        ModuleProject.targetEnv(targetEnv),
                        new RunOptions(
                                testShort,
                                testSkip,
                                testParallel,
                                testCpu,
                                testBench,
                                testBenchtime,
                                RunOptions.runEnv(runEnv),
                                testTimeoutSeconds,
                                translatedTestsOneAtATime));
            } catch (CaseDefinitionException e) {
                throw new UserError(e.getMessage());
            }
            Map<Arch, DockerEndpoint> hosts;
            try {
                hosts = ContainerHosts.parse(containerHosts);
            } catch (IllegalArgumentException e) {
                throw new UserError(context.render(e.getMessage()));
            }
            return new ReproduceRequest(
                    settings,
                    new Publish.Settings(baseline, failOn, failOnRegression, issueBody, reportsDirectory),
                    new Container(containerImage, containerKeepImages, hosts),
                    new Toolchains(goToolchains, declared),
                    moduleSettings);
        }

        /** {@code m1go.targetEnv.<goos>-<goarch>.<VARIABLE>} entries of a property map, flat, without the prefix. */
        public static Map<String, String> targetEnvProperties(Map<?, ?> properties) {
            return family(properties, PropertyNames.TARGET_ENV_PREFIX);
        }

        /** {@code m1go.container.hosts.<goos>-<goarch>} entries of a property map, without the prefix. */
        public static Map<String, String> containerHostsProperties(Map<?, ?> properties) {
            return family(properties, PropertyNames.CONTAINER_HOSTS_PREFIX);
        }

        /** {@code m1go.runEnv.<VARIABLE>} entries of a property map, without the prefix. */
        public static Map<String, String> runEnvProperties(Map<?, ?> properties) {
            return family(properties, PropertyNames.RUN_ENV_PREFIX);
        }

        private static Map<String, String> family(Map<?, ?> properties, String prefix) {
            Map<String, String> flat = new TreeMap<>();
            properties.forEach((k, v) -> {
                if (k.toString().startsWith(prefix)) {
                    flat.put(k.toString().substring(prefix.length()), v.toString());
                }
            });
            return flat;
        }

        private static List<String> list(List<String> v) {
            return v == null ? List.of() : new ArrayList<>(v);
        }
    }
}
