package dev.m1go.host;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds programs on a given {@code PATH} (the one m1go was handed, not necessarily this JVM's). */
public final class PathLookup {

    private final List<Path> dirs;

    public PathLookup(String path) {
        List<Path> found = new ArrayList<>();
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    found.add(Path.of(d));
                }
            }
        }
        this.dirs = List.copyOf(found);
    }

    public Optional<Path> find(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isExecutable(p) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path d : dirs) {
            Path candidate = d.resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public List<Path> dirs() {
        return dirs;
    }
}
