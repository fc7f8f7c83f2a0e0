package dev.m1go.doctor;

import dev.m1go.doctor.DoctorReport.BinfmtLine;
import dev.m1go.doctor.DoctorReport.EmulatorLine;
import dev.m1go.doctor.DoctorReport.EmulatorSection;
import dev.m1go.doctor.DoctorReport.SysrootLine;
import dev.m1go.host.Arch;
import dev.m1go.host.BinaryHeader;
import dev.m1go.host.BinfmtEntry;
import dev.m1go.host.Emulator;
import dev.m1go.host.Host;
import dev.m1go.host.HostProbe;
import dev.m1go.host.Observation;
import dev.m1go.host.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulators section: qemu-user on PATH, the binfmt_misc handlers with their flags and interpreters, the sysroots
 * qemu needs for dynamically linked binaries (Linux), and Rosetta 2 (macOS).
 */
final class EmulatorCheck {

    /** The loader each architecture's dynamically linked Linux binaries ask for, below a sysroot or {@code /}. */
    private static final Map<Arch, String> LOADERS = Map.of(
            Arch.ARM64,
            "lib/ld-linux-aarch64.so.1",
            Arch.AMD64,
            "lib64/ld-linux-x86-64.so.2",
            Arch.I386,
            "lib/ld-linux.so.2",
            Arch.ARM,
            "lib/ld-linux-armhf.so.3",
            Arch.RISCV64,
            "lib/ld-linux-riscv64-lp64d.so.1",
            Arch.PPC64LE,
            "lib64/ld64.so.2",
            Arch.S390X,
            "lib/ld64.so.1");

    private final Host host;
    private final HostProbe probe;
    private final Path rootDir;

    /** @param rootDir the file system root loaders are looked up below ({@code /}; a temporary directory in tests) */
    EmulatorCheck(Host host, HostProbe probe, Path rootDir) {
        this.host = host;
        this.probe = probe;
        this.rootDir = rootDir;
    }

    EmulatorSection check(List<Finding> findings) throws IOException {
        List<EmulatorLine> lines = new ArrayList<>();
        for (Emulator e : host.emulators()) {
            List<Observation> ev = probe.observations().stream()
                    .filter(o -> o.source().startsWith(e.path().toString() + " "))
                    .toList();
            lines.add(new EmulatorLine(e.name(), e.arch().goarch(), e.path().toString(), e.version(), ev));
        }
        List<BinfmtLine> binfmt = new ArrayList<>();
        for (BinfmtEntry b : host.binfmt()) {
            binfmt.add(binfmt(b, findings));
        }
        if (host.os() != Os.LINUX) {
            List<Observation> archRuns = probe.observations().stream()
                    .filter(o -> o.source().contains("-x86_64 /usr/bin/true"))
                    .toList();
            return new EmulatorSection(lines, binfmt, List.of(), rosetta(), archRuns);
        }
        List<SysrootLine> sysroots = new ArrayList<>();
        for (Arch a : Arch.values()) {
            // The targets m1go builds, and whatever the kernel translates or has a C runtime for.
            boolean relevant = a == Arch.AMD64
                    || a == Arch.ARM64
                    || host.binfmtFor(a).isPresent()
                    || host.sysroot(a).isPresent();
            if (a != host.arch() && relevant) {
                boolean runnable =
                        !host.emulatorsFor(a).isEmpty() || host.binfmtFor(a).isPresent();
                sysroots.add(sysroot(a, runnable, findings));
            }
        }
        for (Arch a : List.of(Arch.AMD64, Arch.ARM64)) {
            if (a == host.arch()) {
                continue;
            }
            boolean qemu = !host.emulatorsFor(a).isEmpty();
            boolean kernel = host.binfmtFor(a).isPresent();
            if (!qemu && !kernel) {
                findings.add(FindingKind.NO_EMULATOR.finding("linux/" + a.goarch(), List.of(), a.goarch(), a.qemu()));
            } else if (!kernel) {
                findings.add(
                        FindingKind.BINFMT_MISSING.finding("linux/" + a.goarch(), List.of(), a.goarch(), a.qemu()));
            }
        }
        return new EmulatorSection(lines, binfmt, sysroots, null, List.of());
    }

