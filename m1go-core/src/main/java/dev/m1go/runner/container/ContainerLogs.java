package dev.m1go.runner.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * A finished container's standard output and error, streamed frame by frame into the caller's streams (bounded
 * captures that also write the log files), never held whole.
 */
final class ContainerLogs {

    private ContainerLogs() {}

    /** Streams every frame of container {@code id} into {@code out} or {@code err}, by the stream it came from. */
    static void read(DockerClient c, String id, OutputStream out, OutputStream err) throws IOException {
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            c.logContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(false)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            byte[] p = frame.getPayload();
                            if (p == null) {
                                return;
                            }
                            try {
                                (frame.getStreamType() == StreamType.STDERR ? err : out).write(p, 0, p.length);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            failure.set(t); // reported below, not logged with a stack trace by docker-java
                            try {
                                close();
                            } catch (IOException e) {
                                // closing the stream of a gone container
                            }
                        }
                    })
                    .awaitCompletion(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the logs of container " + id, e);
        }
        if (failure.get() != null) {
            throw new IOException("cannot read the logs of container " + id + ": "
                    + TestcontainersBackend.rootMessage(failure.get()));
        }
    }
}
