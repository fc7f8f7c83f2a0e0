package dev.m1go.maven;

import dev.m1go.core.Log;

/**
 * The engine's log, into Maven's. In a reactor of several modules (where {@code -T 2} interleaves them) every line
 * starts with the module's artifactId: {@code [cgo-matrix] [ 3/12] c-abort …}.
 */
final class MavenLog implements Log {
    private final org.apache.maven.plugin.logging.Log log;
    private final String prefix;

    MavenLog(org.apache.maven.plugin.logging.Log log) {
        this(log, null);
    }

    /** @param module the artifactId to name in each line, or {@code null} for none */
    MavenLog(org.apache.maven.plugin.logging.Log log, String module) {
        this.log = log;
        this.prefix = module == null ? "" : "[" + module + "] ";
    }

    @Override
    public void info(String message) {
        log.info(prefix + message);
    }

    @Override
    public void warn(String message) {
        log.warn(prefix + message);
    }

    @Override
    public void debug(String message) {
        log.debug(prefix + message);
    }
}
