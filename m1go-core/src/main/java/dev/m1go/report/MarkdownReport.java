package dev.m1go.report;

import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code report.md}: GitHub-flavoured Markdown for issue trackers. Host fingerprint first; then what is new since the
 * baseline, the regressions, the failure clusters, one table per case (rows: toolchains, columns: [host ×] target ×
 * runner × variant) and each failure signature once in a {@code <details>} block with its crash text.
 *
 * <p>The text always stays under {@value #LIMIT} characters (GitHub's issue-body limit), whatever the matrix size:
 * crash texts go first, then the details blocks, then whole sections; the last line says what was left out and where
 * the full results are.
 */
public final class MarkdownReport {

    public static final String FILE = "report.md";
    /** GitHub's limit on an issue body, in characters. */
    public static final int LIMIT = 65_536;
    /** What the renderer aims at: room under {@link #LIMIT} for the closing note. */
    static final int BUDGET = LIMIT - 2_048;
    static final int CRASH_LINES = 40;
    /** Regression lines and cluster rows shown before the rest is summed up in one line. */
    static final int MAX_LINES = 100;
    static final int MAX_CLUSTERS = 40;

    private MarkdownReport() {
    }

    /** The Markdown of a report without crash texts (no report directory to read logs from). */
    public static String render(Report r) {
        return render(r, null);
    }

    /** The Markdown of a report; crash texts are read from the logs under {@code directory}. */
    public static String render(Report r, Path directory) {
        for (Detail level : Detail.values()) {
            List<Block> blocks = blocks(r, directory, level);
            int length = blocks.stream().mapToInt(b -> b.text().length()).sum();
            if (length <= BUDGET) {
                return join(blocks) + closing(r, level, List.of());
            }
        }
        List<Block> blocks = blocks(r, directory, Detail.NONE);
        StringBuilder md = new StringBuilder();
        List<String> left = new ArrayList<>();
        Set<String> cutGroups = new java.util.HashSet<>();
        Set<String> headlessGroups = new java.util.HashSet<>();
        boolean previousCut = false;
        for (Block b : blocks) {
            boolean groupCut = b.group() != null && cutGroups.contains(b.group());
            if (b.text().equals("\n") && previousCut) {
                continue;
            }
            if (!groupCut && md.length() + b.text().length() <= BUDGET) {
                md.append(b.text());
                previousCut = false;
            } else {
                previousCut = true;
                if (b.group() == null) {
                    left.add(b.label());
                } else {
                    if (!cutGroups.contains(b.group()) && b.label().startsWith("the table")) {
                        headlessGroups.add(b.group());
                    }
                    if (!headlessGroups.contains(b.group()) || b.label().startsWith("the table")) {
                        left.add(b.label());
                    }
                    cutGroups.add(b.group());
                }
            }
        }
        return md + closing(r, Detail.NONE, left);
    }

    /** How much failure detail goes in. */
    private enum Detail {
        STACKS, DETAILS, NONE
    }

    /**
     * A piece of the text; {@code label} names it in the closing note if it has to go. Once a block of a group has
     * to go, the rest of that group goes too (no table rows without their header, no rows after a gap).
     */
    private record Block(String label, String text, String group) {
        Block(String label, String text) {
            this(label, text, null);
        }
    }

    private static String join(List<Block> blocks) {
        StringBuilder sb = new StringBuilder();
        blocks.forEach(b -> sb.append(b.text()));
        return sb.toString();
    }

    private static String closing(Report r, Detail level, List<String> left) {
        List<String> parts = new ArrayList<>();
        if (level != Detail.STACKS && !r.clusters().isEmpty()) {
            parts.add(level == Detail.DETAILS ? "the crash texts" : "the crash texts and failure details");
        }
        Map<String, Integer> counted = new LinkedHashMap<>();
        left.forEach(l -> counted.merge(l, 1, Integer::sum));
        List<String> names = new ArrayList<>();
        counted.forEach((label, n) -> {
            if (!label.equals("a blank line")) {
                names.add(n == 1 ? label : n + " × " + label);
            }
        });
        if (names.size() > 12) {
            int more = names.size() - 12;
            names.subList(12, names.size()).clear();
            names.add(more + " more sections");
        }
        parts.addAll(names);
        if (parts.isEmpty()) {
            return "";
        }
        return "\n---\n_Left out to stay under GitHub's " + String.format("%,d", LIMIT) + "-character limit: "
                + escape(String.join("; ", parts)) + ". Every cell with its full logs is in report.json, report.html "
                + "and logs/ next to this file (target/m1go/ by default)._\n";
    }

    private static List<Block> blocks(Report r, Path directory, Detail level) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder head = new StringBuilder("# m1go matrix\n\n");
        host(head, r);
        Map<String, Map<String, Integer>> summary = r.summary();
        head.append("**").append(Plural.of(r.cells().size(), "cell")).append("**: ").append(counts(summary.get("verdicts")))
                .append(" — ").append(counts(summary.get("outcomes"))).append(r.complete() ? "" : " (run incomplete)")
                .append("\n\n");
        for (String note : r.notes()) {
            head.append("> ").append(escape(note)).append("\n");
        }
        if (!r.notes().isEmpty()) {
            head.append('\n');
        }
        head.append("Legend: ❗ unexpected (contradicts the case's expectation), 🎲 flaky (runs disagree)")
                .append(r.baseline() == null ? "" : ", 🆕 new since the baseline, 🩹 fixed since the baseline")
                .append(".\n\n");
        blocks.add(new Block("the header", head.toString()));

        Map<String, String> status = r.baseline() == null ? Map.of() : r.baseline().statusByCell();
        if (r.baseline() != null) {
            baseline(blocks, r, status);
        }
        regressions(blocks, r, status);
        clusters(blocks, r);
        Map<String, List<CellResult>> byCase = new TreeMap<>();
        r.cells().forEach(c -> byCase.computeIfAbsent(c.key().caseId(), k -> new ArrayList<>()).add(c));
        Map<String, CaseInfo> cases = new LinkedHashMap<>();
        r.cases().forEach(c -> cases.put(c.id(), c));
        for (Map.Entry<String, List<CellResult>> e : byCase.entrySet()) {
            StringBuilder md = new StringBuilder();
            CaseInfo info = cases.get(e.getKey());
            md.append("## ").append(e.getKey()).append("\n\n");
            if (info != null) {
                md.append(escape(flat(info.description()))).append(" Expected: ").append(info.expect())
                        .append(".\n\n");
            }
            table(blocks, md, e.getKey(), e.getValue(), r, status);
        }
        if (level != Detail.NONE) {
            details(blocks, r, directory, level == Detail.STACKS);
        }
        return blocks;
    }

    private static void host(StringBuilder md, Report r) {
        if (!r.merged()) {
            md.append("**Host**: ").append(escape(fingerprint(r.host(), archs(r.cells())))).append("\n\n");
            return;
        }
        md.append("**Hosts** (").append(r.hosts().size()).append("):\n\n");
        for (Report.NamedHost h : r.hosts()) {
            List<CellResult> own = r.cells().stream().filter(c -> h.label().equals(c.key().host())).toList();
            md.append("- **").append(escape(h.label())).append("**: ").append(escape(fingerprint(h.host(), archs(own))))
                    .append('\n');
        }
        md.append('\n');
    }

    private static Set<String> archs(List<CellResult> cells) {
        Set<String> archs = new TreeSet<>();
        cells.forEach(c -> archs.add(c.key().target().arch().goarch()));
        return archs;
    }

    /** OS, arch as the OS says it, JVM arch, translation, the emulators and binfmt entries for the targets, C compilers. */
    static String fingerprint(HostInfo h, Set<String> targetArchs) {
        StringBuilder md = new StringBuilder();
        md.append(h.os()).append('/').append(h.arch()).append(" (uname -m ").append(h.unameMachine())
                .append(", JVM os.arch ").append(h.jvmArch()).append(", kernel ").append(h.kernel())
                .append(", m1go translated: ").append(h.translated() == null ? "cannot tell" : h.translated())
                .append(")");
        List<String> emulators = h.emulators().stream()
                .filter(e -> targetArchs.contains(e.arch()) && !e.arch().equals(h.arch()))
                .map(e -> e.name() + " (" + e.version() + ")").toList();
        md.append("; emulators: ").append(emulators.isEmpty() ? "none for these targets" : String.join(", ", emulators));
        List<String> binfmt = h.binfmt().stream().filter(HostInfo.BinfmtInfo::enabled)
                .filter(b -> b.arch() == null || targetArchs.contains(b.arch()))
                .map(b -> b.name() + " [" + b.flags() + "]").toList();
        if (!binfmt.isEmpty()) {
            md.append("; binfmt_misc: ").append(String.join(", ", binfmt));
        }
        List<String> ccs = h.cCompilers().stream().filter(c -> targetArchs.contains(c.target()))
                .map(c -> c.target() + ": " + c.cc() + (c.version() == null ? "" : " (" + c.version() + ")")).toList();
        md.append("; C compilers: ").append(ccs.isEmpty() ? "none found" : String.join(", ", ccs));
        if (!h.ambient().isEmpty()) {
            md.append("; ambient build variables ").append(h.inheritEnvironment() ? "(passed on)" : "(not passed on)")
                    .append(": ").append(String.join(", ", h.ambient().keySet()));
        }
        return md.toString();
    }

    private static void baseline(List<Block> blocks, Report r, Map<String, String> status) {
        Comparison b = r.baseline();
        Map<String, Integer> n = b.counts();
        StringBuilder md = new StringBuilder("## New since the baseline\n\n");
        md.append("Compared with `").append(b.baseline()).append('`')
                .append(b.baselineStartedAt() == null ? "" : " (run of " + b.baselineStartedAt() + ")").append(": ")
                .append(n.get(Comparison.NEW)).append(" new, ").append(n.get(Comparison.KNOWN)).append(" known, ")
                .append(n.get(Comparison.FIXED)).append(" fixed.\n\n");
        blocks.add(new Block("the baseline summary", md.toString()));
        for (CellResult c : r.cells()) {
            String s = status.get(c.key().id());
            if (Comparison.NEW.equals(s) || Comparison.FIXED.equals(s)) {
                blocks.add(new Block(s + " cell line", "- " + (Comparison.NEW.equals(s) ? "🆕 new" : "🩹 fixed")
                        + ": **" + escape(title(r, c)) + "** " + Symbols.cell(c) + " (" + c.verdict() + ")\n"));
            }
        }
        blocks.add(new Block("a blank line", "\n"));
    }

    private static void regressions(List<Block> blocks, Report r, Map<String, String> status) {
        List<CellResult> unexpected = r.cells().stream()
                .filter(c -> c.verdict() == Verdict.UNEXPECTED || c.verdict() == Verdict.FLAKY).toList();
        if (unexpected.isEmpty()) {
            return;
        }
        blocks.add(new Block("the regressions heading", "## Regressions\n\n"));
        for (CellResult c : unexpected.subList(0, Math.min(MAX_LINES, unexpected.size()))) {
            StringBuilder md = new StringBuilder("- **").append(escape(title(r, c))).append("**: ")
                    .append(c.verdict()).append(", expected ").append(c.expected()).append(", got ")
                    .append(Symbols.cell(c));
            String s = status.get(c.key().id());
            if (s != null) {
                md.append(" (").append(s).append(')');
            }
            if (c.diagnosis().summary() != null && !c.diagnosis().summary().isBlank()) {
                md.append(" — ").append(escape(oneLine(c.diagnosis().summary())));
            }
            String failingTests = FailingTests.of(c);
            if (!failingTests.isEmpty()) {
                md.append("  \n  failing tests: ").append(escape(failingTests));
            }
            blocks.add(new Block("regression line", md.append('\n').toString()));
        }
        if (unexpected.size() > MAX_LINES) {
            blocks.add(new Block("regression line", "- … and " + (unexpected.size() - MAX_LINES)
                    + " more (the tables below mark them ❗; every one is in report.json)\n"));
        }
        blocks.add(new Block("a blank line", "\n"));
    }

    private static void clusters(List<Block> blocks, Report r) {
        List<Cluster> clusters = r.clusters();
        if (clusters.isEmpty()) {
            return;
        }
        blocks.add(new Block("the clusters heading", "## Failure clusters\n\n"
                + "| failure | cells | where | stack depth · caught in, per toolchain |\n|---|---|---|---|\n"));
        for (Cluster k : clusters.subList(0, Math.min(MAX_CLUSTERS, clusters.size()))) {
            StringBuilder md = new StringBuilder("| ").append(Symbols.symbol(k.outcome())).append(' ')
                    .append(k.outcome()).append(k.signal() == null ? "" : " " + k.signal()).append("<br>`")
                    .append(code(k.signature())).append("` | ").append(k.cells()).append(" | ")
                    .append(String.join("<br>", k.where().stream().map(MarkdownReport::escape).toList())).append(" | ");
            List<String> stacks = new ArrayList<>();
            for (Cluster.Stack s : k.stacks()) {
                stacks.add(s.go() + ": " + (s.caughtIn() == null ? "no Go stack"
                        : s.depth() + " · `" + code(s.caughtIn()) + "`"));
            }
            md.append(String.join("<br>", stacks)).append(" |\n");
            blocks.add(new Block("cluster row", md.toString()));
        }
        if (clusters.size() > MAX_CLUSTERS) {
            int more = clusters.subList(MAX_CLUSTERS, clusters.size()).stream().mapToInt(Cluster::cells).sum();
            blocks.add(new Block("cluster row", "| … " + (clusters.size() - MAX_CLUSTERS) + " more signatures | "
                    + more + " | the smaller clusters: see report.json / report.html | |\n"));
        }
        blocks.add(new Block("a blank line", "\n"));
    }

    private static void table(List<Block> blocks, StringBuilder md, String caseId, List<CellResult> cells, Report r,
                              Map<String, String> status) {
        Set<String> columns = columns(cells);
        Map<String, Map<String, CellResult>> rows = new LinkedHashMap<>();
        for (CellResult c : cells) {
            rows.computeIfAbsent(row(r, c), k -> new LinkedHashMap<>()).put(column(c), c);
        }
        md.append("| Go |");
        columns.forEach(col -> md.append(' ').append(escape(col)).append(" |"));
        md.append("\n|---|");
        columns.forEach(col -> md.append("---|"));
        md.append('\n');
        String group = "table " + caseId;
        blocks.add(new Block("the table of case " + caseId, md.toString(), group));
        for (Map.Entry<String, Map<String, CellResult>> row : rows.entrySet()) {
            StringBuilder line = new StringBuilder("| ").append(row.getKey()).append(" |");
            for (String col : columns) {
                CellResult c = row.getValue().get(col);
                line.append(' ').append(c == null ? "" : mark(c, status)).append(" |");
            }
            blocks.add(new Block("rows of the table of case " + caseId, line.append('\n').toString(), group));
        }
        blocks.add(new Block("a blank line", "\n"));
    }

    /** {@code 💥 CGO_SIGNAL SIGABRT ❗ 🆕}. */
    static String mark(CellResult c, Map<String, String> status) {
        String s = status.get(c.key().id());
        return Symbols.cell(c)
                + (c.verdict() == Verdict.UNEXPECTED ? " ❗" : c.verdict() == Verdict.FLAKY ? " 🎲" : "")
                + (Comparison.NEW.equals(s) ? " 🆕" : Comparison.FIXED.equals(s) ? " 🩹" : "");
    }

    private static void details(List<Block> blocks, Report r, Path directory, boolean stacks) {
        List<Cluster> clusters = r.clusters();
        if (clusters.isEmpty()) {
            return;
        }
        blocks.add(new Block("the failures heading", "## Failures, one per signature\n\n"));
        for (Cluster k : clusters) {
            CellResult first = r.cells().stream().filter(Cluster::failing)
                    .filter(c -> Cluster.signatureOf(c).equals(k.signature())).findFirst().orElseThrow();
            StringBuilder md = new StringBuilder("<details><summary>").append(Symbols.symbol(k.outcome())).append(' ')
                    .append(html(k.outcome() + (k.signal() == null ? "" : " " + k.signal()))).append(" — ")
                    .append(k.cells()).append(k.cells() == 1 ? " cell" : " cells").append(" (").append(escape(k.spread()))
                    .append(")</summary>\n\n");
            md.append("Signature: `").append(plainCode(k.signature())).append("`  \nFirst seen in: ")
                    .append(escape(title(r, first))).append("  \n");
            if (first.diagnosis().summary() != null && !first.diagnosis().summary().isBlank()) {
                md.append("Summary: ").append(escape(oneLine(first.diagnosis().summary()))).append("  \n");
            }
            List<String> logs = CrashText.logs(first);
            if (!logs.isEmpty()) {
                md.append("Log: `").append(plainCode(logs.get(0))).append("`\n");
            }
            if (stacks) {
                String text = CrashText.of(directory, first, CRASH_LINES);
                if (!text.isBlank()) {
                    md.append("\n```text\n").append(text.replace("```", "ˋˋˋ")).append("```\n");
                }
            }
            md.append("\n</details>\n\n");
            blocks.add(new Block("failure detail", md.toString()));
        }
    }

    static String title(Report r, CellResult c) {
        return c.key().titleWithHost(r.hostArchOf(c));
    }

    /** The row of a cell: its Go version, with {@code (arm64 go)} when the toolchain is not of its host's arch. */
    static String row(Report r, CellResult c) {
        return c.key().toolchainLabel(r.hostArchOf(c));
    }

    /** The columns of a case's table, in report order: host, target, runner (native first), variant. */
    static Set<String> columns(List<CellResult> cells) {
        Set<String> columns = new LinkedHashSet<>();
        cells.stream()
                .sorted(Comparator.comparing(CellResult::key, CellKey.COLUMN_ORDER))
                .forEach(c -> columns.add(column(c)));
        return columns;
    }

    static String column(CellResult c) {
        return c.key().column();
    }

    private static String counts(Map<String, Integer> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(v + " " + k));
        return String.join(", ", parts);
    }

    private static String flat(String s) {
        return s == null ? "" : String.join(" ", s.strip().split("\\s*\\R\\s*"));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    static String escape(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text inside backticks in a table cell: no backtick, pipes escaped (GFM allows that inside code spans). */
    private static String code(String s) {
        return s.replace("`", "'").replace("|", "\\|");
    }

    /** Text inside backticks outside a table: no backtick. */
    private static String plainCode(String s) {
        return s.replace("`", "'");
    }
}
