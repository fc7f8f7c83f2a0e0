package dev.m1go.toolchain;

import dev.m1go.exec.Launch;
import dev.m1go.host.Arch;

/** How to start a program of a given architecture here (natively, or through binfmt or Rosetta). */
public interface Launcher {

    /** The way to start programs of {@code arch} and everything they start in turn. */
    Launch launchFor(Arch arch) throws CannotLaunchException;

    /** This host cannot start programs of an architecture; the message says what to install or enable. */
    final class CannotLaunchException extends Exception {
        private static final long serialVersionUID = 1L;

        public CannotLaunchException(String message) {
            super(message);
        }
    }
}
