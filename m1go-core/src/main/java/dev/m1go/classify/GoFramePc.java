package dev.m1go.classify;

import java.util.Objects;

/**
 * One Go frame of a crash report with where it was: {@code main.main()} / {@code main.go:9 +0x13 … pc=0x4601d3}
 * gives function {@code main.main}, offset {@code 0x13} from its entry and PC {@code 0x4601d3} as the process saw
 * it. The symbol table of the binary gives the function's entry; the difference is the load base of a
 * position-independent binary.
 *
 * @param function the Go function name
 * @param offset   the PC's offset from the function's entry
 * @param pc       the PC in the running process
 */
public record GoFramePc(String function, long offset, long pc) {

    public GoFramePc {
        Objects.requireNonNull(function, "function");
    }
}
