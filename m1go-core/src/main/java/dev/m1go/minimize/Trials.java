package dev.m1go.minimize;

import dev.m1go.cases.ReproCase;
import dev.m1go.core.FileTrees;
import dev.m1go.core.Log;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.MatrixListener;
import dev.m1go.matrix.Platform;
import dev.m1go.report.FailureCause;
import dev.m1go.reproduce.Session;
import dev.m1go.runner.Runner;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds and runs candidates: each batch is one matrix of the {@link Session} (so candidates build and run in
 * parallel on the worker threads, through the build cache, inside the containment of every run), a candidate on the
 * failing cell and, for a failure seen only under translation, on the native reference cell too. Remembers every
 * verdict by content, counts what it spent and stops at the budgets.
 */
final class Trials {

    /** The cells a candidate runs on: the failing one, and the native reference (or {@code null}). */
    record Cells(Toolchain toolchain, Platform target, Runner runner, Platform nativeTarget, Runner nativeRunner) {
        boolean differential() {
            return nativeRunner != null;
        }
    }

    /**
     * What one candidate did: its failing cell, its native reference cell ({@code null} without one) and the failing
     * cell's cause line ({@link FailureCause}, read before the candidate's logs are deleted; {@code null} if none).
     */
    record Trial(CellResult failing, CellResult reference, String cause) {}

    private final Session session;
    private final Path work;
    private final ReproCase original;
    private final Cells cells;
    private final Clock clock;
    private final Log log;
    private final Map<String, Boolean> verdicts = new HashMap<>();
    private Instant deadline;
    private int maxBuilds;
    private Signature signature;
    private boolean intermittent;
    private double threshold;

    int tried;
    int voided;
    int builds;
    int cachedBuilds;

    Trials(Session session, Path work, ReproCase original, Cells cells, Clock clock, Log log) {
        this.session = session;
        this.work = work;
        this.original = original;
        this.cells = cells;
        this.clock = clock;
        this.log = log;
    }

    Cells cells() {
        return cells;
    }

    /** From now on candidates are judged against {@code signature}, within these budgets. */
    void judge(Signature signature, boolean intermittent, double threshold, Instant deadline, int maxBuilds) {
        this.signature = signature;
        this.intermittent = intermittent;
        this.threshold = threshold;
        this.deadline = deadline;
        this.maxBuilds = maxBuilds;
    }

    /** Runs one candidate {@code runs} times on the cells, keeping its logs. */
    Trial measure(Candidate c, String id, int runs) throws IOException, InterruptedException {
        return run(Map.of(id, c), runs, false).get(id);
    }

    /**
     * The index of the first candidate that still fails the same way (and whose native reference still passes), each
     * cell run {@code runs} times; {@code null} candidates (they did not parse) are void.
     *
     * @throws Ddmin.Stop when the time or build budget is spent or m1go is stopping
     */
    int firstKept(List<Candidate> candidates, int runs) throws IOException, InterruptedException, Ddmin.Stop {
        String spent = spent();
        if (spent != null) {
            throw new Ddmin.Stop(spent);
        }
        Map<String, Candidate> fresh = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (Candidate c : candidates) {
            String id = c == null ? null : c.id();
            ids.add(id);
            tried++;
            if (c == null) {
                voided++;
            } else if (!verdicts.containsKey(id)) {
                fresh.put(id, c);
            }
        }
        if (!fresh.isEmpty()) {
            Map<String, Trial> results;
            try {
                results = run(fresh, runs, true);
            } catch (dev.m1go.exec.StoppingException e) {
                throw new Ddmin.Stop("m1go is stopping (interrupted)");
            }
            results.forEach((id, o) -> verdicts.put(id, keeps(o)));
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null && Boolean.TRUE.equals(verdicts.get(ids.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether m1go is stopping (interrupted): no more measurements. */
    boolean stopping() {
        return session.processes().stopping();
    }

    /** Why no more candidates may run, or {@code null}. */
    String spent() {
        if (session.processes().stopping()) {
            return "m1go is stopping (interrupted)";
        }
        if (deadline != null && !clock.instant().isBefore(deadline)) {
            return "the time budget (m1go.minimize.seconds) is spent";
        }
        if (builds >= maxBuilds) {
            return "the build budget (m1go.minimize.builds=" + maxBuilds + ") is spent";
        }
        return null;
    }

    boolean keeps(Trial o) {
        if (o.failing() == null || !signature.keptBy(o.failing(), o.cause(), intermittent, threshold)) {
            return false;
        }
        return !cells.differential() || (o.reference() != null && Signature.passes(o.reference()));
    }

    private Map<String, Trial> run(Map<String, Candidate> candidates, int runs, boolean cleanUp)
            throws IOException, InterruptedException {
        List<ReproCase> cases = new ArrayList<>();
        candidates.forEach((id, c) -> cases.add(c.toCase(original, id)));
        List<Platform> targets = new ArrayList<>(List.of(cells.target()));
        List<Runner> runners = new ArrayList<>(List.of(cells.runner()));
        if (cells.differential()) {
            if (!targets.contains(cells.nativeTarget())) {
                targets.add(cells.nativeTarget());
            }
            runners.add(cells.nativeRunner());
        }
        targets.sort(Comparator.naturalOrder());
        Map<String, CellResult> failing = new HashMap<>();
        Map<String, CellResult> reference = new HashMap<>();
        Map<String, String> causes = new HashMap<>();
        try {
            List<CellResult> results =
                    session.run(work, cases, cells.toolchain(), targets, runners, runs, new MatrixListener() {
                        @Override
                        public void finished(CellResult result, int done, int total) {
                            log.debug("m1go: minimize: " + result.key().caseId() + " "
                                    + result.key().runner() + " " + result.outcome()
                                    + (result.signal() == null ? "" : " " + result.signal()));
                        }
                    });
            Set<String> counted = new HashSet<>();
            for (CellResult r : results) {
                String id = r.key().caseId();
                boolean isFailingCell = r.key().runner().equals(cells.runner().name())
                        && r.key().target().equals(cells.target());
                (isFailingCell ? failing : reference).put(id, r);
                if (isFailingCell) {
                    causes.put(id, FailureCause.of(work, r));
                }
                if (r.build() != null && counted.add(id + " " + r.key().target())) {
                    if (Boolean.TRUE.equals(r.build().cached())) {
                        cachedBuilds++;
                    } else {
                        builds++;
                    }
                }
            }
        } finally {
            if (cleanUp) {
                for (String id : candidates.keySet()) {
                    for (String part : List.of("cases", "build", "logs", "run")) {
                        FileTrees.delete(work.resolve(part).resolve(id));
                    }
                }
            }
        }
        Map<String, Trial> out = new HashMap<>();
        for (String id : candidates.keySet()) {
            out.put(id, new Trial(failing.get(id), reference.get(id), causes.get(id)));
        }
        return out;
    }
}
