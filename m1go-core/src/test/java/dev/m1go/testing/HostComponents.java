package dev.m1go.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real host components a unit test needs (a compiler, an emulator, a Go installation). On a developer's machine a
 * missing one skips the test; under {@code CI=true} it fails it, because CI installs everything and a skip there
 * means something is broken. A test written for another platform ({@link #onlyOn}) skips everywhere, CI included:
 * there is nothing to install. The ITs follow the same rules (it/…/Components.java).
 */
public final class HostComponents {

    private HostComponents() {}

    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the test on any other platform, under {@code CI=true} too. */
    public static void onlyOn(boolean platform, String which) {
        assumeTrue(platform, "a test for " + which);
    }

    /** Skips the test (fails it under {@code CI=true}) unless {@code present}. */
    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String message = what + " is missing: run scripts/install-linux-matrix.sh (as root) to install it";
        if (onCi()) {
            fail("CI=true but " + message);
        }
        assumeTrue(false, message);
    }
}
