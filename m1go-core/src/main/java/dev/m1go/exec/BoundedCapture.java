package dev.m1go.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output sink that writes everything to a log stream and keeps in memory only the first {@code headLimit} and the
 * last {@code tailLimit} bytes: a crash report's header and its end both survive a process that prints gigabytes.
 *
 * <p>A write to the log that fails (a full disk) never reaches the pump that drains the process: the log stops, the
 * reason is kept ({@link #logFailure()}), and the capture goes on, so the process is never blocked on a full pipe and
 * its exit status stays its own.
 */
public final class BoundedCapture extends OutputStream {

    private final OutputStream log;
    private final String logName;
    private String logFailure;
    private long logged;
    private final byte[] head;
    private final byte[] tail;
    private int headSize;
    private long tailWritten;
    private long total;

    /** A capture that writes the full text to {@code log} (created or replaced), as every runner does. */
    public static BoundedCapture toFile(java.nio.file.Path log) throws IOException {
        return new BoundedCapture(
                new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(log)),
                log.toString(),
                CommonsExecProcessRunner.HEAD_BYTES,
                CommonsExecProcessRunner.TAIL_BYTES);
    }

    /** A capture without a log file: only the head and the tail are kept. */
    public static BoundedCapture inMemory(int headLimit, int tailLimit) {
        return new BoundedCapture(OutputStream.nullOutputStream(), "(memory)", headLimit, tailLimit);
    }

    BoundedCapture(OutputStream log, String logName, int headLimit, int tailLimit) {
        this.log = log;
        this.logName = logName;
        this.head = new byte[headLimit];
        this.tail = new byte[tailLimit];
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (logFailure == null) {
            try {
                log.write(b, off, len);
                logged += len;
            } catch (IOException e) {
                failed(e);
            }
        }
        total += len;
        int toHead = Math.min(len, head.length - headSize);
        System.arraycopy(b, off, head, headSize, toHead);
        headSize += toHead;
        int from = off + toHead;
        int rest = len - toHead;
        if (rest > tail.length) {
            from += rest - tail.length;
            tailWritten += rest - tail.length;
            rest = tail.length;
        }
        while (rest > 0) {
            int at = (int) (tailWritten % tail.length);
            int n = Math.min(rest, tail.length - at);
            System.arraycopy(b, from, tail, at, n);
            from += n;
            rest -= n;
            tailWritten += n;
        }
    }

    @Override
    public synchronized void flush() {
        if (logFailure == null) {
            try {
                log.flush();
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    @Override
    public synchronized void close() {
        flush();
        try {
            log.close();
        } catch (IOException e) {
            if (logFailure == null) {
                failed(e);
            }
        }
    }

    private void failed(IOException e) {
        logFailure =
                logName + " stops after at most " + logged + " of the bytes the program printed: writing it failed ("
                        + e.getMessage() + "); the rest was read and discarded";
    }

    /** Why the log file is incomplete, or {@code null} when every byte reached it. */
    public synchronized String logFailure() {
        return logFailure;
    }

    public synchronized long total() {
        return total;
    }

    /** The captured text; a marker line says how many bytes were left out in the middle. */
    public synchronized String text() {
        return text(StandardCharsets.UTF_8);
    }

    /** The captured text in {@code charset}. */
    public synchronized String text(java.nio.charset.Charset charset) {
        String first = new String(head, 0, headSize, charset);
        if (tailWritten == 0) {
            return first;
        }
        int kept = (int) Math.min(tailWritten, tail.length);
        byte[] last = new byte[kept];
        int start = (int) (tailWritten % tail.length);
        if (tailWritten <= tail.length) {
            System.arraycopy(tail, 0, last, 0, kept);
        } else {
            System.arraycopy(tail, start, last, 0, tail.length - start);
            System.arraycopy(tail, 0, last, tail.length - start, start);
        }
        long omitted = tailWritten - kept;
        String gap =
                omitted > 0 ? "\n[m1go: " + omitted + " bytes omitted here; the full text is in the log file]\n" : "";
        return first + gap + new String(last, charset);
    }
}
