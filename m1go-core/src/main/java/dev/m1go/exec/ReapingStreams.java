package dev.m1go.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.exec.ExecuteStreamHandler;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * commons-exec's pumps, stopped the way m1go needs: commons-exec calls {@link #stop()} right after the process
 * exited, so this is where whatever the program left behind is killed, which closes the pipes a background child
 * held open. Joining the pumps then never times out into commons-exec's invalid exit value (-559038737); if a
 * process out of m1go's reach still holds a pipe, the capture ends there, says so, and the exit status stays real.
 */
final class ReapingStreams implements ExecuteStreamHandler {

    private static final java.time.Duration JOIN = java.time.Duration.ofSeconds(5);

    private final PumpStreamHandler pumps;
    private final Containment box;
    private volatile int leftovers;
    private volatile String abandoned;

    ReapingStreams(PumpStreamHandler pumps, Containment box) {
        this.pumps = pumps;
        this.box = box;
        pumps.setStopTimeout(JOIN);
    }

    @Override
    public void setProcessInputStream(OutputStream os) throws IOException {
        box.leaveAfterStart(); // the process exists: the starting thread leaves its group before the pumps start
        pumps.setProcessInputStream(os);
    }

    @Override
    public void setProcessErrorStream(InputStream is) throws IOException {
        pumps.setProcessErrorStream(is);
    }

    @Override
    public void setProcessOutputStream(InputStream is) throws IOException {
        pumps.setProcessOutputStream(is);
    }

    @Override
    public void start() {
        pumps.start();
    }

    @Override
    public void stop() {
        leftovers = box.killAll();
        try {
            pumps.stop();
        } catch (IOException e) {
            abandoned = "the output was still held open " + JOIN.toSeconds() + " s after the program exited (by a "
                    + "process m1go could not end); the capture stops there";
        }
    }

    /** How many processes the program left behind, killed after it exited. */
    int leftovers() {
        return leftovers;
    }

    /** Why the capture ended before the pipes did, or {@code null}. */
    String abandoned() {
        return abandoned;
    }
}
