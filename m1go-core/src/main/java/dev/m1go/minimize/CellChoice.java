package dev.m1go.minimize;

import dev.m1go.core.UserError;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Platform;
import dev.m1go.report.Cluster;
import dev.m1go.report.JsonReport;
import dev.m1go.report.Report;
import dev.m1go.reproduce.ReproduceSettings;
import dev.m1go.reproduce.Session;
import dev.m1go.runner.Runner;
import dev.m1go.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which cell a reduction runs on: the toolchain, target and runner named by {@code m1go.goVersions},
 * {@code m1go.targets} and {@code m1go.runners} (the first of each); without them, the first cell of the last report
 * in {@code m1go.outputDirectory} that failed for this case; without such a report, the newest toolchain of this
 * host's architecture building for this host, run natively. A translated cell gets the native cell of this host
 * (same toolchain) as its reference.
 */
final class CellChoice {

    private CellChoice() {}

    /** The cells, and a sentence saying where they came from. */
    record Chosen(Trials.Cells cells, String why) {}

    static Chosen choose(Session session, ReproduceSettings s, String caseId) throws UserError {
        List<Toolchain> usable =
                session.toolchains().stream().filter(Toolchain::usable).toList();
        if (usable.isEmpty()) {
            throw new UserError("m1go:minimize needs a Go toolchain that runs here; none of those found can run (see "
                    + "m1go.goRoots, m1go.goVersions)");
        }
        boolean explicit = s.goVersions() != null && !s.goVersions().isBlank()
                || !s.targets().isEmpty()
                || !s.runners().isEmpty();
        Path report = s.outputDirectory().resolve("report.json");
        if (!explicit && Files.isRegularFile(report)) {
            Optional<CellKey> failed = lastFailure(report, caseId);
            if (failed.isPresent()) {
                CellKey k = failed.get();
                Toolchain t = usable.stream()
                        .filter(x -> x.version().equals(k.go()) && x.binaryArch() == k.toolchainArch())
                        .findFirst()
                        .orElseThrow(() -> new UserError("the last report (" + report + ") failed on "
                                + k.title(session.host().arch().goarch())
                                + ", whose toolchain is not among those m1go.goVersions takes here; name the cell "
                                + "with m1go.goVersions, m1go.targets and m1go.runners"));
                return new Chosen(
                        withReference(session, t, k.target(), runner(session, k.runner())),
                        "the first cell of " + report + " that failed for " + caseId);
            }
        }
        Platform host = new Platform(session.host().os(), session.host().arch());
        Toolchain t = explicit && s.goVersions() != null && !s.goVersions().isBlank()
                ? usable.get(0)
                : usable.stream()
                        .filter(x -> x.binaryArch() == session.host().arch())
                        .max(Comparator.comparing(Toolchain::goVersion))
                        .orElse(usable.get(0));
        Runner r =
                runner(session, s.runners().isEmpty() ? "native" : s.runners().get(0));
        Platform target;
        if (!s.targets().isEmpty()) {
            try {
                target = Platform.parse(s.targets().get(0));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        } else {
            target = r.appliesTo(host.os(), host.arch()) ? host : other(host);
        }
        if (!r.appliesTo(target.os(), target.arch())) {
            throw new UserError("the runner " + r.name() + " does not run " + target + " binaries on this host: name "
                    + "a runner and target that go together with m1go.runners and m1go.targets");
        }
        return new Chosen(
                withReference(session, t, target, r),
                explicit
                        ? "m1go.goVersions, m1go.targets and " + "m1go.runners"
                        : "no failing cell of this case in " + report + ": the newest toolchain of this host, "
                                + "natively");
    }

    private static Platform other(Platform host) {
        return new Platform(
                host.os(),
                host.arch() == dev.m1go.host.Arch.AMD64 ? dev.m1go.host.Arch.ARM64 : dev.m1go.host.Arch.AMD64);
    }

    private static Trials.Cells withReference(Session session, Toolchain t, Platform target, Runner r)
            throws UserError {
        Platform host = new Platform(session.host().os(), session.host().arch());
        if (!r.translates(target.arch())) {
            return new Trials.Cells(t, target, r, null, null);
        }
        Runner nativeRunner = runner(session, "native");
        return new Trials.Cells(t, target, r, host, nativeRunner);
    }

    private static Runner runner(Session session, String name) throws UserError {
        try {
            List<Runner> selected = session.runners().select(List.of(name));
            return selected.get(0);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new UserError("m1go.runners: " + e.getMessage());
        }
    }

    /** The first failing cell of {@code caseId} in a report, in report order. */
    static Optional<CellKey> lastFailure(Path report, String caseId) throws UserError {
        Report r;
        try {
            r = JsonReport.read(report);
        } catch (java.io.IOException | RuntimeException | JsonReport.ReportFormatException e) {
            throw new UserError("m1go:minimize reads the last report to find the failing cell, and " + report
                    + " cannot be read (" + e.getMessage() + "): name the cell with m1go.goVersions, m1go.targets and "
                    + "m1go.runners, or remove the file");
        }
        return r.cells().stream()
                .filter(c -> c.key().caseId().equals(caseId))
                .filter(Cluster::failing)
                .sorted(CellResult.ORDER)
                .map(CellResult::key)
                .findFirst();
    }
}
