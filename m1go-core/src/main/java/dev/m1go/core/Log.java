package dev.m1go.core;

/** Where the engine's messages go (the Maven log, in the plugin). */
public interface Log {
    void info(String message);

    void warn(String message);

    /** Details a user sees with {@code mvn -X}. */
    default void debug(String message) {}
}
