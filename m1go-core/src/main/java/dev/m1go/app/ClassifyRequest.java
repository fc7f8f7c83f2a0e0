package dev.m1go.app;

import java.nio.file.Path;

/**
 * What {@code m1go:classify} is asked to read.
 *
 * @param log {@code m1go.log}: a log file, a directory whose regular files are classified in name order, or
 *            {@link #STANDARD_INPUT} ({@code -}) for a log piped or pasted into standard input
 * @param os  {@code m1go.os}: {@code darwin} or {@code linux}; {@code null}: the log's {@code # os:} header, a guess
 *            from the text, the host
 */
public record ClassifyRequest(Path log, String os) {
    /** The log name that means standard input. */
    public static final String STANDARD_INPUT = "-";

    public boolean fromStandardInput() {
        return log != null && log.toString().equals(STANDARD_INPUT);
    }
}
