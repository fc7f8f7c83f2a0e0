package dev.m1go.matrix;

import dev.m1go.cases.Library;
import dev.m1go.cases.ModuleUnit;
import dev.m1go.cases.ReproCase;
import dev.m1go.cases.Variant;
import dev.m1go.binary.BinaryFacts;
import dev.m1go.binary.BinaryInspector;
import dev.m1go.classify.Classification;
import dev.m1go.classify.Classifier;
import dev.m1go.classify.Evidence;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Phase;
import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinaryHeader;
import dev.m1go.module.TargetCEnvironment;
import dev.m1go.toolchain.CCompiler;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.GoPaths;
import dev.m1go.toolchain.Launcher;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds one case with one toolchain for one target: the case's static C library with the target's C compiler and
 * {@code ar}, then {@code go build} with an explicit GOOS, GOARCH, CC, {@code CGO_ENABLED=1},
 * {@code GOTOOLCHAIN=local}, an isolated GOPATH and a build cache per toolchain. A toolchain of another architecture
 * runs through the host's translator.
 */
final class Builder {

    /** The outcome of one build, with the classification of the step that decided it. */
    record Built(BuildInfo info, Path binary, Classification classification, String text) {
        boolean ok() {
            return info.outcome() == Outcome.PASS;
        }

        Built withSummary(String summary) {
            Classification k = classification;
            return new Built(info, binary, new Classification(k.outcome(), k.signal(), k.inCgo(), summary,
                    k.signature(), k.header(), k.frames()), text);
        }
    }

    private final MatrixRequest request;
    private final ProcessRunner processes;
    private final Classifier classifier;
    private final CCompilers compilers;
    private final Launcher launcher;
    private final dev.m1go.host.Host host;
    private final String hostOs;

    Builder(MatrixRequest request, ProcessRunner processes, Classifier classifier, CCompilers compilers,
            Launcher launcher, dev.m1go.host.Host host) {
        this.request = request;
        this.processes = processes;
        this.classifier = classifier;
        this.compilers = compilers;
        this.launcher = launcher;
        this.host = host;
        this.hostOs = host.os().goos();
    }

    static Arch libraryArch(Library library, Arch target) {
        return library.otherArch() ? (target == Arch.AMD64 ? Arch.ARM64 : Arch.AMD64) : target;
    }

    static String buildSlug(Platform target, Variant variant, boolean staticLink) {
        return target.slug() + (staticLink ? "-static" : "")
                + (variant.buildEnv().isEmpty() ? "" : "-" + variant.name());
    }

    Built build(ReproCase c, Toolchain t, Platform target, Variant variant, boolean staticLink)
            throws IOException, Launcher.CannotLaunchException {
        String slug = buildSlug(target, variant, staticLink);
        Path dir = request.outputDirectory().resolve("build").resolve(c.id()).resolve(t.key()).resolve(slug);
        Path logs = request.outputDirectory().resolve("logs").resolve(c.id()).resolve(t.key()).resolve(slug);
        deleteTree(dir);
        Files.createDirectories(dir);
        Files.createDirectories(logs);
        ModuleUnit unit = c.unit();
        // A module's package builds in m1go's copy of the module; a case in its own src/ directory.
        Path src = unit != null ? unit.root() : Files.createDirectories(dir.resolve("src"));
        c.writeTo(src);
        if (unit == null && !c.files().containsKey("go.mod")) {
            // The language version of the toolchain that builds it: generics from 1.18, loop variables per
            // iteration from 1.22, as a program written for that Go expects.
            Files.writeString(src.resolve("go.mod"), "module m1go.dev/cases/" + c.id() + "\n\ngo "
                    + t.goVersion().minorLine() + "\n");
        }
        CCompiler cc = compilers.forTarget(target.arch()).get().orElseThrow();
        long t0 = System.nanoTime();
        String libraryArch = null;

        if (c.library() != null) {
            Library lib = c.library();
            Arch la = libraryArch(lib, target.arch());
            libraryArch = la.goarch();
            CCompiler libcc = compilers.forTarget(la).get().orElseThrow();
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
                Step s = step(argv, baseEnv(), src, logs, "cc-" + object.replace('/', '_'));
                if (!s.result.succeeded()) {
                    return failed(s, cc, libraryArch, false, staticLink, t0, null);
                }
                objects.add(object);
            }
            List<String> ar = new ArrayList<>(libcc.ar());
            ar.addAll(List.of("rcs", "lib" + lib.name() + ".a"));
            ar.addAll(objects);
            Step s = step(ar, baseEnv(), src, logs, "ar");
            if (!s.result.succeeded()) {
                return failed(s, cc, libraryArch, false, staticLink, t0, null);
            }
        }

