package dev.m1go.matrix;

import dev.m1go.binary.BinaryFacts;
import dev.m1go.binary.BinaryInspector;
import dev.m1go.cases.Library;
import dev.m1go.cases.ModuleUnit;
import dev.m1go.cases.ReproCase;
import dev.m1go.cases.Variant;
import dev.m1go.classify.Classification;
import dev.m1go.classify.Classifier;
import dev.m1go.classify.Evidence;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Phase;
import dev.m1go.core.FileTrees;
import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinaryHeader;
import dev.m1go.module.TargetCEnvironment;
import dev.m1go.settings.BuildEnvironment;
import dev.m1go.toolchain.CCompiler;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.GoPaths;
import dev.m1go.toolchain.Launcher;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one case with one toolchain for one target: the case's static C library with the target's C compiler and
 * {@code ar}, then {@code go build} with an explicit GOOS, GOARCH, CC, {@code CGO_ENABLED=1},
 * {@code GOTOOLCHAIN=local}, an isolated GOPATH and a build cache per toolchain. A toolchain of another architecture
 * runs through the host's translator. A build whose {@link BuildKey} is in the {@link BuildCache} is not run again.
 */
final class Builder {

    /** The outcome of one build, with the classification of the step that decided it. */
    record Built(BuildInfo info, Path binary, Classification classification, boolean timedOut) {
        boolean ok() {
            return info.outcome() == Outcome.PASS;
        }

        Built withSummary(String summary) {
            Classification k = classification;
            return new Built(
                    info,
                    binary,
                    new Classification(
                            k.outcome(), k.signal(), k.inCgo(), summary, k.signature(), k.header(), k.frames()),
                    timedOut);
        }
    }

    private final MatrixRequest request;
    private final ProcessRunner processes;
    private final Classifier classifier;
    private final CCompilers compilers;
    private final Launcher launcher;
    private final dev.m1go.host.Host host;
    private final String hostOs;
    private final BuildCache cache;
    private final BuildInputs inputs;

    Builder(
            MatrixRequest request,
            ProcessRunner processes,
            Classifier classifier,
            CCompilers compilers,
            Launcher launcher,
            dev.m1go.host.Host host,
            BuildCache cache) {
        this.request = request;
        this.processes = processes;
        this.classifier = classifier;
        this.compilers = compilers;
        this.launcher = launcher;
        this.host = host;
        this.hostOs = host.os().goos();
        this.cache = cache;
        this.inputs = new BuildInputs(new ToolIdentity(
                request.environment().get("PATH"), request.cacheDirectory().resolve("tools")));
    }

    static Arch libraryArch(Library library, Arch target) {
        return library.otherArch() ? (target == Arch.AMD64 ? Arch.ARM64 : Arch.AMD64) : target;
    }

    static String buildSlug(Platform target, Variant variant, boolean staticLink) {
        return target.slug()
                + (staticLink ? "-static" : "")
                + (variant.buildEnv().isEmpty() ? "" : "-" + variant.name());
    }