    private String rosetta() {
        if (host.arch() != Arch.ARM64) {
            return "not applicable: this is an Intel Mac";
        }
        return host.emulators().stream().anyMatch(e -> e.name().equals("rosetta"))
                ? "installed: arch -x86_64 /usr/bin/true ran"
                : "not installed: arch -x86_64 /usr/bin/true failed";
    }

    BinfmtLine binfmt(BinfmtEntry b, List<Finding> findings) throws IOException {
        List<Observation> ev = new ArrayList<>();
        probe.observations().stream()
                .filter(o -> o.source().endsWith("/binfmt_misc/" + b.name()))
                .forEach(ev::add);
        Path interpreter = Path.of(b.interpreter());
        String linking;
        if (b.interpreter().isEmpty() || !Files.exists(interpreter)) {
            linking = "missing";
            ev.add(Observation.read("file " + b.interpreter(), "does not exist"));
        } else {
            Optional<BinaryHeader> h = BinaryHeader.read(interpreter);
            ev.add(Observation.read(
                    "header of " + interpreter.toRealPath(),
                    h.map(CompilerProbe::describe).orElse("not an ELF file (a script?)")));
            linking = h.map(x -> x.dynamic() ? "dynamic (" + x.interpreter() + ")" : "static")
                    .orElse("unknown");
        }
        BinfmtLine line = new BinfmtLine(
                b.name(),
                b.enabled(),
                b.arch() == null ? null : b.arch().goarch(),
                b.interpreter(),
                b.flags(),
                linking,
                ev);
        if (b.arch() == null || b.arch() == host.arch()) {
            return line;
        }
        String name = b.name();
        if (!b.enabled()) {
            findings.add(
                    FindingKind.BINFMT_DISABLED.finding(name, ev, name, b.arch().goarch()));
            return line;
        }
        boolean fix = b.flags().contains("F");
        if (linking.equals("missing")) {
            FindingKind k = FindingKind.BINFMT_INTERPRETER_MISSING;
            findings.add(k.finding(
                    fix ? Severity.WARNING : Severity.ERROR,
                    k.affects(),
                    name,
                    ev,
                    name,
                    b.interpreter(),
                    fix
                            ? " any more (the F flag keeps the file opened at registration working until "
                                    + "the next reboot)"
                            : ": every " + b.arch().goarch() + " program fails to start"));
        }
        if (!fix) {
            findings.add(FindingKind.BINFMT_NO_FIX_BINARY.finding(
                    name, ev, name, b.interpreter(), b.arch().goarch()));
        } else if (linking.startsWith("dynamic")) {
            findings.add(FindingKind.BINFMT_DYNAMIC_INTERPRETER.finding(
                    name, ev, name, b.interpreter(), b.arch().qemu()));
        }
        if (!b.flags().contains("P")) {
            findings.add(FindingKind.BINFMT_NO_PRESERVE_ARGV0.finding(name, ev, name));
        }
        return line;
    }

    SysrootLine sysroot(Arch a, boolean runnable, List<Finding> findings) {
        String loader = LOADERS.getOrDefault(a, "");
        Optional<Path> root = host.sysroot(a);
        List<Observation> ev = new ArrayList<>();
        boolean inRoot = !loader.isEmpty()
                && root.map(r -> Files.exists(r.resolve(loader))).orElse(false);
        boolean inSlash = !loader.isEmpty() && Files.exists(rootDir.resolve(loader));
        root.ifPresent(
                r -> ev.add(Observation.read("file " + r.resolve(loader), inRoot ? "exists" : "does not exist")));
        ev.add(Observation.read("file /" + loader, inSlash ? "exists" : "does not exist"));
        if (runnable && !inRoot && !inSlash && !loader.isEmpty()) {
            findings.add(FindingKind.SYSROOT_MISSING.finding(
                    "linux/" + a.goarch(), ev, a.goarch(), loader, debianArch(a), a.gnuTriple()));
        }
        return new SysrootLine(a.goarch(), root.map(Path::toString).orElse(null), "/" + loader, inRoot || inSlash, ev);
    }

    private static String debianArch(Arch a) {
        return switch (a) {
            case ARM -> "armhf";
            case PPC64LE -> "ppc64el";
            default -> a.goarch();
        };
    }
}
