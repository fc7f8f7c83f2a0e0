package dev.m1go.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory is replaced whole, or not at all. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aDirectory_isReplacedWhole_leavingNoSiblingBehind() throws IOException {
        Path cases = dir.resolve("case-min");
        AtomicFiles.replaceDirectory(cases, d -> Files.writeString(d.resolve("a.go"), "one"));
        AtomicFiles.replaceDirectory(cases, d -> Files.writeString(d.resolve("b.go"), "two"));

        assertThat(cases.resolve("a.go")).doesNotExist();
        assertThat(cases.resolve("b.go")).hasContent("two");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aWriteThatFails_leavesTheOldDirectoryAsItWas() throws IOException {
        Path cases = dir.resolve("case-min");
        AtomicFiles.replaceDirectory(cases, d -> Files.writeString(d.resolve("a.go"), "one"));
        assertThatThrownBy(() -> AtomicFiles.replaceDirectory(cases, d -> {
                    Files.writeString(d.resolve("half.go"), "half");
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");

        assertThat(cases.resolve("a.go")).hasContent("one");
        assertThat(cases.resolve("half.go")).doesNotExist();
        AtomicFiles.replaceDirectory(cases, d -> Files.writeString(d.resolve("c.go"), "three"));
        assertThat(entries())
                .as("the half-written sibling goes with the next write")
                .isEqualTo(1);
    }
}
