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

    private FileStamp() {
    }

    /** {@code 2456 1764259200123456789 1764259200123456789 (dev=803,ino=1234)}; symbolic links followed. */
    public static String of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + changeTime(file) + " "
                + a.fileKey();
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