    /**
     * The binary of {@code c} built by {@code t} for {@code target}: from the build cache when a build with the same
     * {@link BuildKey} was kept (unless {@code m1go.rebuild}), else built now and kept when its outcome will not
     * change by building again.
     */
    Built build(ReproCase c, Toolchain t, Platform target, Variant variant, boolean staticLink)
            throws IOException, Launcher.CannotLaunchException {
        String slug = buildSlug(target, variant, staticLink);
        Path dir = request.layout().build(c.id(), t.key(), slug);
        Path logs = request.layout().buildLogs(c.id(), t.key(), slug);
        CCompiler cc = compilers.forTarget(target.arch()).get().orElseThrow();
        CCompiler libcc = c.library() == null
                ? null
                : compilers
                        .forTarget(libraryArch(c.library(), target.arch()))
                        .get()
                        .orElseThrow();
        Launch launch = launcher.launchFor(t.binaryArch());
        ModuleUnit unit = c.unit();
        // A module's package builds in m1go's copy of the module; a case in its own src/ directory.
        Path src = unit != null ? unit.root() : dir.resolve("src");
        Map<String, String> env = goEnv(c, t, target, variant, cc);
        BuildKey key = inputs.key(c, t, target, variant, staticLink, cc, libcc, env, launch, src);
        // The build cache keys a case by its files; a module's tree is not among them, so module builds always run.
        boolean useCache = unit == null;

        long t0 = System.nanoTime();
        FileTrees.delete(dir);
        Files.createDirectories(dir);
        Files.createDirectories(logs);
        if (unit == null) {
            Files.createDirectories(src);
        }
        c.writeTo(src);
        if (unit == null && !c.files().containsKey("go.mod")) {
            // The language version of the toolchain that builds it: generics from 1.18, loop variables per
            // iteration from 1.22, as a program written for that Go expects.
            Files.writeString(
                    src.resolve("go.mod"),
                    "module m1go.dev/cases/" + c.id() + "\n\ngo "
                            + t.goVersion().minorLine() + "\n");
        }
        Path binary = dir.resolve(c.id().substring(c.id().lastIndexOf('/') + 1));
        if (useCache && !request.rebuild()) {
            Optional<BuildCache.Entry> hit = cache.restore(key.digest(), binary, logs);
            if (hit.isPresent()) {
                BuildCache.Entry e = hit.get();
                BuildInfo info = e.info().relocated(name -> relative(logs.resolve(name)));
                boolean built = e.binarySha256() != null;
                info = new BuildInfo(
                        info.outcome(),
                        info.cc(),
                        info.ccFamily(),
                        info.libraryArch(),
                        info.translated(),
                        info.staticLink(),
                        millisSince(t0),
                        built ? relative(binary) : null,
                        info.stdoutLog(),
                        info.stderrLog(),
                        null,
                        built ? BinaryInspector.read(binary, relative(binary)) : null,
                        true,
                        key.digest());
                return new Built(info, e.binarySha256() == null ? null : binary, e.classification(), false);
            }
        }
        List<Path> written = new ArrayList<>();
        Built built = buildNow(c, t, target, staticLink, cc, libcc, launch, env, src, logs, binary, written, t0);
        BuildInfo keyed = built.info().withCache(false, key.digest());
        if (useCache && BuildCache.cacheable(keyed.outcome(), built.timedOut())) {
            // Binary facts are read again from the restored binary: the entry keeps only what the build said.
            BuildInfo kept = keyed.withBinaryFacts(null);
            try {
                cache.store(
                        new BuildCache.Entry(
                                key.digest(),
                                key.inputs(),
                                kept.relocated(p -> Path.of(p).getFileName().toString()),
                                built.classification(),
                                null,
                                List.of()),
                        built.binary(),
                        written);
            } catch (IOException e) {
                // A cache that cannot be written (a full disk, a read-only directory) costs the next run this build,
                // never this run its results.
                cache.failedToStore(e);
            }
        }
        return new Built(keyed, built.binary(), built.classification(), built.timedOut());
    }

    private Built buildNow(
            ReproCase c,
            Toolchain t,
            Platform target,
            boolean staticLink,
            CCompiler cc,
            CCompiler libcc,
            Launch launch,
            Map<String, String> env,
            Path src,
            Path logs,
            Path binary,
            List<Path> written,
            long t0)
            throws IOException {
        ModuleUnit unit = c.unit();
        String libraryArch = null;
        if (c.library() != null) {
            Library lib = c.library();
            libraryArch = libcc.target().goarch();
            List<String> objects = new ArrayList<>();
            // Objects go to obj/, outside the Go package directory: cgo compiles every .c file it finds there, which
            // would hide the library (and its architecture) behind a fresh object built for the target.
            Files.createDirectories(src.resolve("obj"));
            for (String source : lib.sources()) {
                String object = "obj/" + source.replaceAll("\\.[^.]*$", "").replace('/', '_') + ".o";
                List<String> argv = new ArrayList<>(libcc.cc());
                argv.addAll(List.of("-c", "-O1", "-fPIC", "-I."));
                argv.addAll(lib.cflags());
                argv.addAll(List.of("-o", object, source));
                Step s = step(argv, baseEnv(), src, logs, "cc-" + object.replace('/', '_'), written);
                if (!s.result.succeeded()) {
                    return failed(s, cc, libraryArch, false, staticLink, t0, null);
                }
                objects.add(object);
            }
            List<String> ar = new ArrayList<>(libcc.ar());
            ar.addAll(List.of("rcs", "lib" + lib.name() + ".a"));
            ar.addAll(objects);
            Step s = step(ar, baseEnv(), src, logs, "ar", written);
            if (!s.result.succeeded()) {
                return failed(s, cc, libraryArch, false, staticLink, t0, null);
            }
        }

        List<String> argv = new ArrayList<>(List.of(t.goBinary().toString()));
        argv.addAll(unit != null && unit.test() ? List.of("test", "-c") : List.of("build"));
        argv.addAll(List.of("-o", binary.toString()));
        if (staticLink) {
            // No -linkmode=external: a program without cgo is linked internally (static already), and forcing the
            // external linker breaks it (CGO_ENABLED=0 refuses it; Go 1.19's pure-Go binaries trap at start).
            argv.addAll(List.of("-tags", "osusergo,netgo", "-ldflags", "-extldflags=-static"));
        }
        argv.add(unit == null ? "." : unit.pkg());
        Step s = step(launch.wrap(argv), launch.environmentWith(env), src, logs, "go-build", written);
        String retried = null;
        if (s.result.timedOut() && launch.translated()) {
            // A go command under qemu-user now and then deadlocks in the emulator (every thread parked on a futex,
            // no CPU used): one more attempt tells an emulator stall from a build that is simply too slow.
            retried = "go build under " + launch.runner() + " stalled for "
                    + request.buildTimeout().toSeconds() + " s and was run again (first attempt: " + s.stderrLog + ")";
            s = step(launch.wrap(argv), launch.environmentWith(env), src, logs, "go-build-2", written);
        }
        if (!s.result.succeeded() || !Files.isRegularFile(binary)) {
            Built failed = failed(s, cc, libraryArch, launch.translated(), staticLink, t0, retried);
            if (unit == null) {
                return failed;
            }
            java.util.Optional<String> offline = dev.m1go.module.OfflineAdvice.forOutput(s.result.combinedOutput());
            if (offline.isPresent()) {
                return failed.withSummary(failed.classification().summary() + "; " + offline.get());
            }
            // Which pkg-config directory was searched and what to install, when a C library is missing.
            return TargetCEnvironment.advice(
                            s.result.combinedOutput(),
                            env,
                            target.os(),
                            target.arch(),
                            file -> TargetCEnvironment.debianPackageOf(file, host.arch(), processes, baseEnv(), logs))
                    .map(advice -> failed.withSummary(failed.classification().summary() + "; " + advice))
                    .orElse(failed);
        }
        // What the binary is, read from its own bytes, not what was asked for.
        BinaryFacts facts = BinaryInspector.read(binary, relative(binary));
        boolean isStatic = "static".equals(facts.linkage())
                || BinaryHeader.read(binary).map(h -> !h.dynamic()).orElse(false);
        BuildInfo info = new BuildInfo(
                Outcome.PASS,
                cc.ccVariable(),
                cc.family(),
                libraryArch,
                launch.translated(),
                isStatic,
                millisSince(t0),
                relative(binary),
                s.stdoutLog,
                s.stderrLog,
                retried,
                facts);
        return new Built(info, binary, s.classification, false);
    }

