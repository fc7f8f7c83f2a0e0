package dev.m1go.doctor;

import static dev.m1go.doctor.Affects.MANUAL_BUILDS;
import static dev.m1go.doctor.Affects.MATRIX;
import static dev.m1go.doctor.Severity.ERROR;
import static dev.m1go.doctor.Severity.INFO;
import static dev.m1go.doctor.Severity.WARNING;

import dev.m1go.host.Observation;
import java.util.List;
import java.util.Locale;

/**
 * Every finding the doctor can report, in one table: its stable id, its usual severity, whom it hurts, and the texts
 * of its message and remedy. The texts are {@link String#format} patterns over the arguments a check passes
 * ({@code %1$s} …); the message and the remedy read the same arguments. A check may raise or lower the severity
 * (a measured failure is an error) and, for ambient variables that {@code m1go.inheritEnvironment} passes on, the
 * audience.
 */
enum FindingKind {

    // ------------------------------------------------------------------------------------------------ host
    /** 1 {@code uname -m}. */
    PROCESS_TRANSLATED(
            "process-translated",
            WARNING,
            MATRIX,
            "this process runs translated by Rosetta 2 on an arm64 Mac (sysctl.proc_translated is 1, uname -m says "
                    + "%1$s): programs it starts run their x86_64 slice, so a universal clang, cc or go builds x86_64 "
                    + "code",
            "start Maven from a native arm64 shell (Terminal: Get Info, untick \"Open using Rosetta\"; or "
                    + "arch -arm64 /bin/zsh) with an arm64 JDK"),
    /** 1 the JVM's os.arch. */
    JVM_UNDER_ROSETTA(
            "jvm-under-rosetta",
            WARNING,
            MATRIX,
            "this JVM is x86_64 under Rosetta on an arm64 Mac: Java reports the wrong architecture (os.arch=%1$s, "
                    + "hw.optional.arm64=1), and tools that trust os.arch pick x86_64 downloads and compilers",
            "install an arm64 (aarch64) JDK, point JAVA_HOME at it, and run Maven from a native shell"),
    /** 1 the JVM's os.arch, 2 the machine's. */
    JVM_ARCH_DIFFERS(
            "jvm-arch-differs",
            WARNING,
            MATRIX,
            "this JVM is %1$s but the machine is %2$s: Java reports the wrong architecture to every plugin that "
                    + "trusts os.arch",
            "run Maven with a JDK built for %2$s"),
    ROSETTA_MISSING(
            "rosetta-missing",
            WARNING,
            MATRIX,
            "Rosetta 2 is not installed (arch -x86_64 /usr/bin/true failed): amd64 Go toolchains and darwin/amd64 "
                    + "binaries cannot run here",
            "softwareupdate --install-rosetta --agree-to-license"),

