package dev.m1go.reproduce;

import dev.m1go.core.Log;
import dev.m1go.core.Plural;
import dev.m1go.core.UserError;
import dev.m1go.matrix.CellResult;
import dev.m1go.report.CaseInfo;
import dev.m1go.report.JsonReport;
import dev.m1go.report.Report;
import dev.m1go.report.Reports;
import dev.m1go.report.ToolchainInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@code m1go:merge} without Maven: reads several report.json files (from different machines, or runs with different
 * runners) and writes one report whose cells carry the label of the host that measured them; every host's fingerprint
 * is kept. Log paths are rewritten relative to the output directory, so the merged Markdown and HTML still find the
 * crash texts when the inputs' log directories are reachable; a path that leads outside its input's directory, or to
 * no regular file, is dropped with a note ({@link InputPaths}).
 */
public final class MergeReports {

    private final Log log;

    public MergeReports(Log log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The input files named by {@code m1go.inputs}, in the order given: files as they are, directories searched for
     * report.json (in path order, leaving out the output directory's own).
     */
    public List<Path> inputs(List<String> given, Path base, Path outputDirectory) throws UserError, IOException {
        if (given.isEmpty()) {
            throw new UserError("m1go.inputs is empty: give a directory holding report.json files or a comma list of "
                    + "report.json files, e.g. m1go.inputs=reports/ or m1go.inputs=a/report.json,b/report.json");
        }
        java.util.LinkedHashSet<Path> files = new java.util.LinkedHashSet<>();
        Path out = outputDirectory.toAbsolutePath().normalize();
        for (String g : given) {
            Path p = base.resolve(g).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.getFileName().toString().equals(JsonReport.FILE))
                            .filter(Files::isRegularFile)
                            .filter(f -> !f.getParent().equals(out))
                            .sorted()
                            .forEach(files::add);
                }
                if (files.stream().noneMatch(f -> f.startsWith(p))) {
                    throw new UserError("m1go.inputs: the directory " + p + " holds no " + JsonReport.FILE);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new UserError("m1go.inputs: " + p + " does not exist");
            }
        }
        if (files.size() < 2) {
            log.warn("m1go: m1go.inputs names one report (" + files.iterator().next()
                    + "); the merged report has its hosts only");
        }
        return List.copyOf(files);
    }

    /** Reads the inputs, merges them and writes every format into {@code outputDirectory}. */
    public Report merge(List<Path> files, Path outputDirectory, String generator) throws UserError, IOException {
        return merge(files, outputDirectory, generator, UnaryOperator.identity());
    }

