package dev.m1go.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling unique to this process and thread, and a rename, so a reader never sees
 * half a file and two writers never share a temporary file. Every report file m1go writes goes through here.
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the files of a directory into the (empty) directory it is given. */
    @FunctionalInterface
    public interface DirectoryContent {
        void writeTo(Path directory) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Replaces the directory {@code dir} with what {@code content} writes: into a hidden sibling first ({@code
     * .name.next}), then renamed into place, so a reader, or an interruption at any moment, finds the old directory
     * or the new one, never a half-written one.
     */
    public static void replaceDirectory(Path dir, DirectoryContent content) throws IOException {
        Path next = dir.resolveSibling("." + dir.getFileName() + ".next");
        Path old = dir.resolveSibling("." + dir.getFileName() + ".old");
        FileTrees.delete(next);
        Files.createDirectories(next);
        content.writeTo(next);
        FileTrees.delete(old);
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(next, dir, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.delete(old);
    }

    /** Replaces {@code file} (creating its directory) with what {@code content} writes. */
    public static void replace(Path file, Content content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + "."
                + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
