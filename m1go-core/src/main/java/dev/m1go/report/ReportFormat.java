package dev.m1go.report;

import java.io.IOException;
import java.nio.file.Path;

/** One output format written from a {@link Report} into the report directory. */
public interface ReportFormat {

    /** The file (relative to the report directory) this format writes. */
    String file();

    void write(Path directory, Report report) throws IOException;
}
