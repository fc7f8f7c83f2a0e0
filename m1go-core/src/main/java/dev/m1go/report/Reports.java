package dev.m1go.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every report format, written together: report.json, report.md, TEST-m1go.xml, report.html. */
public final class Reports {

    private Reports() {
    }

    /** A format: its file name and how to write it. */
    private record Format(String file, Writer writer) implements ReportFormat {
        @Override
        public void write(Path directory, Report report) throws IOException {
            writer.write(directory, report);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path directory, Report report) throws IOException;
    }

    public static List<ReportFormat> all() {
        return List.of(
                new Format(JsonReport.FILE, (dir, r) -> JsonReport.write(dir.resolve(JsonReport.FILE), r)),
                new Format(MarkdownReport.FILE, (dir, r) -> {
                    String md = MarkdownReport.render(r, dir);
                    ReportFiles.replace(dir.resolve(MarkdownReport.FILE),
                            out -> out.write(md.getBytes(StandardCharsets.UTF_8)));
                }),
                new Format(JUnitReport.FILE, JUnitReport::write),
                new Format(HtmlReport.FILE, HtmlReport::write));
    }

    /** Writes every format; returns the files written. */
    public static List<Path> writeAll(Path directory, Report report) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (ReportFormat f : all()) {
            f.write(directory, report);
            written.add(directory.resolve(f.file()));
        }
        return written;
    }
}
