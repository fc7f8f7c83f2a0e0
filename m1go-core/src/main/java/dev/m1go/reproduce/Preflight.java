package dev.m1go.reproduce;

import dev.m1go.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory parameters of {@code m1go:reproduce}, checked before anything runs: each is what it must be (a
 * directory, not a file; writable where m1go writes), and the output directory neither is, nor lies inside, nor holds
 * the directory of the user's own cases (m1go rewrites its output directory, and would rewrite the cases).
 */
final class Preflight {

    private Preflight() {
    }

    static void check(ReproduceSettings s) throws UserError {
        if (s.casesDirectory() != null) {
            Path cases = s.casesDirectory();
            if (!Files.exists(cases)) {
                throw new UserError("m1go.casesDirectory: " + cases + " does not exist; give a directory holding one "
                        + "subdirectory per case");
            }
            if (!Files.isDirectory(cases)) {
                throw new UserError("m1go.casesDirectory: " + cases + " is a file, not a directory; give a directory "
                        + "holding one subdirectory per case");
            }
            Path out = real(s.outputDirectory());
            Path in = real(cases);
            if (out.startsWith(in) || in.startsWith(out)) {
                throw new UserError("m1go.outputDirectory (" + s.outputDirectory() + ") and m1go.casesDirectory ("
                        + cases + ") overlap: m1go rewrites its output directory and would rewrite your cases; give "
                        + "an m1go.outputDirectory outside " + cases + " (the default is target/m1go)");
            }
        }
        writableDirectory("m1go.outputDirectory", s.outputDirectory());
        writableDirectory("m1go.cacheDirectory", s.cacheDirectory());
    }

    /** Exists or can be made, is a directory, and takes a new file. */
    private static void writableDirectory(String property, Path dir) throws UserError {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError(property + ": " + dir + " is a file, not a directory; give a directory (m1go creates "
                    + "it when it does not exist)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(property + ": cannot create the directory " + dir + " (" + e + "); give a directory "
                    + "m1go may write");
        }
        Path probe = dir.resolve(".m1go-write-probe-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new UserError(property + ": " + dir + " is not writable (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); give a directory m1go may write");
        }
    }

    /** The real path of the longest existing prefix, with the rest appended: links resolved where they exist. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
