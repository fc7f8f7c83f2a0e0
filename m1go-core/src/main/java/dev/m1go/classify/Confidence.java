package dev.m1go.classify;

/**
 * How sure a reading of a log is: {@link #HIGH} when a decisive line (a crash header, a linker's complaint, a
 * shell's report of the death, an exit status given) decides it, {@link #MEDIUM} when the outcome rests on what the
 * log lacks (only warnings, no exit status), {@link #LOW} when nothing in the text decides it (a fragment).
 */
public enum Confidence {
    HIGH,
    MEDIUM,
    LOW
}