    // ------------------------------------------------------------------------------------------------ toolchains
    /** 1 label, 2 GOROOT, 3 why. */
    TOOLCHAIN_CANNOT_RUN(
            "toolchain-cannot-run",
            WARNING,
            MATRIX,
            "%1$s at %2$s cannot run here: %3$s",
            "make its architecture runnable as the reason says, or remove it (m1go skips its cells)"),
    /** 1 label, 2 its binary's architecture, 3 the GOARCH it builds. */
    TOOLCHAIN_UNDER_ROSETTA(
            "toolchain-under-rosetta",
            WARNING,
            MANUAL_BUILDS,
            "%1$s is an %2$s Go running under Rosetta 2: it builds darwin/%3$s binaries by default, which run "
                    + "translated too (the Rosetta stalls of golang/go#42700 hit such binaries)",
            "install the darwin-arm64 Go and put it first on PATH"),
    /** 1 label, 2 this machine's architecture. */
    TOOLCHAIN_TRANSLATED(
            "toolchain-translated",
            INFO,
            MATRIX,
            "%1$s runs translated here (binfmt_misc): the go command and everything it starts (compile, link, cgo's "
                    + "C compiler calls) run under emulation, slowly, and emulator faults show up as build failures",
            "use a Go toolchain of this machine's architecture (%2$s) unless you mean to test this one"),
    /** 1 label, 2 remedy (depends on why cgo is off). */
    TOOLCHAIN_CGO_DISABLED(
            "toolchain-cgo-disabled",
            WARNING,
            MANUAL_BUILDS,
            "%1$s has cgo off (go env CGO_ENABLED is 0): it cannot build cgo programs in this environment "
                    + "(m1go:reproduce sets CGO_ENABLED=1)",
            "%2$s"),
    /** 1 label, 2 CC command, 3 its problem, 4 GOARCH. */
    TOOLCHAIN_CC_FAILS(
            "toolchain-cc-fails",
            WARNING,
            MANUAL_BUILDS,
            "%1$s uses CC=%2$s for cgo, which %3$s: cgo builds with this toolchain fail (m1go:reproduce sets CC "
                    + "per target)",
            "install that C compiler, or set CC to one that produces %4$s objects"),
    /** 1 label, 2 GOARCH, 3 CC command, 4 what CC produces, 5 remedy. */
    TOOLCHAIN_CC_ARCH_MISMATCH(
            "toolchain-cc-arch-mismatch",
            ERROR,
            MANUAL_BUILDS,
            "%1$s builds %2$s and will link with %3$s producing %4$s objects: cgo links fail ('file in wrong "
                    + "format', 'Relocations in generic ELF', 'building for … but attempting to link with file built "
                    + "for …') in your own builds; m1go:reproduce sets CC per target, so its cells are not affected",
            "%5$s"),

    // ------------------------------------------------------------------------------------------------ emulators
    /** 1 GOARCH, 2 qemu name. */
    NO_EMULATOR(
            "no-emulator",
            INFO,
            MATRIX,
            "linux/%1$s binaries cannot run here: there is no qemu-%2$s on PATH and no binfmt_misc handler for them "
                    + "(their cells are SKIPPED)",
            "apt-get install qemu-user qemu-user-static binfmt-support"),
    /** 1 GOARCH, 2 qemu name. */
    BINFMT_MISSING(
            "binfmt-missing",
            INFO,
            MATRIX,
            "linux/%1$s binaries run here only through an explicit qemu-%2$s: the kernel has no enabled binfmt_misc "
                    + "handler, so a %1$s Go toolchain, go run and containers of that platform cannot run",
            "apt-get install qemu-user-static binfmt-support && update-binfmts --enable qemu-%2$s"),
    /** 1 handler, 2 GOARCH. */
    BINFMT_DISABLED(
            "binfmt-disabled",
            INFO,
            MATRIX,
            "binfmt handler %1$s is registered but disabled: %2$s programs do not run transparently",
            "update-binfmts --enable %1$s (or echo 1 > /proc/sys/fs/binfmt_misc/%1$s)"),
    /** 1 handler, 2 interpreter, 3 consequence (depends on the F flag). Warning with F, else error. */
    BINFMT_INTERPRETER_MISSING(
            "binfmt-interpreter-missing",
            ERROR,
            MATRIX,
            "binfmt handler %1$s names the interpreter %2$s, which does not exist%3$s",
            "install it again (apt-get install --reinstall qemu-user-static) or remove the handler: "
                    + "echo -1 > /proc/sys/fs/binfmt_misc/%1$s"),
    /** 1 handler, 2 interpreter, 3 GOARCH. */
    BINFMT_NO_FIX_BINARY(
            "binfmt-no-fix-binary",
            WARNING,
            MATRIX,
            "binfmt handler %1$s lacks the F flag: containers cannot use it (the kernel opens %2$s inside each "
                    + "container's root, where it does not exist), so --platform linux/%3$s containers fail with "
                    + "'exec format error'",
            "register it again with the F flag: echo -1 > /proc/sys/fs/binfmt_misc/%1$s, then apt-get install "
                    + "qemu-user-static binfmt-support (Debian registers it with fix_binary yes) or write a "
                    + "registration ending in :PF to /proc/sys/fs/binfmt_misc/register"),
    /** 1 handler, 2 interpreter, 3 qemu name. */
    BINFMT_DYNAMIC_INTERPRETER(
            "binfmt-dynamic-interpreter",
            WARNING,
            MATRIX,
            "binfmt handler %1$s has the F flag but its interpreter %2$s is dynamically linked: inside containers it "
                    + "needs this host's shared libraries, which are not there",
            "register the statically linked interpreter instead (qemu-user-static: /usr/bin/qemu-%3$s-static)"),
    /** 1 handler. */
    BINFMT_NO_PRESERVE_ARGV0(
            "binfmt-no-preserve-argv0",
            INFO,
            MATRIX,
            "binfmt handler %1$s lacks the P flag: translated programs see argv[0] replaced by the full path of the "
                    + "binary",
            "register it again with the P flag (Debian's qemu-user-static uses PF)"),
    /** 1 GOARCH, 2 loader, 3 Debian architecture, 4 GNU triple. */
    SYSROOT_MISSING(
            "sysroot-missing",
            WARNING,
            MATRIX,
            "dynamically linked linux/%1$s binaries cannot start here: qemu finds no /%2$s ('Could not open')",
            "apt-get install libc6-dev-%3$s-cross (sysroot /usr/%4$s) and pass it as QEMU_LD_PREFIX, or build "
                    + "static binaries"),

