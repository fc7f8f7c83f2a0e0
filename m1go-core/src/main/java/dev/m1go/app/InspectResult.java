package dev.m1go.app;

import dev.m1go.binary.BinaryFacts;
import java.util.List;

/**
 * What {@code m1go:inspect} read.
 *
 * @param facts      one per file, in path order (each was also handed to the JSON-line consumer as it was read)
 * @param table      the readable table of {@code facts}, with the findings
 * @param unreadable one line per file that could not be read, naming the file and the field
 * @param failure    the message naming the unreadable files; {@code null} when every file was read
 */
public record InspectResult(List<BinaryFacts> facts, String table, List<String> unreadable, String failure) {
    public InspectResult {
        facts = List.copyOf(facts);
        unreadable = List.copyOf(unreadable);
    }

    public boolean failed() {
        return failure != null;
    }
}