        Launch launch = launcher.launchFor(t.binaryArch());
        Path binary = dir.resolve(c.id().substring(c.id().lastIndexOf('/') + 1));
        List<String> argv = new ArrayList<>(List.of(t.goBinary().toString()));
        argv.addAll(unit != null && unit.test() ? List.of("test", "-c") : List.of("build"));
        argv.addAll(List.of("-o", binary.toString()));
        if (staticLink) {
            // No -linkmode=external: a program without cgo is linked internally (static already), and forcing the
            // external linker breaks it (CGO_ENABLED=0 refuses it; Go 1.19's pure-Go binaries trap at start).
            argv.addAll(List.of("-tags", "osusergo,netgo", "-ldflags", "-extldflags=-static"));
        }
        argv.add(unit == null ? "." : unit.pkg());
        Map<String, String> env = baseEnv();
        env.putAll(Map.of(
                "GOTOOLCHAIN", "local",
                "GOROOT", t.goroot().toString(),
                "GOOS", target.os().goos(),
                "GOARCH", target.arch().goarch(),
                "CGO_ENABLED", "1",
                "CC", cc.ccVariable(),
                "GOPATH", request.outputDirectory().resolve("gopath").toString(),
                "GOMODCACHE", GoPaths.modCache(request.environment(), request.home()).toString(),
                "GOCACHE", request.cacheDirectory().resolve("go-build").resolve(t.key()).toString()));
        if (unit != null) {
            env.put("GOFLAGS", String.join(" ", unit.goflags()));
            env.putAll(TargetCEnvironment.of(unit, host.os(), host.arch(), target.os(), target.arch()));
        } else if (!request.inheritEnvironment()) {
            env.put("GOFLAGS", "");
        }
        env.putAll(c.buildEnv());
        env.putAll(variant.buildEnv());
        Step s = step(launch.wrap(argv), launch.environmentWith(env), src, logs, "go-build");
        String retried = null;
        if (s.result.timedOut() && launch.translated()) {
            // A go command under qemu-user now and then deadlocks in the emulator (every thread parked on a futex,
            // no CPU used): one more attempt tells an emulator stall from a build that is simply too slow.
            retried = "go build under " + launch.runner() + " stalled for " + request.buildTimeout().toSeconds()
                    + " s and was run again (first attempt: " + s.stderrLog + ")";
            s = step(launch.wrap(argv), launch.environmentWith(env), src, logs, "go-build-2");
        }
        if (!s.result.succeeded() || !Files.isRegularFile(binary)) {
            Built failed = failed(s, cc, libraryArch, launch.translated(), staticLink, t0, retried);
            if (unit == null) {
                return failed;
            }
            // Which pkg-config directory was searched and what to install, when a C library is missing.
            return TargetCEnvironment.advice(s.result.combinedOutput(), env, target.os(), target.arch(),
                            file -> TargetCEnvironment.debianPackageOf(file, host.arch(), processes, baseEnv(), logs))
                    .map(advice -> failed.withSummary(failed.classification().summary() + "; " + advice))
                    .orElse(failed);
        }
        // What the binary is, read from its own bytes, not what was asked for.
        BinaryFacts facts = BinaryInspector.read(binary, relative(binary));
        boolean isStatic = "static".equals(facts.linkage())
                || BinaryHeader.read(binary).map(h -> !h.dynamic()).orElse(false);
        BuildInfo info = new BuildInfo(Outcome.PASS, cc.ccVariable(), cc.family(), libraryArch, launch.translated(),
                isStatic, millisSince(t0), relative(binary), s.stdoutLog, s.stderrLog, retried, facts);
        return new Built(info, binary, s.classification, s.result.combinedOutput());
    }

    private record Step(ProcessResult result, Classification classification, String stdoutLog, String stderrLog) {
    }

    private Step step(List<String> argv, Map<String, String> env, Path dir, Path logs, String name) throws IOException {
        Path out = logs.resolve(name + ".stdout");
        Path err = logs.resolve(name + ".stderr");
        Files.writeString(logs.resolve(name + ".command"), String.join("\n", argv) + "\n");
        ProcessResult r = processes.run(new ProcessSpec(argv, env, dir, request.buildTimeout(), request.quitGrace(), out,
                err));
        Classification k = classifier.classify(new Evidence(Phase.BUILD, hostOs, r.exitCode(), null, r.timedOut(),
                false, r.stdout(), r.stderr(), null));
        return new Step(r, k, relative(out), relative(err));
    }

    private Built failed(Step s, CCompiler cc, String libraryArch, boolean translated, boolean staticLink, long t0,
                         String retried) {
        Outcome o = s.classification.outcome();
        if (o == Outcome.PASS) {
            o = Outcome.BUILD_ERROR;
        }
        BuildInfo info = new BuildInfo(o, cc.ccVariable(), cc.family(), libraryArch, translated, staticLink,
                millisSince(t0), null, s.stdoutLog, s.stderrLog, retried);
        return new Built(info, null, s.classification, s.result.combinedOutput());
    }

    private Map<String, String> baseEnv() {
        return BuildEnvironment.base(request.environment(), request.inheritEnvironment());
    }

    private String relative(Path p) {
        return request.outputDirectory().relativize(p).toString().replace('\\', '/');
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