    // ------------------------------------------------------------------------------------------------ docker
    /** 1 status. */
    DOCKER_UNREACHABLE(
            "docker-unreachable",
            INFO,
            MATRIX,
            "no Docker engine answers (%1$s): container cells are SKIPPED",
            "start the Docker engine (dockerd, Docker Desktop, colima) or point DOCKER_HOST at it"),
    /** 1 GOARCH. */
    DOCKER_NO_EMULATION(
            "docker-no-emulation",
            INFO,
            MATRIX,
            "the Docker engine cannot run linux/%1$s containers: no binfmt_misc handler with the F flag translates "
                    + "them",
            "apt-get install qemu-user-static binfmt-support (handlers registered with F)"),

    // ------------------------------------------------------------------------------------------------ environment
    /** 1 GOARCH. */
    GOARCH_SET_NATIVE(
            "goarch-set",
            INFO,
            MANUAL_BUILDS,
            "GOARCH=%1$s is set in the environment; it is this machine's architecture, so it changes nothing here, "
                    + "but it overrides every Go toolchain's default",
            "unset GOARCH, and set it per command when you cross-compile (GOARCH=… go build …)"),
    /** 1 GOARCH, 2 GOOS, 3 this machine's architecture, 4 " natively (only through binfmt_misc emulation)" or "". */
    GOARCH_SET_FOREIGN(
            "goarch-set",
            WARNING,
            MANUAL_BUILDS,
            "GOARCH is set in the environment (GOARCH=%1$s): go run and go test will build %2$s/%1$s binaries, which "
                    + "this %3$s machine cannot execute%4$s, and cgo is off by default for such cross builds",
            "unset GOARCH (unset GOARCH), and set it per command when you cross-compile: GOARCH=%1$s go build …"),
    /** 1 GOOS, 2 this machine's. */
    GOOS_SET(
            "goos-set",
            WARNING,
            MANUAL_BUILDS,
            "GOOS is set in the environment (GOOS=%1$s): go run and go test will build binaries for %1$s, which this "
                    + "%2$s machine cannot execute",
            "unset GOOS, and set it per command when you cross-compile: GOOS=%1$s go build …"),
    CGO_DISABLED(
            "cgo-disabled",
            WARNING,
            MANUAL_BUILDS,
            "CGO_ENABLED=0 is set in the environment: every Go build here ignores import \"C\", so cgo programs do "
                    + "not build",
            "unset CGO_ENABLED"),
    /** 1 CC. */
    CC_SET(
            "cc-set",
            INFO,
            MANUAL_BUILDS,
            "CC=%1$s is set in the environment: every Go toolchain here uses it for cgo, whatever architecture it "
                    + "builds for (see each toolchain's ccProduces)",
            "unset CC unless every Go build here should use %1$s"),
    /** 1 GOFLAGS. */
    GOFLAGS_SET(
            "goflags-set",
            INFO,
            MANUAL_BUILDS,
            "GOFLAGS=%1$s is set in the environment: every go command here adds these flags",
            "unset GOFLAGS unless every Go build should use them"),
    /** 1 GOTOOLCHAIN. */
    GOTOOLCHAIN_SET(
            "gotoolchain-set",
            INFO,
            MANUAL_BUILDS,
            "GOTOOLCHAIN=%1$s is set in the environment: the go you call (1.21 or later) switches to that release "
                    + "and downloads it when it is missing, so the toolchain that builds is not the one on PATH",
            "unset GOTOOLCHAIN to build with the go you call"),
    /** 1 variable, 2 the flags, 3 "a C++ flag" or "C++ flags", 4 what the compiler did here ("; here …" or ""). */
    CGO_CFLAGS_CXX_FLAG(
            "cgo-cflags-cxx-flag",
            WARNING,
            MANUAL_BUILDS,
            "%1$s contains %2$s, %3$s that clang rejects for C (cgo compiles C with these flags)%4$s",
            "move %2$s to CGO_CXXFLAGS"),
    /** 1 the flags. */
    CGO_CXXFLAGS_C_FLAG(
            "cgo-cxxflags-c-flag",
            WARNING,
            MANUAL_BUILDS,
            "CGO_CXXFLAGS contains %1$s, a C language standard that C++ compilers reject (\"invalid argument … not "
                    + "allowed with 'C++'\")",
            "move %1$s to CGO_CFLAGS"),
    /** 1 variable, 2 directory, 3 foreign architectures, 4 examples, 5 GOARCH, 6 its source, 7 remedy. */
    LIBRARY_DIR_WRONG_ARCH(
            "library-dir-wrong-arch",
            ERROR,
            MANUAL_BUILDS,
            "%1$s points the linker at %2$s, which holds only %3$s libraries (%4$s), but Go builds %5$s here (%6$s): "
                    + "links against them fail ('file in wrong format', 'skipping incompatible', 'building for … but "
                    + "attempting to link with file built for …')",
            "%7$s"),
    /** 1 variable, 2 directory, 3 foreign architectures, 4 examples, 5 GOARCH, 6 its source, 7 remedy. */
    LIBRARY_DIR_MIXED_ARCH(
            "library-dir-mixed-arch",
            WARNING,
            MANUAL_BUILDS,
            "%1$s points the linker at %2$s, which holds %5$s libraries and also %3$s ones (%4$s): a library found "
                    + "there first may be of the wrong architecture",
            "%7$s");

    private final String id;
    private final Severity severity;
    private final Affects affects;
    private final String message;
    private final String remedy;

    FindingKind(String id, Severity severity, Affects affects, String message, String remedy) {
        this.id = id;
        this.severity = severity;
        this.affects = affects;
        this.message = message;
        this.remedy = remedy;
    }

    String id() {
        return id;
    }

    Severity severity() {
        return severity;
    }

    Affects affects() {
        return affects;
    }

    /** The finding with this kind's severity and audience. */
    Finding finding(String subject, List<Observation> evidence, Object... args) {
        return finding(severity, affects, subject, evidence, args);
    }

    Finding finding(Severity severity, Affects affects, String subject, List<Observation> evidence, Object... args) {
        return new Finding(
                id,
                severity,
                affects,
                subject,
                String.format(Locale.ROOT, message, args),
                String.format(Locale.ROOT, remedy, args),
                evidence);
    }
}
