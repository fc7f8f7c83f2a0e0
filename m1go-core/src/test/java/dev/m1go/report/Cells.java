package dev.m1go.report;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.matrix.BuildInfo;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.Platform;
import dev.m1go.matrix.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fixed result sets for the writer tests. */
final class Cells {

    static final HostInfo HOST = new HostInfo(
            "linux",
            "amd64",
            "x86_64",
            "amd64",
            "6.1.0",
            null,
            List.of(
                    new HostInfo.EmulatorInfo("qemu-aarch64", "arm64", "/usr/bin/qemu-aarch64", "qemu-aarch64 7.2.22"),
                    new HostInfo.EmulatorInfo(
                            "qemu-riscv64", "riscv64", "/usr/bin/qemu-riscv64", "qemu-riscv64 7.2.22")),
            List.of(new HostInfo.BinfmtInfo(
                    "qemu-aarch64", true, "arm64", "/usr/libexec/qemu-binfmt/aarch64-binfmt-P", "PF")),
            Map.of("arm64", "/usr/aarch64-linux-gnu"),
            List.of(
                    new HostInfo.CompilerInfo("amd64", "gcc", "gcc", "gcc 12.2.0"),
                    new HostInfo.CompilerInfo("arm64", "gcc", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu-gcc 12.2.0")),
            Map.of(),
            false);

    private Cells() {}

    static CellResult pass(String caseId, String go, String goarch, String runner) {
        return cell(caseId, go, "amd64", goarch, runner, Outcome.PASS, null, "PASS", Verdict.EXPECTED, null, List.of());
    }

    static CellResult crash(String caseId, String go, String goarch, String runner, Verdict verdict, String log) {
        return cell(
                caseId,
                go,
                "amd64",
                goarch,
                runner,
                Outcome.CGO_SIGNAL,
                "SIGABRT",
                "CGO_SIGNAL SIGABRT",
                verdict,
                log,
                List.of("main._Cfunc_m1go_abort", "main.main"));
    }

    static CellResult cell(
            String caseId,
            String go,
            String toolchainArch,
            String goarch,
            String runner,
            Outcome o,
            String signal,
            String expected,
            Verdict verdict,
            String log,
            List<String> frames) {
        List<RunResult> runs = o == Outcome.SKIPPED
                ? List.of()
                : List.of(new RunResult(
                        o == Outcome.PASS ? 0 : 2,
                        false,
                        o,
                        signal,
                        40,
                        log == null ? null : log.replace(".stderr", ".stdout"),
                        log));
        String signature = o == Outcome.PASS || o == Outcome.SKIPPED
                ? null
                : o
                        + (signal == null ? "" : " " + signal)
                        + (frames.isEmpty() ? "" : " | " + String.join(" < ", frames));
        BuildInfo build = o == Outcome.SKIPPED
                ? null
                : new BuildInfo(Outcome.PASS, "gcc", "gcc", null, false, false, 900, "build/x", null, null);
        CellKey key = key(caseId, go, toolchainArch, goarch, runner);
        if (o == Outcome.SKIPPED) {
            return CellResult.skipped(key, expected, !runner.equals("native"), "no emulator for arm64");
        }
        return CellResult.ran(
                key,
                expected,
                o,
                verdict,
                new Diagnosis(signal, o == Outcome.CGO_SIGNAL, signature, o.name(), List.of(), frames),
                !runner.equals("native"),
                build,
                runs,
                Map.of());
    }

    /** The key of a linux cell of the default variant. */
    static CellKey key(String caseId, String go, String toolchainArch, String goarch, String runner) {
        return CellKey.of(
                caseId,
                go,
                Arch.parse(toolchainArch).orElseThrow(),
                new Platform(Os.LINUX, Arch.parse(goarch).orElseThrow()),
                runner,
                "default");
    }

    static Report report(List<CellResult> cells) {
        return new Report(
                Report.SCHEMA,
                "m1go-maven-plugin test",
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:01:00Z",
                true,
                HOST,
                List.of(),
                List.of(new CaseInfo(
                        "c-abort", "C calls abort().", "bundled", List.of(), "CGO_SIGNAL SIGABRT", List.of())),
                cells,
                List.of("Rosetta 2 was not exercised."));
    }

    /** Writes a crash log the way a Go 1.22 binary prints it, {@code lines} goroutine frames long. */
    static String writeCrashLog(Path dir, String relative, int lines) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        StringBuilder sb = new StringBuilder(
                "C: calling abort()\nSIGABRT: abort\nPC=0x7f335867ceec m=0 sigcode=18446744073709551610\n"
                        + "signal arrived during cgo execution\n\ngoroutine 1 gp=0xc000002380 m=0 mp=0x55c5e0 [syscall]:\n");
        for (int i = 0; i < lines; i++) {
            sb.append("main.f")
                    .append(i)
                    .append("()\n\t/src/main.go:")
                    .append(i)
                    .append(" +0x45\n");
        }
        Files.writeString(file, sb.toString());
        Files.writeString(
                file.resolveSibling(file.getFileName().toString().replace(".stderr", ".stdout")),
                "C: calling abort()\n");
        return relative;
    }

    /** {@code n} cells over cases × toolchains × targets × runners, a fifth failing with distinct signatures. */
    static List<CellResult> many(int n, Path dir) throws IOException {
        List<CellResult> cells = new ArrayList<>();
        String[] runners = {"native", "qemu", "binfmt", "container"};
        int i = 0;
        outer:
        for (int c = 0; ; c++) {
            for (int go = 0; go < 25; go++) {
                for (String arch : List.of("amd64", "arm64")) {
                    for (String runner : runners) {
                        if (i == n) {
                            break outer;
                        }
                        String caseId = "case-" + String.format("%03d", c);
                        String version = "go1." + (10 + go) + ".3";
                        if (i % 5 == 0) {
                            String log = dir == null
                                    ? null
                                    : writeCrashLog(
                                            dir,
                                            "logs/" + caseId + "/" + version + "/" + arch + "/" + runner
                                                    + "/run-1.stderr",
                                            400);
                            cells.add(cell(
                                    caseId,
                                    version,
                                    "amd64",
                                    arch,
                                    runner,
                                    Outcome.CGO_SIGNAL,
                                    "SIGSEGV",
                                    "PASS",
                                    Verdict.UNEXPECTED,
                                    log,
                                    List.of("main._Cfunc_crash_" + i, "main.main")));
                        } else {
                            cells.add(pass(caseId, version, arch, runner));
                        }
                        i++;
                    }
                }
            }
        }
        return cells;
    }
}
