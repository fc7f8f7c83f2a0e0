package dev.m1go.minimize;

import dev.m1go.cases.CaseLoader;
import dev.m1go.cases.Library;
import dev.m1go.cases.ReproCase;
import dev.m1go.core.AtomicFiles;
import dev.m1go.settings.Frontend;
import dev.m1go.settings.PropertyNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The minimized case as the catalog's case format: its sources, {@code case.yaml} whose expectation is the kept
 * failure (per runner when it is seen only under translation), and a README with the provenance, the command that
 * runs it and the reduction record. Written again for every better candidate, so the directory always holds the best
 * case so far.
 */
final class MinimizedCase {

    private final Path directory;
    private final String name;
    private final ReproCase original;
    private final ModuleCase.Standalone module;
    private final Judgement judgement;
    private final Frontend frontend;
    private final MinimizeSettings settings;

    MinimizedCase(
            Path directory,
            String name,
            ReproCase original,
            ModuleCase.Standalone module,
            Judgement judgement,
            Frontend frontend,
            MinimizeSettings settings) {
        this.directory = directory;
        this.name = name;
        this.original = original;
        this.module = module;
        this.judgement = judgement;
        this.frontend = frontend;
        this.settings = settings;
    }

    Path directory() {
        return directory;
    }

    /** Writes the case whole ({@link AtomicFiles#replaceDirectory}): an interruption leaves the last best case. */
    void write(Candidate c, Reduction record, boolean complete) throws IOException {
        AtomicFiles.replaceDirectory(directory, next -> {
            for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
                Path target = next.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            Files.writeString(next.resolve(CaseLoader.DESCRIPTOR), caseYaml(c), StandardCharsets.UTF_8);
            Files.writeString(next.resolve("README.md"), readme(record, complete), StandardCharsets.UTF_8);
        });
    }

    void writeReadme(Reduction record, boolean complete) throws IOException {
        byte[] text = readme(record, complete).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.replace(directory.resolve("README.md"), out -> out.write(text));
    }

