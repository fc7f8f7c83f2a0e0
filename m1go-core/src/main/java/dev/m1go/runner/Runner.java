package dev.m1go.runner;

import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import java.io.IOException;
import java.util.List;

/**
 * A way to execute a built binary: {@code native}, {@code rosetta}, {@code qemu}, {@code binfmt}, {@code container}.
 */
public interface Runner {

    /** The name used in {@code m1go.runners}, reports and cell names. */
    String name();

    /** Whether this runner is meant for binaries of this platform on this host (a cell exists for it). */
    boolean appliesTo(Os os, Arch arch);

    /** Whether it can run them now; an unavailable runner's cells are SKIPPED with the reason. */
    Availability availability(Os os, Arch arch);

    /** Whether binaries run through it are translated (emulated) rather than executed by the CPU. */
    boolean translates(Arch arch);

    /** Whether it needs a statically linked binary (a {@code FROM scratch} container has no C runtime). */
    default boolean needsStaticBinary() {
        return false;
    }

    /**
     * Whether the default matrix (an empty {@code m1go.runners}) takes this runner. A runner that adds no translator
     * of its own on this host, at the price of builds of its own, is left for {@code m1go.runners} to name.
     */
    default boolean inDefaultMatrix() {
        return true;
    }

    /**
     * Whether one cell takes this runner much longer than a plain process start (a container image to build): its
     * runs come after the quick ones, and the builds it needs after the others.
     */
    default boolean startsSlowly() {
        return false;
    }

    /**
     * The matrix run is over: release what the runner kept for its cells (images, …). Called once, also when the
     * run stopped on an error.
     */
    default void finish() {}

    /**
     * What the report should say about this runner on this host (found while planning, and what it did once the run
     * is over), one sentence each.
     */
    default List<String> notes() {
        return List.of();
    }

    /**
     * Runs the binary {@code spec.argv().get(0)} built for {@code arch}. A crash or non-zero exit is a result, not an
     * exception.
     *
     * @throws CannotRun when the runner's own machinery failed for this cell (an image build refused by the engine, a
     *                   lost connection): the cell did not run, the rest of the matrix goes on
     * @throws IOException when m1go cannot write its own files
     */
    ProcessResult run(ProcessSpec spec, Arch arch) throws IOException;

    /** The runner could not run one cell; the message says what failed and is the cell's reason. */
    final class CannotRun extends IOException {
        private static final long serialVersionUID = 1L;

        public CannotRun(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A runner's verdict on whether it can serve a platform. */
    record Availability(boolean available, String reason) {
        public static Availability yes() {
            return new Availability(true, null);
        }

        public static Availability no(String reason) {
            return new Availability(false, reason);
        }
    }
}
