package dev.m1go.report;

import dev.m1go.core.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Every report format, written together from one view: report.json, report.md, TEST-m1go.xml, report.html. */
public final class Reports {

    private Reports() {}

    /** A format: its file name and how to write it. */
    private record Format(String file, Writer writer) implements ReportFormat {
        @Override
        public void write(ReportView view) throws IOException {
            writer.write(view);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(ReportView view) throws IOException;
    }

    public static List<ReportFormat> all() {
        return List.of(
                new Format(JsonReport.FILE, v -> JsonReport.write(v.directory().resolve(JsonReport.FILE), v.report())),
                new Format(MarkdownReport.FILE, v -> {
                    String md = MarkdownReport.render(v);
                    AtomicFiles.replace(
                            v.directory().resolve(MarkdownReport.FILE),
                            out -> out.write(md.getBytes(StandardCharsets.UTF_8)));
                }),
                new Format(JUnitReport.FILE, JUnitReport::write),
                new Format(HtmlReport.FILE, HtmlReport::write));
    }

    /** Writes every format, each once, from one view of the report; returns the files written. */
    public static List<Path> writeAll(Path directory, Report report) throws IOException {
        return writeAll(directory, report, f -> {});
    }

    /** As {@link #writeAll(Path, Report)}, telling {@code written} of each format as soon as its file is in place. */
    public static List<Path> writeAll(Path directory, Report report, Consumer<ReportFormat> written)
            throws IOException {
        Files.createDirectories(directory);
        ReportView view = ReportView.of(report, directory);
        List<Path> files = new ArrayList<>();
        for (ReportFormat f : all()) {
            f.write(view);
            written.accept(f);
            files.add(directory.resolve(f.file()));
        }
        return files;
    }
}
