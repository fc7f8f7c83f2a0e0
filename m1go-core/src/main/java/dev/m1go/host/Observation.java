package dev.m1go.host;

import java.util.Objects;

/**
 * One thing m1go looked at, as evidence for what it reports: a command it ran ({@code uname -m}) with its exit
 * status and what it printed, or a file it read ({@code read /proc/sys/fs/binfmt_misc/qemu-aarch64}) with its text.
 *
 * @param source   the command line as a person would type it, or {@code read <file>}, {@code header of <file>}, …
 * @param exitCode the command's exit status; {@code null} for a file, or when the command could not start
 * @param output   what it printed (stdout, then stderr), or the file's text; trimmed to {@value #MAX_OUTPUT} characters
 */
public record Observation(String source, Integer exitCode, String output) {

    public static final int MAX_OUTPUT = 4000;

    public Observation {
        Objects.requireNonNull(source, "source");
        output = Objects.requireNonNullElse(output, "").strip();
        if (output.length() > MAX_OUTPUT) {
            output = output.substring(0, MAX_OUTPUT) + "\n… (" + (output.length() - MAX_OUTPUT) + " more characters)";
        }
    }

    /** A file or a fact read without running anything. */
    public static Observation read(String source, String text) {
        return new Observation(source, null, text);
    }

    /** The first line of the output, for one-line displays. */
    public String firstLine() {
        return output.lines().findFirst().orElse("");
    }
}
