package dev.m1go.report;

import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the Markdown, HTML and JUnit reports show of one report, worked out once: counts, failure clusters, the
 * baseline status of each cell, each host's facts, and per case the grid (rows: toolchains, columns: [host ×] target
 * × runner × variant). Crash texts are read from the logs under the report directory at most once per file, however
 * many formats and cut levels quote them. The writers only lay this out.
 */
public final class ReportView {

    /**
     * One host's fingerprint as a list of facts, in the order reports show them.
     *
     * @param label the host's label in a merged report, {@code null} in a report of one host
     * @param facts "linux/amd64 (uname -m x86_64, …)", "emulators: …", "C compilers: …", …
     */
    public record HostFacts(String label, HostInfo info, List<String> facts) {
        public HostFacts {
            Objects.requireNonNull(info, "info");
            facts = List.copyOf(facts);
        }
    }

    /**
     * The matrix of one case.
     *
     * @param info    the case as the report describes it, or {@code null} when the report does not list it
     * @param columns column titles ({@link CellKey#column()}) in report order
     * @param rows    one row per toolchain, in report order
     * @param cells   the case's cells in report order
     */
    public record CaseGrid(String id, CaseInfo info, List<String> columns, List<Row> rows, List<CellResult> cells) {
        public CaseGrid {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            cells = List.copyOf(cells);
        }
    }

    /**
     * One row of a case's grid.
     *
     * @param label the toolchain ({@code go1.22.12}, {@code go1.19.8 (arm64 go)})
     * @param cells the row's cells by column title
     */
    public record Row(String label, Map<String, CellResult> cells) {
        public Row {
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }
    }

    private final Report report;
    private final Map<String, Map<String, Integer>> summary;
    private final List<Cluster> clusters;
    private final Map<String, String> status;
    private final Map<String, CellResult> firstFailure = new HashMap<>();
    private final List<HostFacts> hosts;
    private final List<CaseGrid> cases;
    private final CrashText.Reader logs;

    private ReportView(Report report, Path directory) {
        this.report = report;
        this.summary = report.summary();
        this.clusters = report.clusters();
        this.status = report.baseline() == null ? Map.of() : report.baseline().statusByCell();
        report.cells().stream()
                .filter(Cluster::failing)
                .forEach(c -> firstFailure.putIfAbsent(Cluster.signatureOf(c), c));
        this.hosts = hosts(report);
        this.cases = cases(report);
        this.logs = new CrashText.Reader(directory);
    }

    /** The view of a report whose logs lie under {@code directory} ({@code null}: no crash texts). */
    public static ReportView of(Report report, Path directory) {
        return new ReportView(Objects.requireNonNull(report, "report"), directory);
    }

    public Report report() {
        return report;
    }

    /** The report directory the logs are read from, or {@code null}. */
    public Path directory() {
        return logs.directory();
    }

    /** Counts of cells per outcome and per verdict ({@link Report#summary()}). */
    public Map<String, Map<String, Integer>> summary() {
        return summary;
    }

    public List<Cluster> clusters() {
        return clusters;
    }

    /** Every host with its facts: the one host of a plain report, or each host of a merged one. */
    public List<HostFacts> hosts() {
        return hosts;
    }

    /** The cases that have cells, by id. */
    public List<CaseGrid> cases() {
        return cases;
    }

    /** The cell's status against the baseline ({@code new}, {@code known}, {@code fixed}), or {@code null}. */
    public String status(CellResult c) {
        return status.get(c.key().id());
    }

    /** {@code c-abort go1.22.12 linux/arm64 qemu[ @ host]} ({@link CellKey#titleWithHost}). */
    public String title(CellResult c) {
        return c.key().titleWithHost(report.hostArchOf(c));
    }

    /** The toolchain of a cell as a row label ({@link CellKey#toolchainLabel}). */
    public String toolchain(CellResult c) {
        return c.key().toolchainLabel(report.hostArchOf(c));
    }

    /** The JUnit test name of a cell ({@link CellKey#testName}). */
    public String testName(CellResult c) {
        return c.key().testName(report.hostArchOf(c));
    }

    /** The first failing cell, in report order, of a cluster. */
    public CellResult firstOf(Cluster k) {
        return Objects.requireNonNull(firstFailure.get(k.signature()), k.signature());
    }

    /** The crash text of a cell ({@link CrashText#of(Path, CellResult, int)}), its logs read once per view. */
    public String crashText(CellResult c, int maxLines) {
        return logs.text(CrashText.logs(c), maxLines);
    }

    /** The crash text of one log. */
    public String crashText(String log, int maxLines) {
        return logs.text(List.of(log), maxLines);
    }

