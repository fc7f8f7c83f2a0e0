package dev.m1go.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every report format, written together. */
public final class Reports {

    private Reports() {
    }

    public static List<ReportFormat> all() {
        List<ReportFormat> formats = new ArrayList<>();
        formats.add(new ReportFormat() {
            @Override
            public String file() {
                return JsonReport.FILE;
            }

            @Override
            public void write(Path directory, Report report) throws IOException {
                JsonReport.write(directory.resolve(JsonReport.FILE), report);
            }
        });
        formats.add(new ReportFormat() {
            @Override
            public String file() {
                return MarkdownReport.FILE;
            }

            @Override
            public void write(Path directory, Report report) throws IOException {
                Files.writeString(directory.resolve(MarkdownReport.FILE), MarkdownReport.render(report),
                        StandardCharsets.UTF_8);
            }
        });
        return List.copyOf(formats);
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