    /**
     * Reads the inputs, merges them, applies {@code finish} (the baseline comparison, {@link Publish#compare}) and
     * writes every format into {@code outputDirectory}, once.
     */
    public Report merge(List<Path> files, Path outputDirectory, String generator, UnaryOperator<Report> finish)
            throws UserError, IOException {
        Path out = outputDirectory.toAbsolutePath().normalize();
        List<Report> reports = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UserError("m1go.inputs: " + f + " does not exist");
            }
            try {
                InputPaths.Confined confined = InputPaths.confine(JsonReport.read(f), f);
                if (confined.note() != null) {
                    log.warn("m1go: " + confined.note());
                }
                reports.add(confined.report());
            } catch (JsonReport.ReportFormatException e) {
                throw new UserError("m1go.inputs: " + e.getMessage());
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new UserError("m1go.inputs: " + f + " is not an m1go report: " + e.getOriginalMessage());
            }
        }
        LogCopies logs = new LogCopies(out);
        Report merged = merge(files, reports, out, generator, logs);
        Files.createDirectories(out);
        logs.copyAll();
        if (logs.note() != null) {
            List<String> notes = new ArrayList<>(merged.notes());
            notes.add(1, logs.note());
            merged = merged.withNotes(notes);
        }
        merged = finish.apply(merged);
        Reports.writeAll(out, merged);
        log.info("m1go: merged " + Plural.of(files.size(), "report") + " ("
                + Plural.of(merged.hosts().size(), "host") + ", "
                + Plural.of(merged.cells().size(), "cell") + ") into " + out);
        return merged;
    }

    /** The merge itself, its log paths relative to {@code out} where the inputs have them. */
    static Report merge(List<Path> files, List<Report> reports, Path out, String generator) {
        return merge(files, reports, out, generator, null);
    }

    /** The merge; with {@code logs}, each log an input's cell names is planned for a copy under {@code out}. */
    static Report merge(List<Path> files, List<Report> reports, Path out, String generator, LogCopies logs) {
        // every host of every input, keyed (input index, label in that input or null)
        record Source(int input, String label, Report.NamedHost host) {}
        List<Source> sources = new ArrayList<>();
        // the shards of one run (same N, same host) are one host: input index → the first shard's input index
        Map<Integer, Integer> shardOf = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (r.merged()) {
                for (Report.NamedHost h : r.hosts()) {
                    sources.add(new Source(i, h.label(), h));
                }
                continue;
            }
            Integer first = firstShardOfTheSameRun(reports, i);
            if (first != null) {
                shardOf.put(i, first);
                continue;
            }
            sources.add(new Source(
                    i, null, new Report.NamedHost(base(r), files.get(i).toString(), r.host())));
        }
        Map<String, Integer> seen = new HashMap<>();
        sources.forEach(s -> seen.merge(s.host().label(), 1, Integer::sum));
        Map<String, Integer> index = new HashMap<>();
        Map<String, String> relabel = new HashMap<>();
        java.util.Set<String> labels = new java.util.HashSet<>();
        List<Report.NamedHost> hosts = new ArrayList<>();
        for (Source s : sources) {
            String label = s.host().label();
            if (seen.get(label) > 1 && s.label() == null) {
                label = label + " (" + where(files.get(s.input())) + ")";
            }
            if (labels.contains(label)) {
                label = label + " #" + index.merge(label, 1, Integer::sum);
            }
            labels.add(label);
            relabel.put(s.input() + "\u0000" + s.label(), label);
            for (Map.Entry<Integer, Integer> shard : shardOf.entrySet()) {
                if (s.label() == null && shard.getValue() == s.input()) {
                    relabel.put(shard.getKey() + "\u0000" + null, label);
                }
            }
            hosts.add(new Report.NamedHost(
                    label,
                    s.host().source() == null
                            ? files.get(s.input()).toString()
                            : s.host().source(),
                    s.host().host()));
        }
        List<CellResult> cells = new ArrayList<>();
        Map<String, ToolchainInfo> toolchains = new TreeMap<>();
        Map<String, CaseInfo> cases = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        String started = null;
        String finished = null;
        boolean complete = true;
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            Path inputDir = files.get(i).toAbsolutePath().normalize().getParent();
            int input = i;
            for (CellResult c : r.cells()) {
                String label = relabel.get(input + "\u0000" + c.key().host());
                String name = r.merged() ? where(files.get(i)) + "-merged" : where(files.get(i));
                cells.add(c.measuredOn(
                        label,
                        p -> logs == null
                                ? out.relativize(inputDir.resolve(p).normalize())
                                        .toString()
                                : logs.map(input, name, inputDir, p)));
            }
            r.toolchains()
                    .forEach(t -> toolchains.putIfAbsent(t.version() + " " + t.binaryArch() + " " + t.goroot(), t));
            r.cases().forEach(c -> cases.putIfAbsent(c.id(), c));
            String where = r.merged() ? files.get(i).toString() : relabel.get(i + "\u0000" + null);
            r.notes().stream()
                    .filter(n -> shard(r) == null || !n.startsWith("Shard " + r.shard() + ":"))
                    .map(n -> "[" + where + "] " + n)
                    .filter(n -> !notes.contains(n))
                    .forEach(notes::add);
            if (!r.notMeasured().isEmpty()) {
                // Cut short by the run that wrote them: no outcome to merge, and no cell of the merged report.
                notes.add("[" + where + "] "
                        + dev.m1go.core.Plural.of(r.notMeasured().size(), "cell")
                        + " of this input were not measured and are left out (see its report.json, 'notMeasured').");
            }
            started = min(started, r.startedAt());
            finished = max(finished, r.finishedAt());
            complete &= r.complete();
        }
        notes.add(
                0,
                "Merged from " + files.size() + " reports: "
                        + String.join(", ", files.stream().map(Path::toString).toList()) + ".");
        notes.addAll(1, shardNotes(reports, shardOf, relabel));
        List<ToolchainInfo> tcs = new ArrayList<>(toolchains.values());
        tcs.sort(Comparator.comparing(ToolchainInfo::version).thenComparing(ToolchainInfo::binaryArch));
        return new Report(
                Report.SCHEMA,
                generator,
                started,
                finished,
                complete,
                hosts.get(0).host(),
                tcs,
                new ArrayList<>(cases.values()),
                cells,
                notes,
                hosts,
                null);
    }

    /**
     * The first input before {@code i} that is another shard of the same run as input {@code i} (both shares of N of
     * one host), or null: such shards are one host of the merged report.
     */
    private static Integer firstShardOfTheSameRun(List<Report> reports, int i) {
        Report r = reports.get(i);
        dev.m1go.matrix.Shard mine = shard(r);
        if (mine == null) {
            return null;
        }
        for (int j = 0; j < i; j++) {
            Report other = reports.get(j);
            dev.m1go.matrix.Shard theirs = shard(other);
            if (theirs != null && theirs.count() == mine.count() && other.host().equals(r.host())) {
                Integer first = firstShardOfTheSameRun(reports, j);
                return first == null ? j : first;
            }
        }
        return null;
    }

    /** Which shards of each sharded run were merged, and which are missing. */
    private static List<String> shardNotes(
            List<Report> reports, Map<Integer, Integer> shardOf, Map<String, String> relabel) {
        Map<Integer, java.util.TreeSet<Integer>> byRun = new TreeMap<>();
        for (int i = 0; i < reports.size(); i++) {
            dev.m1go.matrix.Shard shard = shard(reports.get(i));
            if (shard != null) {
                byRun.computeIfAbsent(shardOf.getOrDefault(i, i), k -> new java.util.TreeSet<>())
                        .add(shard.index());
            }
        }
        List<String> notes = new ArrayList<>();
        byRun.forEach((first, have) -> {
            int n = shard(reports.get(first)).count();
            List<String> missing = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                if (!have.contains(k)) {
                    missing.add(k + "/" + n);
                }
            }
            notes.add("[" + relabel.get(first + "\u0000" + null) + "] shards "
                    + String.join(", ", have.stream().map(k -> k + "/" + n).toList()) + " of one run"
                    + (missing.isEmpty()
                            ? ": the whole matrix."
                            : "; missing: " + String.join(", ", missing) + ", whose cells are not in this report."));
        });
        return notes;
    }

    /** The share a report says it is; null for a whole run, or for a value that is not K/N (then it is a run). */
    private static dev.m1go.matrix.Shard shard(Report r) {
        try {
            return r.merged() || r.shard() == null ? null : dev.m1go.matrix.Shard.parse(r.shard());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The directory a report stands for: {@code mac-m1} for {@code mac-m1/target/m1go/report.json}. */
    private static String where(Path file) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        while (dir != null
                && dir.getFileName() != null
                && (dir.getFileName().toString().equals("m1go")
                        || dir.getFileName().toString().equals("target"))) {
            dir = dir.getParent();
        }
        return dir == null || dir.getFileName() == null
                ? file.toString()
                : dir.getFileName().toString();
    }

    /** The label of a one-host report: {@code linux/amd64}. */
    private static String base(Report r) {
        return r.host().os() + "/" + r.host().arch();
    }

    private static String min(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private static String max(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