    String caseYaml(Candidate c) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by m1go:minimize; the expectation is the failure the reduction kept.\n");
        y.append("description: ")
                .append(q(what() + ", minimized: " + judgement.signature().describe()
                        + (judgement.differential() ? " only under translation" : "")))
                .append('\n');
        Library lib = c.library();
        if (lib != null) {
            y.append("library:\n  name: ")
                    .append(lib.name())
                    .append("\n  sources: ")
                    .append(list(lib.sources()))
                    .append('\n');
            if (!lib.cflags().isEmpty()) {
                y.append("  cflags: ").append(list(lib.cflags())).append('\n');
            }
            if (lib.otherArch()) {
                y.append("  arch: other\n");
            }
        }
        if (!c.buildEnv().isEmpty()) {
            y.append("build:\n  env: ").append(map(c.buildEnv())).append('\n');
        }
        if (!original.runArgs().isEmpty() || !c.runEnv().isEmpty() || original.timeout() != null) {
            y.append("run:\n");
            if (!original.runArgs().isEmpty()) {
                y.append("  args: ").append(list(original.runArgs())).append('\n');
            }
            if (!c.runEnv().isEmpty()) {
                y.append("  env: ").append(map(c.runEnv())).append('\n');
            }
            if (original.timeout() != null) {
                y.append("  timeoutSeconds: ")
                        .append(original.timeout().toSeconds())
                        .append('\n');
            }
        }
        if (!original.marker().equals(CaseLoader.DEFAULT_MARKER) || original.markerOnStderr()) {
            y.append("marker: {text: ")
                    .append(q(original.marker()))
                    .append(", stream: ")
                    .append(original.markerOnStderr() ? "stderr" : "stdout")
                    .append("}\n");
        }
        Signature sig = judgement.signature();
        Trials.Cells cells = judgement.cells();
        String where = cellText();
        y.append("expect:\n");
        if (judgement.differential()) {
            y.append("  outcome: PASS\n  because: ")
                    .append(q("passes natively (" + cells.nativeTarget() + " "
                            + cells.nativeRunner().name() + ", "
                            + cells.toolchain().version() + "), as m1go:minimize measured"))
                    .append("\n  when:\n    - runner: ")
                    .append(cells.runner().name())
                    .append("\n      goarch: ")
                    .append(cells.target().arch().goarch())
                    .append('\n');
            expected(y, "      ", sig);
            y.append("      because: ")
                    .append(q("the failure m1go:minimize kept on " + where))
                    .append('\n');
        } else {
            expected(y, "  ", sig);
            y.append("  because: ")
                    .append(q("the failure m1go:minimize kept on " + where
                            + (judgement.intermittent() ? " (intermittent: " + judgement.rate() + ")" : "")))
                    .append('\n');
        }
        return y.toString();
    }

    /**
     * The kept outcome; for an intermittent failure {@code anyOf: [PASS, OUTCOME]} without a signal (a signal would
     * also be asked of the passing runs), so that its cells read {@code FLAKY}, not {@code UNEXPECTED}.
     */
    private void expected(StringBuilder y, String indent, Signature sig) {
        if (judgement.intermittent()) {
            y.append(indent).append("anyOf: [PASS, ").append(sig.outcome()).append("]\n");
            return;
        }
        y.append(indent).append("outcome: ").append(sig.outcome()).append('\n');
        if (sig.signal() != null) {
            y.append(indent).append("signal: ").append(sig.signal()).append('\n');
        }
    }

    private String what() {
        return module != null ? module.what() : "case " + original.id() + " (" + original.description() + ")";
    }

    private String cellText() {
        Trials.Cells c = judgement.cells();
        return c.toolchain().version()
                + (c.toolchain().binaryArch() == c.target().arch()
                                || c.runner().translates(c.target().arch())
                        ? ""
                        : " (" + c.toolchain().binaryArch().goarch() + " go)")
                + " " + c.target() + " " + c.runner().name();
    }

    /** The command that runs the minimized case on the cells it was reduced on. */
    String command() {
        Trials.Cells c = judgement.cells();
        // The toolchain's own architecture too: 1.26.8@amd64 is the toolchain it was reduced with, not its arm64 twin.
        String version = c.toolchain().version().replaceFirst("^go", "") + "@"
                + c.toolchain().binaryArch().goarch();
        String targets = c.target().toString();
        String runners = c.runner().name();
        Trials.Cells measured = judgement.measured();
        if (measured.differential()) {
            targets = measured.nativeTarget().equals(c.target()) ? targets : measured.nativeTarget() + "," + targets;
            runners = measured.nativeRunner().name() + "," + runners;
        }
        String text = frontend.render("m1go:reproduce m1go.casesDirectory=" + directory.getParent()
                + " m1go.cases=" + name + " m1go.goVersions=" + version + " m1go.targets=" + targets
                + " m1go.runners=" + runners
                + (judgement.intermittent() ? " " + PropertyNames.STRESS_RUNS + "=" + settings.runs() : ""));
        if (text.startsWith("m1go:")) {
            String tool = frontend.tool();
            return "mvn dev.m1go:m1go-maven-plugin:" + tool.substring(tool.lastIndexOf(' ') + 1) + ":"
                    + text.substring("m1go:".length());
        }
        return text;
    }

    String readme(Reduction r, boolean complete) {
        Signature sig = judgement.signature();
        StringBuilder m = new StringBuilder("# ").append(name).append("\n\n");
        m.append("Minimized by ")
                .append(frontend.render("m1go:minimize"))
                .append(" (")
                .append(frontend.tool())
                .append(") from ")
                .append(what())
                .append(".\n\n");
        m.append("**Fails:** ").append(sig.describe()).append(" on ").append(cellText());
        if (judgement.differential()) {
            Trials.Cells c = judgement.cells();
            m.append(", and passes natively (")
                    .append(c.nativeTarget())
                    .append(' ')
                    .append(c.nativeRunner().name())
                    .append("): a failure seen only under translation");
        }
        if (judgement.intermittent()) {
            m.append(". Intermittent: ")
                    .append(judgement.rate())
                    .append(" at first; a candidate was kept only while "
                            + "the lower bound of the 95 % Wilson interval of its failure rate stayed above ")
                    .append(settings.thresholdPercent())
                    .append(" %");
        }
        m.append(".\n");
        if (!sig.frames().isEmpty()) {
            m.append("\nFrames of the original failure, innermost first: `")
                    .append(String.join(" < ", sig.frames()))
                    .append("`.\n");
        }
        m.append("\n## Provenance\n\n| | |\n|---|---|\n");
        if (module != null) {
            module.provenance()
                    .forEach((k, v) ->
                            m.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        } else {
            m.append("| case | ")
                    .append(original.id())
                    .append(" (")
                    .append(original.origin())
                    .append(") |\n");
        }
        Trials.Cells c = judgement.cells();
        m.append("| toolchain | ")
                .append(c.toolchain().version())
                .append(" (")
                .append(c.toolchain().binaryArch().goarch())
                .append(" go, ")
                .append(c.toolchain().goroot())
                .append(") |\n");
        m.append("| target, runner | ")
                .append(c.target())
                .append(' ')
                .append(c.runner().name())
                .append(" |\n");
        m.append("| measured by | ").append(frontend.tool()).append(" |\n");
        m.append("\n## Reproduce it\n\n```\n").append(command()).append("\n```\n\n");
        m.append("The report.md of that run is what to attach to the upstream issue.\n");
        if (r.dependencies != null) {
            m.append("\nDependencies: ").append(r.dependencies).append(".\n");
        }
        m.append("\n## Reduction\n\n| | before | after |\n|---|---|---|\n");
        m.append(String.format(
                Locale.ROOT,
                "| files | %d | %d |%n| lines | %d | %d |%n| bytes | %,d | %,d |%n",
                r.filesBefore,
                r.filesAfter,
                r.linesBefore,
                r.linesAfter,
                r.bytesBefore,
                r.bytesAfter));
        m.append("\nSpent: ").append(r.spent()).append(".");
        m.append(
                complete
                        ? " The reduction ran to its end (a round that removed nothing)."
                        : r.stopped != null
                                ? " It stopped early: " + r.stopped + "; this is the best case found by then."
                                : " It is still running or was cut short: this is the best case so far.");
        m.append("\nFirst measurement: ").append(r.firstRate).append(".");
        if (r.finalRate != null) {
            m.append(" Measured again at the end: ").append(r.finalRate).append('.');
        } else if (!complete) {
            m.append(" It was not measured again at the end.");
        }
        if (r.steppedBack > 0) {
            m.append(" The smallest candidate did not hold up on that many runs; this is the one kept ")
                    .append(r.steppedBack)
                    .append(" step(s) before it, which did.");
        } else if (r.steppedBack < 0) {
            m.append(" No candidate near the end held up on that many runs: this is the original case.");
        }
        m.append('\n');
        if (!r.steps.isEmpty()) {
            m.append("\n| round | stage | units | kept |\n|---|---|---|---|\n");
            for (Reduction.Step s : r.steps) {
                m.append("| ")
                        .append(s.round())
                        .append(" | ")
                        .append(s.stage())
                        .append(" | ")
                        .append(s.before())
                        .append(" | ")
                        .append(s.after())
                        .append(" |\n");
            }
        }
        return frontend.render(m.toString());
    }

    private static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(MinimizedCase::q).toList()) + "]";
    }

    private static String map(Map<String, String> m) {
        return "{"
                + String.join(
                        ", ",
                        m.entrySet().stream()
                                .map(e -> e.getKey() + ": " + q(e.getValue()))
                                .toList()) + "}";
    }
}
