package dev.m1go.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Keeps the INFO lines of Testcontainers and docker-java out of the build's log. The container runner and the engine
 * probe use them, and they log through SLF4J, which inside Maven is Maven's own logger: without this, lines such as
 * "Failure when attempting to lookup auth config …" (Testcontainers looks for registry credentials on every
 * container it creates, although m1go never pulls) and "Found Docker environment …" appear in the log as if they
 * were m1go's.
 *
 * <p>Maven's SLF4J provider gives a logger the level of the most specific {@code org.slf4j.simpleLogger.log.<name>}
 * (Maven 3) or {@code maven.logger.log.<name>} (Maven 4) system property it finds when the logger is created, and
 * a class's logger is created when that class is first used. So both properties are set to {@code warn} for the
 * two libraries' packages before a goal that talks to a container engine runs: WARN and ERROR lines still show. They
 * stay set for the rest of that Maven process (another plugin that uses Testcontainers later in the same build logs
 * at WARN too). Nothing is set with {@code -X} (Maven then logs everything at DEBUG), nor for a package whose level
 * is already set by either property ({@code -Dorg.slf4j.simpleLogger.log.org.testcontainers=info} shows them again);
 * and a library class used earlier in the same process, by another plugin, keeps the level it got then.
 */
final class LibraryLogging {

    /** The loggers' common name prefixes: Testcontainers' and docker-java's packages. */
    static final List<String> PACKAGES = List.of("org.testcontainers", "com.github.dockerjava");

    private static final List<String> PROPERTY_PREFIXES = List.of("org.slf4j.simpleLogger.log.", "maven.logger.log.");

    private LibraryLogging() {}

    /**
     * Raises the libraries' level to WARN in these (system) properties unless {@code debug} or already set.
     *
     * @return the properties set ({@code name=warn})
     */
    static List<String> quiet(boolean debug, Properties properties) {
        List<String> set = new ArrayList<>();
        if (debug) {
            return set;
        }
        for (String pkg : PACKAGES) {
            if (PROPERTY_PREFIXES.stream().anyMatch(p -> properties.getProperty(p + pkg) != null)) {
                continue;
            }
            for (String p : PROPERTY_PREFIXES) {
                properties.setProperty(p + pkg, "warn");
                set.add(p + pkg + "=warn");
            }
        }
        return set;
    }
}
