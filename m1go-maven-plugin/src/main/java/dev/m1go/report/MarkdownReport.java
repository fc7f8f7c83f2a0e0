package dev.m1go.report;

import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunnerOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code report.md}: GitHub-flavoured Markdown for issue trackers. Host fingerprint first, regressions next, then
 * one table per case: rows are toolchains, columns target × runner (× variant).
 */
public final class MarkdownReport {

    public static final String FILE = "report.md";

    private MarkdownReport() {
    }

    public static String render(Report r) {
        StringBuilder md = new StringBuilder();
        md.append("# m1go matrix\n\n");
        host(md, r.host());
        Map<String, Map<String, Integer>> summary = r.summary();
        md.append("**").append(r.cells().size()).append(" cells**: ").append(counts(summary.get("verdicts")))
                .append(" — ").append(counts(summary.get("outcomes"))).append(r.complete() ? "" : " (run incomplete)")
                .append("\n\n");
        for (String note : r.notes()) {
            md.append("> ").append(note).append("\n");
        }
        if (!r.notes().isEmpty()) {
            md.append('\n');
        }
        List<CellResult> unexpected = r.cells().stream()
                .filter(c -> c.verdict() == Verdict.UNEXPECTED || c.verdict() == Verdict.FLAKY).toList();
        if (!unexpected.isEmpty()) {
            md.append("## Regressions\n\n");
            for (CellResult c : unexpected) {
                md.append("- **").append(escape(c.title(r.host().arch()))).append("**: ").append(c.verdict())
                        .append(", expected ").append(c.expected()).append(", got ").append(Symbols.words(c));
                if (c.summary() != null && !c.summary().isBlank()) {
                    md.append(" — ").append(escape(oneLine(c.summary())));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        Map<String, List<CellResult>> byCase = new TreeMap<>();
        r.cells().forEach(c -> byCase.computeIfAbsent(c.caseId(), k -> new ArrayList<>()).add(c));
        Map<String, CaseInfo> cases = new LinkedHashMap<>();
        r.cases().forEach(c -> cases.put(c.id(), c));
        for (Map.Entry<String, List<CellResult>> e : byCase.entrySet()) {
            CaseInfo info = cases.get(e.getKey());
            md.append("## ").append(e.getKey()).append("\n\n");
            if (info != null) {
                md.append(escape(info.description())).append(" Expected: ").append(info.expect()).append(".\n\n");
            }
            table(md, e.getValue(), r.host().arch());
        }
        return md.toString();
    }

    private static void host(StringBuilder md, HostInfo h) {
        md.append("**Host**: ").append(h.os()).append('/').append(h.arch())
                .append(" (uname -m ").append(h.unameMachine()).append(", JVM os.arch ").append(h.jvmArch())
                .append(", kernel ").append(h.kernel()).append(", translated: ")
                .append(h.translated() == null ? "unknown" : h.translated()).append(")");
        if (!h.emulators().isEmpty()) {
            md.append("; emulators: ");
            md.append(String.join(", ", h.emulators().stream().map(e -> e.name() + " (" + e.version() + ")").toList()));
        }
        List<String> binfmt = h.binfmt().stream().filter(HostInfo.BinfmtInfo::enabled)
                .map(b -> b.name() + " [" + b.flags() + "]").toList();
        if (!binfmt.isEmpty()) {
            md.append("; binfmt_misc: ").append(String.join(", ", binfmt));
        }
        if (!h.cCompilers().isEmpty()) {
            md.append("; C compilers: ").append(String.join(", ",
                    h.cCompilers().stream().map(c -> c.target() + ": " + c.cc() + " (" + c.family() + ")").toList()));
        }
        if (!h.ambient().isEmpty()) {
            md.append("; ambient build variables ").append(h.inheritEnvironment() ? "(passed on)" : "(not passed on)")
                    .append(": ").append(String.join(", ", h.ambient().keySet()));
        }
        md.append("\n\n");
    }

    private static void table(StringBuilder md, List<CellResult> cells, String hostArch) {
        Set<String> columns = new LinkedHashSet<>();
        cells.stream()
                .sorted(java.util.Comparator.comparing((CellResult c) -> c.goos() + "/" + c.goarch())
                        .thenComparing(c -> RunnerOrder.rank(c.runner()))
                        .thenComparing(c -> c.variant().equals("default") ? "" : c.variant()))
                .forEach(c -> columns.add(column(c)));
        Map<String, Map<String, CellResult>> rows = new LinkedHashMap<>();
        for (CellResult c : cells) {
            String row = c.go() + (c.toolchainArch().equals(hostArch) ? "" : " (" + c.toolchainArch() + " go)");
            rows.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(column(c), c);
        }
        md.append("| Go |");
        columns.forEach(col -> md.append(' ').append(col).append(" |"));
        md.append("\n|---|");
        columns.forEach(col -> md.append("---|"));
        md.append('\n');
        for (Map.Entry<String, Map<String, CellResult>> row : rows.entrySet()) {
            md.append("| ").append(row.getKey()).append(" |");
            for (String col : columns) {
                CellResult c = row.getValue().get(col);
                md.append(' ').append(c == null ? "" : Symbols.cell(c)
                        + (c.verdict() == Verdict.UNEXPECTED ? " ❗" : c.verdict() == Verdict.FLAKY ? " 🎲" : ""))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String column(CellResult c) {
        return c.goos() + "/" + c.goarch() + " " + c.runner() + (c.variant().equals("default") ? "" : " " + c.variant());
    }

    private static String counts(Map<String, Integer> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(v + " " + k));
        return String.join(", ", parts);
    }

    private static String oneLine(String s) {
        return s.lines().findFirst().orElse("").strip();
    }

    static String escape(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
