package dev.m1go.doctor;

import dev.m1go.doctor.DoctorReport.HostSection;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.host.HostProbe;
import dev.m1go.host.Observation;
import dev.m1go.host.Os;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The host section: the OS, the CPU, whether this process runs translated, and what the JVM believes. */
final class HostCheck {

    private HostCheck() {}

    /**
     * @param probe   the probe that made {@code host}; its observations are the evidence
     * @param jvmArch this JVM's {@code os.arch}
     */
    static HostSection check(Host host, HostProbe probe, String jvmArch, List<Finding> findings) {
        List<Observation> evidence = new ArrayList<>();
        evidence.add(Observation.read(
                "operating system (os.name of this JVM)", host.os().goos()));
        Optional<Observation> uname = probe.observation("uname -m");
        uname.ifPresent(evidence::add);
        probe.observation("uname -r").ifPresent(evidence::add);
        Optional<Observation> arm64 = probe.observation("sysctl -n hw.optional.arm64");
        Optional<Observation> translatedOid = probe.observation("sysctl -n sysctl.proc_translated");
        arm64.ifPresent(evidence::add);
        translatedOid.ifPresent(evidence::add);
        Observation jvm = Observation.read("System.getProperty(\"os.arch\") of this JVM", jvmArch);
        evidence.add(jvm);
        HostSection section = new HostSection(
                host.os().goos(),
                host.kernel(),
                host.unameMachine(),
                host.arch().goarch(),
                arm64.map(HostCheck::answer).orElse(null),
                translatedOid.map(HostCheck::answer).orElse(null),
                jvmArch,
                host.translated(),
                translation(host, translatedOid),
                evidence);

        boolean armMac = host.os() == Os.DARWIN && host.arch() == Arch.ARM64;
        if (armMac && Boolean.TRUE.equals(host.translated())) {
            findings.add(FindingKind.PROCESS_TRANSLATED.finding(
                    "this Maven process",
                    evidence.stream()
                            .filter(o -> o.source().startsWith("sysctl")
                                    || o.source().startsWith("uname -m"))
                            .toList(),
                    host.unameMachine()));
        }
        Optional<Arch> jvmParsed = Arch.parse(jvmArch);
        if (jvmParsed.isPresent() && jvmParsed.get() != host.arch()) {
            List<Observation> ev = new ArrayList<>(List.of(jvm));
            arm64.ifPresent(ev::add);
            uname.ifPresent(ev::add);
            findings.add(
                    armMac && jvmParsed.get() == Arch.AMD64
                            ? FindingKind.JVM_UNDER_ROSETTA.finding("Java", ev, jvmArch)
                            : FindingKind.JVM_ARCH_DIFFERS.finding(
                                    "Java", ev, jvmArch, host.arch().goarch()));
        }
        if (armMac && host.emulators().stream().noneMatch(e -> e.name().equals("rosetta"))) {
            findings.add(FindingKind.ROSETTA_MISSING.finding(
                    "Rosetta 2",
                    probe.observations().stream()
                            .filter(o -> o.source().contains("-x86_64 /usr/bin/true"))
                            .toList()));
        }
        return section;
    }

    static String translation(Host host, Optional<Observation> translatedOid) {
        if (host.os() != Os.DARWIN) {
            return "unknown: under qemu-user, uname and the JVM both report the emulated machine; Linux offers no way "
                    + "to ask";
        }
        if (Boolean.TRUE.equals(host.translated())) {
            return "yes: sysctl.proc_translated is 1 (Rosetta 2 translates this process)";
        }
        if (translatedOid.map(o -> Integer.valueOf(0).equals(o.exitCode())).orElse(false)) {
            return "no: sysctl.proc_translated is " + translatedOid.get().firstLine();
        }
        if (Boolean.FALSE.equals(host.translated())) {
            return "no: sysctl.proc_translated does not exist, as on an Intel Mac (no Rosetta 2)";
        }
        return "unknown: sysctl.proc_translated could not be read";
    }

    /** What a command printed, or how it failed: {@code 1}, {@code exit 1: sysctl: unknown oid '…'}. */
    static String answer(Observation o) {
        if (Integer.valueOf(0).equals(o.exitCode())) {
            return o.firstLine();
        }
        return (o.exitCode() == null ? "" : "exit " + o.exitCode() + ": ") + o.firstLine();
    }
}
