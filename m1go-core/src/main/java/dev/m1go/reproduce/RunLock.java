package dev.m1go.reproduce;

import dev.m1go.core.Log;
import dev.m1go.core.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One run per output directory: an OS file lock on {@code .m1go.lock} (released by the OS when the holder dies, even
 * by SIGKILL) holding the holder's PID and start time. A second run is refused with a message naming the first; a
 * lock file left by a run that no longer lives is taken over with a warning.
 */
public final class RunLock implements AutoCloseable {

    public static final String FILE = dev.m1go.core.OutputLayout.LOCK;

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code directory} (which must exist) for this process. */
    public static RunLock acquire(Path directory, String property, Instant now, Log log) throws UserError, IOException {
        Path file = directory.resolve(FILE);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already: another m1go execution in the same Maven
        }
        String holder = read(channel);
        if (lock == null) {
            channel.close();
            throw new UserError(property + ": " + directory + " is in use by another m1go run ("
                    + (holder.isBlank() ? "holder unknown" : holder) + "; lock file " + file + "). Wait for it to "
                    + "finish, or give this run another " + property + ".");
        }
        if (!holder.isBlank()) {
            log.warn("m1go: took over " + file + " from an m1go run that no longer runs (" + holder + ")");
        }
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + now + "\n")
                        .getBytes(StandardCharsets.UTF_8)),
                0);
        channel.force(false);
        return new RunLock(channel, lock);
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(512);
        channel.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    /** Empties the file (a finished run leaves no holder behind) and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
