package dev.m1go.report;

import java.io.IOException;

/** One output format written from a report's {@link ReportView} into its report directory. */
public interface ReportFormat {

    /** The file (relative to the report directory) this format writes. */
    String file();

    void write(ReportView view) throws IOException;
}