    /** The environment of {@code go build}: m1go's own settings, then the case's and the variant's buildEnv. */
    private Map<String, String> goEnv(ReproCase c, Toolchain t, Platform target, Variant variant, CCompiler cc) {
        Map<String, String> env = baseEnv();
        env.putAll(Map.of(
                "GOTOOLCHAIN", "local",
                "GOROOT", t.goroot().toString(),
                "GOOS", target.os().goos(),
                "GOARCH", target.arch().goarch(),
                "CGO_ENABLED", "1",
                "CC", cc.ccVariable(),
                "GOPATH", request.layout().gopath().toString(),
                "GOMODCACHE",
                        GoPaths.modCache(request.environment(), request.home()).toString(),
                "GOCACHE",
                        request.cacheDirectory()
                                .resolve("go-build")
                                .resolve(t.key())
                                .toString()));
        ModuleUnit unit = c.unit();
        if (unit != null) {
            env.put("GOFLAGS", String.join(" ", unit.goflags()));
            env.putAll(TargetCEnvironment.of(unit, host.os(), host.arch(), target.os(), target.arch()));
        } else if (!request.inheritEnvironment()) {
            env.put("GOFLAGS", "");
        }
        env.putAll(c.buildEnv());
        env.putAll(variant.buildEnv());
        return env;
    }

    private record Step(ProcessResult result, Classification classification, String stdoutLog, String stderrLog) {}

    private Step step(List<String> argv, Map<String, String> env, Path dir, Path logs, String name, List<Path> written)
            throws IOException {
        Path out = logs.resolve(name + ".stdout");
        Path err = logs.resolve(name + ".stderr");
        Path command = logs.resolve(name + ".command");
        Files.writeString(command, String.join("\n", argv) + "\n");
        written.addAll(List.of(command, out, err));
        ProcessResult r =
                processes.run(new ProcessSpec(argv, env, dir, request.buildTimeout(), request.quitGrace(), out, err));
        Classification k = classifier.classify(new Evidence(
                Phase.BUILD, hostOs, r.exitCode(), null, r.timedOut(), false, r.stdout(), r.stderr(), null));
        return new Step(r, k, relative(out), relative(err));
    }

    private Built failed(
            Step s, CCompiler cc, String libraryArch, boolean translated, boolean staticLink, long t0, String retried) {
        Outcome o = s.classification.outcome();
        if (o == Outcome.PASS) {
            o = Outcome.BUILD_ERROR;
        }
        BuildInfo info = new BuildInfo(
                o,
                cc.ccVariable(),
                cc.family(),
                libraryArch,
                translated,
                staticLink,
                millisSince(t0),
                null,
                s.stdoutLog,
                s.stderrLog,
                retried);
        return new Built(info, null, s.classification, s.result.timedOut());
    }

    private Map<String, String> baseEnv() {
        return BuildEnvironment.base(request.environment(), request.inheritEnvironment());
    }

    private String relative(Path p) {
        return request.layout().relative(p);
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
