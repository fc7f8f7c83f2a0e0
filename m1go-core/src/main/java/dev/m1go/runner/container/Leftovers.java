package dev.m1go.runner.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which Docker objects belong to which m1go run, and removing those of runs that no longer live. Every object carries
 * the run's labels: {@value #RUN_LABEL} = {@code <pid>-<JVM start in epoch millis>} (a reused PID is not taken for a
 * live run) and {@value #HOST_LABEL} = the host name (a PID means something only on its own host).
 */
final class Leftovers {

    /** This run: {@code <pid>-<JVM start in epoch millis>}. */
    static final String RUN_LABEL = "dev.m1go.run";
    /** The host name of the run, whose PID the run label holds. */
    static final String HOST_LABEL = "dev.m1go.host";

    private static final String RUN_ID = runId(ProcessHandle.current());
    private static final String HOST_NAME = hostName();

    private Leftovers() {}

    /** The labels of an object of this run: {@code kindLabel=kind}, the run and the host. */
    static Map<String, String> labels(String kindLabel, String kind) {
        return Map.of(kindLabel, kind, RUN_LABEL, RUN_ID, HOST_LABEL, HOST_NAME);
    }

    static String runId(ProcessHandle p) {
        return p.pid() + "-"
                + p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * Whether labels name an m1go run of {@code thisHost} that no longer lives. Objects of a live run, of another
     * host, or without the run labels (older versions, other tools) are never left-overs.
     */
    static boolean leftOver(Map<String, String> labels, String kindLabel, String thisHost) {
        if (labels == null || !labels.containsKey(kindLabel) || !thisHost.equals(labels.get(HOST_LABEL))) {
            return false;
        }
        String run = labels.get(RUN_LABEL);
        int dash = run == null ? -1 : run.indexOf('-');
        if (dash < 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(run.substring(0, dash));
            return ProcessHandle.of(pid).map(p -> !runId(p).equals(run)).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String hostNameOfThisRun() {
        return HOST_NAME;
    }

    /** Removes containers, then images, that runs of this host which no longer live left behind. */
    static void sweep(DockerClient c, String kindLabel, BiConsumer<DockerClient, String> removeContainer) {
        try {
            for (var k : c.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(List.of(kindLabel))
                    .exec()) {
                if (leftOver(k.getLabels(), kindLabel, HOST_NAME)) {
                    removeContainer.accept(c, k.getId());
                }
            }
            for (var i : c.listImagesCmd().withLabelFilter(kindLabel).exec()) {
                if (leftOver(i.getLabels(), kindLabel, HOST_NAME)) {
                    try {
                        c.removeImageCmd(i.getId()).withForce(true).exec();
                    } catch (DockerException e) {
                        // in use by a live run's container, or gone already
                    }
                }
            }
        } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
            // the sweep is a courtesy: the run goes on without it
        }
    }
}
