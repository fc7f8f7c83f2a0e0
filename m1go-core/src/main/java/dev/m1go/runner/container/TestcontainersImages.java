package dev.m1go.runner.container;

import org.testcontainers.utility.TestcontainersConfiguration;

/** The images Testcontainers itself would start, by the names its configuration gives (no engine is contacted). */
final class TestcontainersImages {

    private TestcontainersImages() {
    }

    /** Ryuk, started unless {@code TESTCONTAINERS_RYUK_DISABLED=true}. */
    static String ryuk() {
        return TestcontainersConfiguration.getInstance().getRyukImage();
    }

    /** The small image run to find the gateway when the JVM seems to run inside a container. */
    static String tiny() {
        return TestcontainersConfiguration.getInstance().getTinyImage();
    }
}
