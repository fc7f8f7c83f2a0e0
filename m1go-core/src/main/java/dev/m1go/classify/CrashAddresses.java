package dev.m1go.classify;

import java.util.List;

/**
 * The addresses of a Go crash report that a symbolizer maps back to C: the faulting PC, the Go frames with their
 * PCs (to find the load base of a position-independent binary), the C entry point of the cgo call the crashing
 * goroutine was in, and the name of the C function it called.
 *
 * @param pc        the faulting PC ({@code PC=0x…} or the {@code pc=0x…} of a {@code [signal …]} line), or null
 * @param goFrames  Go frames of the crashing goroutine with offsets and PCs
 * @param cgoEntry  the first argument of {@code runtime.cgocall(0x…, …)}: the address of cgo's C wrapper, or null
 * @param cFunction the C function the cgo call entered ({@code m1go_abort} from {@code main._Cfunc_m1go_abort}),
 *                  or null
 * @param inC       the report prints the cgo marker: the signal arrived while C code ran
 */
public record CrashAddresses(String pc, List<GoFramePc> goFrames, String cgoEntry, String cFunction, boolean inC) {

    public CrashAddresses {
        goFrames = List.copyOf(goFrames);
    }

    /** The addresses of the crash report in {@code text}; all null when there is none. */
    public static CrashAddresses of(String text, String os) {
        List<String> lines = LogText.lines(text);
        GoCrashReport r = GoCrashReport.parse(lines, os);
        if (!r.present()) {
            return new CrashAddresses(null, List.of(), null, null, false);
        }
        String entry = null;
        if (!r.idleThread()) {
            for (int i = r.firstLine(); i < lines.size() && entry == null; i++) {
                String t = lines.get(i).trim();
                if (t.startsWith("runtime.cgocall(0x")) {
                    int end = t.indexOf(',');
                    entry = t.substring("runtime.cgocall(".length(), end < 0 ? t.length() - 1 : end);
                }
            }
        }
        String function = null;
        for (String f : r.frames()) {
            int at = f.indexOf("._Cfunc_");
            if (at >= 0) {
                function = f.substring(at + "._Cfunc_".length());
                break;
            }
        }
        return new CrashAddresses(r.pc(), r.framePcs(), entry, function, r.cgoMarker());
    }
}
