package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Testcontainers' and docker-java's loggers at WARN under Maven 3's and 4's SLF4J provider, unless set already. */
class LibraryLoggingTest {

    @Test
    void bothLibraries_atWarn_underBothProvidersNames() {
        Properties p = new Properties();
        assertThat(LibraryLogging.quiet(false, p)).hasSize(4);
        assertThat(p)
                .containsEntry("org.slf4j.simpleLogger.log.org.testcontainers", "warn")
                .containsEntry("maven.logger.log.org.testcontainers", "warn")
                .containsEntry("org.slf4j.simpleLogger.log.com.github.dockerjava", "warn")
                .containsEntry("maven.logger.log.com.github.dockerjava", "warn");
    }

    @Test
    void aLevelTheUserSet_isKept_underEitherName() {
        Properties p = new Properties();
        p.setProperty("org.slf4j.simpleLogger.log.org.testcontainers", "info");
        p.setProperty("maven.logger.log.com.github.dockerjava", "debug");
        assertThat(LibraryLogging.quiet(false, p)).isEmpty();
        assertThat(p)
                .hasSize(2)
                .containsEntry("org.slf4j.simpleLogger.log.org.testcontainers", "info")
                .containsEntry("maven.logger.log.com.github.dockerjava", "debug");
    }

    @Test
    void withDebug_nothingIsSet() {
        Properties p = new Properties();
        assertThat(LibraryLogging.quiet(true, p)).isEmpty();
        assertThat(p).isEmpty();
    }

    @Test
    void onlyTheGoalsThatReachAnEngine_setIt() {
        assertThat(new ReproduceMojo().talksToContainerEngine()).isTrue();
        assertThat(new DoctorMojo().talksToContainerEngine()).isTrue();
        assertThat(new MergeMojo().talksToContainerEngine()).isFalse();
        assertThat(new ClassifyMojo().talksToContainerEngine()).isFalse();
        assertThat(new InspectMojo().talksToContainerEngine()).isFalse();
    }
}
