package dev.m1go.doctor;

import dev.m1go.doctor.DoctorReport.BinfmtLine;
import dev.m1go.doctor.DoctorReport.CompilerSection;
import dev.m1go.doctor.DoctorReport.EmulatorLine;
import dev.m1go.doctor.DoctorReport.HostSection;
import dev.m1go.doctor.DoctorReport.LibraryDirectory;
import dev.m1go.doctor.DoctorReport.SysrootLine;
import dev.m1go.doctor.DoctorReport.ToolchainSection;
import dev.m1go.host.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The doctor's report as a table for the Maven log: one row per value, each followed by the evidence it rests on
 * ({@code $ command → first line of what it printed}, or the file read); then each finding with its remedy.
 */
final class DoctorTable {

    private static final String ROW = "  %-26s %s";
    private static final int EVIDENCE_WIDTH = 150;

    private DoctorTable() {}

    public static List<String> lines(DoctorReport r) {
        List<String> out = new ArrayList<>();
        HostSection h = r.host();
        section(out, "Host");
        row(out, "os / kernel", h.os() + " " + h.kernel(), h.evidence(), "operating system", "uname -r");
        row(out, "uname -m", h.unameMachine(), h.evidence(), "uname -m");
        if (h.hwOptionalArm64() != null) {
            row(out, "hw.optional.arm64", h.hwOptionalArm64(), h.evidence(), "sysctl -n hw.optional.arm64");
        }
        if (h.procTranslated() != null) {
            row(out, "sysctl.proc_translated", h.procTranslated(), h.evidence(), "sysctl -n sysctl.proc_translated");
        }
        row(out, "architecture (OS)", h.arch(), List.of());
        row(out, "JVM os.arch", h.jvmArch(), h.evidence(), "System.getProperty");
        row(out, "this process translated", h.translation(), List.of());

        section(out, "Go toolchains");
        if (r.toolchains().isEmpty()) {
            out.add("  none found (add GOROOTs with m1go.goRoots=…)");
        }
        for (ToolchainSection t : r.toolchains()) {
            Map<String, String> env = t.goEnv();
            row(
                    out,
                    t.version() + " (" + t.binaryArch() + ")",
                    t.goroot() + " [" + t.source() + "], runs " + t.runs(),
                    t.evidence(),
                    "header of");
            if (!env.isEmpty()) {
                row(
                        out,
                        "  go env",
                        env.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(" ")),
                        t.evidence(),
                        "GOTOOLCHAIN=local");
            }
            if (t.ccProduces() != null) {
                row(out, "  its CC produces", t.ccProduces(), t.evidence(), "-c ");
            }
        }

        section(out, "C compilers");
        for (CompilerSection c : r.compilers()) {
            String value = c.path() == null
                    ? "missing: " + c.problem()
                    : (c.produces() != null
                                    ? "produces " + c.produces() + " (" + c.objectFormat() + ")"
                                    : "produces nothing: " + c.problem())
                            + " — " + c.version();
            row(
                    out,
                    c.name() + (c.role().equals("default") ? "" : " [" + c.role() + "]"),
                    value,
                    c.evidence(),
                    "header of",
                    " -c ");
        }

        section(out, "Emulators");
        for (EmulatorLine e : r.emulators().emulators()) {
            row(out, e.name(), e.version() + " (" + e.path() + ")", e.evidence(), "");
        }
        for (BinfmtLine b : r.emulators().binfmt()) {
            row(
                    out,
                    "binfmt " + b.name(),
                    (b.enabled() ? "enabled" : "disabled") + ", flags "
                            + (b.flags().isEmpty() ? "(none)" : b.flags()) + ", interpreter " + b.interpreter() + " ("
                            + b.interpreterLinking() + ")",
                    b.evidence(),
                    "read ");
        }
        for (SysrootLine s : r.emulators().sysroots()) {
            row(
                    out,
                    "sysroot " + s.arch(),
                    (s.path() == null ? "none" : s.path()) + ", loader " + s.loader()
                            + (s.loaderPresent() ? " present" : " missing"),
                    s.evidence(),
                    "file ");
        }
        if (r.emulators().rosetta() != null) {
            row(out, "Rosetta 2", r.emulators().rosetta(), r.emulators().evidence(), "");
        }

        section(out, "Docker");
        row(
                out,
                r.docker().endpoint(),
                (r.docker().reachable() ? "reachable: " : "not reachable: ")
                        + r.docker().status()
                        + (r.docker().platforms().isEmpty()
                                ? ""
                                : "; runs " + String.join(", ", r.docker().platforms())),
                r.docker().evidence(),
                "GET",
                "socket");
        for (DoctorReport.PlatformEngine e : r.docker().engines()) {
            row(
                    out,
                    e.platform() + " cells",
                    e.endpoint() + " (" + e.setting() + "): " + (e.reachable() ? "reachable: " : "not reachable: ")
                            + e.status(),
                    List.of());
        }

        section(out, "Environment");
        r.environment().variables().forEach((k, v) -> {
            if (v != null) {
                out.add(String.format(Locale.ROOT, ROW, k, v));
            }
        });
        long unset = r.environment().variables().values().stream()
                .filter(v -> v == null)
                .count();
        out.add(String.format(
                Locale.ROOT,
                ROW,
                "(unset)",
                r.environment().variables().entrySet().stream()
                                .filter(e -> e.getValue() == null)
                                .map(Map.Entry::getKey)
                                .collect(Collectors.joining(" "))
                        + (unset == 0 ? "none" : "")));
        for (LibraryDirectory d : r.environment().libraryDirectories()) {
            row(out, "  " + d.variable() + " dir", d.path() + " " + d.archs(), d.evidence(), "");
        }

        section(out, "Findings");
        if (r.findings().isEmpty()) {
            out.add("  none");
        }
        return out;
    }

    /**
     * One finding, printed once: {@code ERROR id: message}, marked when it breaks only your own builds, then its
     * remedy. Only a finding that fails the goal is labelled {@code ERROR}: an error that does not (your own builds
     * only, or {@code m1go.doctor.failOn=never}) is labelled {@code BREAKS}, so CI log scanners that flag the word
     * do not flag a green run.
     */
    public static List<String> finding(Finding f, boolean failsTheGoal) {
        String audience = f.affects() == Affects.MANUAL_BUILDS ? " (your own builds only)" : "";
        String label = f.severity() == Severity.ERROR && !failsTheGoal
                ? "BREAKS"
                : f.severity().json().toUpperCase(Locale.ROOT);
        return List.of(label + " " + f.id() + audience + ": " + f.message(), "    remedy: " + f.remedy());
    }

    private static void section(List<String> out, String title) {
        out.add("");
        out.add(title);
    }

    /** A row, then the first observation whose source contains each of {@code sources}. */
    private static void row(
            List<String> out, String subject, String value, List<Observation> evidence, String... sources) {
        out.add(String.format(Locale.ROOT, ROW, subject, value));
        for (String s : sources) {
            evidence.stream().filter(o -> o.source().contains(s)).findFirst().ifPresent(o -> {
                String said = o.output().isEmpty() ? "(no output)" : o.firstLine();
                String line = "      <- "
                        + (o.exitCode() != null
                                ? "$ " + o.source() + "  => exit " + o.exitCode() + ": " + said
                                : o.source() + ": " + said);
                out.add(line.length() > EVIDENCE_WIDTH ? line.substring(0, EVIDENCE_WIDTH - 1) + "…" : line);
            });
        }
    }
}
