package dev.m1go.binary;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One C frame of a crash, symbolized against the binary that crashed.
 *
 * @param pc       the address as the process saw it ({@code 0x482834})
 * @param function the C function, or null when the address could not be symbolized
 * @param file     its source file, or null
 * @param line     the line, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CFrame(String pc, String function, String file, Integer line) {

    /**
     * {@code crashed in m1go_segv (main.go:9)}, or for a PC outside the binary {@code crashed outside the binary at
     * 0x7f… (a shared library), called from m1go_abort (main.go:9)}; null when no frame names a function.
     */
    public static String crashedIn(java.util.List<CFrame> frames) {
        if (frames == null || frames.isEmpty()) {
            return null;
        }
        CFrame top = frames.get(0);
        if (top.function() != null) {
            return "crashed in " + top.describe();
        }
        return frames.size() > 1 && frames.get(1).function() != null
                ? "crashed outside the binary at " + top.pc() + " (a shared library), called from "
                        + frames.get(1).describe()
                : null;
    }

    /** {@code m1go_abort (main.go:9)}, {@code m1go_abort}, or {@code 0x7f… (not symbolized)}. */
    public String describe() {
        if (function == null) {
            return pc + " (not symbolized)";
        }
        if (file == null) {
            return function;
        }
        String shortFile = file.substring(file.lastIndexOf('/') + 1);
        return function + " (" + shortFile + (line == null ? "" : ":" + line) + ")";
    }
}
