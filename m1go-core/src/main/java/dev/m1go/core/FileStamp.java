package dev.m1go.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * What tells, without reading a file, that its content is still what it was when it was hashed: its size,
 * modification time, change time (no program can set it back) and file identity (inode). A file whose stamp is
 * unchanged since it was hashed is trusted; any write changes the stamp, and the file is hashed again.
 */
public final class FileStamp {

    private FileStamp() {}

    /** {@code 2456 1764259200123456789 1764259200123456789 (dev=803,ino=1234)}; symbolic links followed. */
    public static String of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + changeTime(file) + " "
                + a.fileKey();
    }

    /**
     * The file's SHA-256: the one kept in {@code record} when the record holds the file's current stamp, else the
     * file hashed, and the record replaced. A record that cannot be written only costs the next caller a hash.
     */
    public static String digest(Path file, Path record) throws IOException {
        String stamp = of(file);
        if (Files.isRegularFile(record)) {
            String kept = Files.readString(record);
            if (kept.startsWith(stamp + " ") && kept.length() == stamp.length() + 65) {
                return kept.substring(stamp.length() + 1);
            }
        }
        String sha256 = Sha256.hex(file);
        keep(file, record, sha256);
        return sha256;
    }

    /**
     * Records {@code sha256} as the digest of the file as it is now, without reading it: for a file whose content the
     * caller knows but whose stamp changed without a write (a hard link made or removed changes the change time).
     */
    public static void keep(Path file, Path record, String sha256) throws IOException {
        String kept = of(file) + " " + sha256;
        try {
            AtomicFiles.replace(record, out -> out.write(kept.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // a cache directory that cannot take it: the digest is right all the same
        }
    }

    /** The inode's change time where the file system tells it, else "-". */
    private static String changeTime(Path file) {
        try {
            Object ctime = Files.getAttribute(file, "unix:ctime");
            return ctime instanceof FileTime t ? Long.toString(t.to(TimeUnit.NANOSECONDS)) : "-";
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "-";
        }
    }
}
