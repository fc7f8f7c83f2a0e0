package dev.m1go.matrix;

import dev.m1go.host.PathLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a program used by a build is, for the build key: the real path, size and modification time of a command found
 * on {@code PATH}, or the SHA-256 of a file's content. Each file is looked at once per run.
 */
final class ToolIdentity {

    private final PathLookup path;
    private final Path stamps;
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    ToolIdentity(String pathVariable) {
        this(pathVariable, null);
    }

    /**
     * @param stamps where a file's SHA-256 is kept between runs under its {@link dev.m1go.core.FileStamp} ({@code
     *               <m1go.cacheDirectory>/tools}): a toolchain's {@code go} binary is then read again only when it
     *               changed; {@code null} to hash it in every run
     */
    ToolIdentity(String pathVariable, Path stamps) {
        this.path = new PathLookup(pathVariable);
        this.stamps = stamps;
    }

    /**
     * {@code /usr/bin/x86_64-linux-gnu-gcc-12 1049088 1700000000000} for the argv {@code gcc}: the program the first
     * word names on {@code PATH} (symbolic links followed), then every further word.
     */
    String command(List<String> argv) {
        if (argv.isEmpty()) {
            return "";
        }
        String program = seen.computeIfAbsent(
                "command " + argv.get(0),
                k -> path.find(argv.get(0)).map(ToolIdentity::stat).orElse("not found: " + argv.get(0)));
        return argv.size() == 1 ? program : program + " " + String.join(" ", argv.subList(1, argv.size()));
    }

    /** The SHA-256 of a file's content, read once per (path, size, modification time); a missing file says so. */
    String content(Path file) {
        String stat = stat(file);
        return seen.computeIfAbsent("content " + stat, k -> remembered(file));
    }

    /** The digest kept under the file's current stamp, else the file hashed (and kept). */
    private String remembered(Path file) {
        if (stamps == null) {
            return digest(file);
        }
        try {
            Path real = file.toRealPath();
            return dev.m1go.core.FileStamp.digest(
                    real,
                    stamps.resolve(dev.m1go.core.Sha256.hex(
                            real.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } catch (IOException e) {
            return digest(file);
        }
    }

    private static String stat(Path file) {
        try {
            Path real = file.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            return real + " " + a.size() + " " + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "unreadable: " + file + " (" + e.getMessage() + ")";
        }
    }

    private static String digest(Path file) {
        try {
            return dev.m1go.core.Sha256.hex(file);
        } catch (IOException e) {
            return "unreadable: " + file + " (" + e.getMessage() + ")";
        }
    }
}
