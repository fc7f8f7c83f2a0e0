package dev.m1go.runner.container;

import dev.m1go.host.DockerEndpoint;
import dev.m1go.host.EngineProbe;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the container runner asks of a Docker engine once m1go has seen it answer. The real one is
 * {@link TestcontainersBackend}; tests may stand in for it.
 */
interface ContainerBackend {

    /** A file of an image's build context. */
    record ContextFile(String name, byte[] content, int mode) {}

    /**
     * What one container did; its output went to the streams given to {@link #run}.
     *
     * @param oomKilled the engine's OOM killer ended a process of the container ({@code State.OOMKilled})
     */
    record ContainerRun(Long exitCode, String startFailure, boolean timedOut, long durationMillis, boolean oomKilled) {
        ContainerRun(Long exitCode, String startFailure, boolean timedOut, long durationMillis) {
            this(exitCode, startFailure, timedOut, durationMillis, false);
        }
    }

    /**
     * Connects (once) to {@code endpoint}; throws with the reason when the connection is not the one m1go checked,
     * or does not come up in time.
     */
    void connect(DockerEndpoint endpoint, String apiVersion, Duration limit) throws EngineProbe.Unreachable;

    /** Builds {@code tag} for {@code platform} from a Dockerfile and files, never pulling. */
    void buildImage(String tag, String platform, String dockerfile, List<ContextFile> files, Duration limit)
            throws IOException;

    /**
     * Runs one container of {@code image} for {@code platform} with network mode {@code none}; sends SIGQUIT when
     * {@code timeout} runs out, kills it after {@code quitGrace}, reads its exit code, streams its logs frame by frame
     * into {@code stdout} and {@code stderr} (never holding them whole), removes it.
     *
     * @param memoryBytes the container's memory limit, swap included (the engine's {@code Memory} and
     *                    {@code MemorySwap}); 0 for none
     */
    ContainerRun run(
            String image,
            String platform,
            List<String> argv,
            Map<String, String> environment,
            String workingDirectory,
            Duration timeout,
            Duration quitGrace,
            long memoryBytes,
            java.io.OutputStream stdout,
            java.io.OutputStream stderr)
            throws IOException;

    /** Removes an image m1go built; missing is fine. */
    void removeImage(String tag);

    /** Removes every container and image m1go created and has not removed yet (JVM shutdown, Ctrl-C). */
    void removeAll();
}