    /**
     * What the details of a failing cell quote: for a module-mode test cell with failing tests, each failing test's
     * own output ({@link TestCells#excerpt}) and, when the binary crashed, the crash report from its stderr; for any
     * other cell its crash text ({@link #crashText(CellResult, int)}).
     */
    public String failureText(CellResult c, int maxLines) {
        if (!TestCells.hasExcerpt(c)) {
            return crashText(c, maxLines);
        }
        String text = TestCells.excerpt(c);
        List<String> testLogs = TestCells.logs(c);
        if (testLogs.size() > 1) {
            String crash = crashText(testLogs.get(1), maxLines);
            if (!crash.isBlank()) {
                text += "\n" + testLogs.get(1) + ":\n" + crash;
            }
        }
        return text;
    }

    /** The logs {@link #failureText} comes from, the one to open first. */
    public List<String> failureLogs(CellResult c) {
        return TestCells.hasExcerpt(c) ? TestCells.logs(c) : CrashText.logs(c);
    }

    private static List<HostFacts> hosts(Report r) {
        if (!r.merged()) {
            return List.of(new HostFacts(null, r.host(), facts(r.host(), archs(r.cells()))));
        }
        List<HostFacts> hosts = new ArrayList<>();
        for (Report.NamedHost h : r.hosts()) {
            List<CellResult> own = r.cells().stream()
                    .filter(c -> h.label().equals(c.key().host()))
                    .toList();
            hosts.add(new HostFacts(h.label(), h.host(), facts(h.host(), archs(own))));
        }
        return List.copyOf(hosts);
    }

    private static Set<String> archs(List<CellResult> cells) {
        Set<String> archs = new TreeSet<>();
        cells.forEach(c -> archs.add(c.key().target().arch().goarch()));
        return archs;
    }

    /**
     * OS, arch as the OS says it, JVM arch, translation; the emulators and binfmt entries for the targets; the C
     * compilers; the ambient build variables.
     */
    static List<String> facts(HostInfo h, Set<String> targetArchs) {
        List<String> facts = new ArrayList<>();
        facts.add(h.os() + "/" + h.arch() + " (uname -m " + h.unameMachine() + ", JVM os.arch " + h.jvmArch()
                + ", kernel " + h.kernel() + ", m1go translated: "
                + (h.translated() == null ? "cannot tell" : h.translated()) + ")");
        List<String> emulators = h.emulators().stream()
                .filter(e -> targetArchs.contains(e.arch()) && !e.arch().equals(h.arch()))
                .map(e -> e.name() + " (" + e.version() + ")")
                .toList();
        facts.add("emulators: " + (emulators.isEmpty() ? "none for these targets" : String.join(", ", emulators)));
        List<String> binfmt = h.binfmt().stream()
                .filter(HostInfo.BinfmtInfo::enabled)
                .filter(b -> b.arch() == null || targetArchs.contains(b.arch()))
                .map(b -> b.name() + " [" + b.flags() + "]")
                .toList();
        if (!binfmt.isEmpty()) {
            facts.add("binfmt_misc: " + String.join(", ", binfmt));
        }
        List<String> ccs = h.cCompilers().stream()
                .filter(c -> targetArchs.contains(c.target()))
                .map(c -> c.target() + ": " + c.cc() + (c.version() == null ? "" : " (" + c.version() + ")"))
                .toList();
        facts.add("C compilers: " + (ccs.isEmpty() ? "none found" : String.join(", ", ccs)));
        if (!h.ambient().isEmpty()) {
            facts.add("ambient build variables " + (h.inheritEnvironment() ? "(passed on)" : "(not passed on)") + ": "
                    + String.join(", ", h.ambient().keySet()));
        }
        return facts;
    }

    private static List<CaseGrid> cases(Report r) {
        Map<String, List<CellResult>> byCase = new TreeMap<>();
        r.cells()
                .forEach(c -> byCase.computeIfAbsent(c.key().caseId(), k -> new ArrayList<>())
                        .add(c));
        Map<String, CaseInfo> infos = new HashMap<>();
        r.cases().forEach(c -> infos.put(c.id(), c));
        List<CaseGrid> grids = new ArrayList<>();
        byCase.forEach((id, cells) -> {
            Set<String> columns = new LinkedHashSet<>();
            cells.stream().map(CellResult::key).sorted(CellKey.COLUMN_ORDER).forEach(k -> columns.add(k.column()));
            Map<String, Map<String, CellResult>> rows = new LinkedHashMap<>();
            for (CellResult c : cells) {
                rows.computeIfAbsent(c.key().toolchainLabel(r.hostArchOf(c)), k -> new LinkedHashMap<>())
                        .put(c.key().column(), c);
            }
            grids.add(new CaseGrid(
                    id,
                    infos.get(id),
                    List.copyOf(columns),
                    rows.entrySet().stream()
                            .map(e -> new Row(e.getKey(), e.getValue()))
                            .toList(),
                    cells));
        });
        return List.copyOf(grids);
    }
}
