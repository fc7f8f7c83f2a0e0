package dev.m1go.maven;

import dev.m1go.core.Log;

/** The engine's log, into Maven's. */
final class MavenLog implements Log {
    private final org.apache.maven.plugin.logging.Log log;

    MavenLog(org.apache.maven.plugin.logging.Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
