package dev.m1go.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reading a case directory and writing its copies safely. Links are never followed out of a case: a symbolic link to
 * a regular file inside the same case is read as that file; any other link (out of the case, to a directory, dangling)
 * and anything that is not a regular file stops the run with its path. Files over {@value #MAX_FILE_BYTES} bytes, or a
 * case over {@value #MAX_CASE_BYTES}, are refused by name before they are read. Copies are readable by their owner
 * only, whatever the original's mode.
 */
final class CaseFiles {

    static final long MAX_FILE_BYTES = 32L << 20;
    static final long MAX_CASE_BYTES = 128L << 20;

    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;

    private CaseFiles() {}

    /** Every file of the case, by path relative to {@code dir} ('/'-separated), sorted. */
    static Map<String, byte[]> read(Path dir) throws IOException, CaseDefinitionException {
        Path root = dir.toRealPath();
        List<Path> entries;
        try (Stream<Path> s = Files.walk(dir)) {
            entries = s.filter(p -> !p.equals(dir)).sorted().toList();
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        for (Path f : entries) {
            Path content = f;
            if (Files.isSymbolicLink(f)) {
                content = linkedFile(f, root);
            } else if (Files.isDirectory(f, NO_FOLLOW)) {
                continue;
            } else if (!Files.isRegularFile(f, NO_FOLLOW)) {
                throw new CaseDefinitionException(f + " is not a regular file (a pipe, socket or device); a case holds "
                        + "only files and directories: remove it");
            }
            byte[] bytes = readAtMost(content, f);
            total += bytes.length;
            if (total > MAX_CASE_BYTES) {
                throw new CaseDefinitionException(dir + " holds more than " + (MAX_CASE_BYTES >> 20) + " MiB (over the "
                        + "limit at " + f + "); a case holds small sources: move data the program needs elsewhere");
            }
            files.put(dir.relativize(f).toString().replace('\\', '/'), bytes);
        }
        return files;
    }

    private static Path linkedFile(Path link, Path root) throws IOException, CaseDefinitionException {
        Path target = Files.readSymbolicLink(link);
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            throw new CaseDefinitionException(link + " is a symbolic link to " + target + ", which does not exist: "
                    + "remove the link or put the file into the case");
        }
        if (!real.startsWith(root)) {
            throw new CaseDefinitionException(link + " is a symbolic link to " + target + ", outside the case "
                    + "directory: m1go does not follow links out of a case (the target would be copied into its "
                    + "output); copy the file into the case or remove the link");
        }
        if (!Files.isRegularFile(real, NO_FOLLOW)) {
            throw new CaseDefinitionException(link + " is a symbolic link to " + target + ", which is not a regular "
                    + "file: inside a case, a link may point only to a file of the same case");
        }
        return real;
    }

    private static byte[] readAtMost(Path file, Path shown) throws IOException, CaseDefinitionException {
        long size = Files.size(file);
        if (size <= MAX_FILE_BYTES) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                if (bytes.length <= MAX_FILE_BYTES) {
                    return bytes;
                }
                size = -1; // it grew while being read
            }
        }
        throw new CaseDefinitionException(
                shown + " is " + (size < 0 ? "larger than " + (MAX_FILE_BYTES >> 20) + " MiB" : size + " bytes")
                        + "; a case file may hold at most " + (MAX_FILE_BYTES >> 20) + " MiB: keep large "
                        + "data out of the case directory");
    }

    /** Writes one copy of a case file, readable and writable by its owner only (where the file system has modes). */
    static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(target, content);
    }
}
