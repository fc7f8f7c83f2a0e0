package dev.m1go.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Go crash report found in captured output, in any format Go has printed since 1.5: {@code panic: …} (with
 * {@code [recovered]} and nested panics), {@code fatal error: …}, {@code SIGSEGV: segmentation violation} with
 * {@code PC=… m=… sigcode=…}, {@code [signal SIGSEGV: …]} and the pre-1.7 {@code [signal 0xb …]}, {@code unexpected
 * fault address}, {@code signal arrived during cgo execution}, goroutine headers with and without Go 1.22's
 * {@code gp= m= mp=}, {@code runtime stack:}, frames with or without {@code fp= sp= pc=}, {@code created by … in
 * goroutine N}, elided frames and {@code runtime: unknown pc}.
 *
 * @param firstLine     index of the first header line in the lines parsed, or -1 when there is no report
 * @param header        the header lines as printed (trimmed), at most {@value #MAX_HEADER}
 * @param signal        the signal the report names ({@code SIGSEGV}, …), or null
 * @param signalReport  the runtime reported a fatal signal (a {@code SIGxxx:} header, or {@code [signal …]} under
 *                      {@code fatal error: unexpected signal …} or {@code fatal error: fault})
 * @param cgoMarker     {@code signal arrived during cgo execution} was printed
 * @param cgoCheck      a cgo pointer check fired (any wording since Go 1.6, including cgocheck2)
 * @param panicMessage  the message of the first {@code panic:} line without {@code [recovered]}, or null
 * @param fatalMessage  the message of the first {@code fatal error:} line, or null
 * @param frames        the meaningful frames (function names, innermost first) of the first goroutine that has any
 * @param cgoCall       the crashing goroutine was in a cgo call: the first goroutine after the header has
 *                      {@code runtime.cgocall} on top, or the goroutine the frames come from has a {@code _Cfunc_}
 *                      frame innermost
 * @param pc            the faulting PC the report names ({@code PC=0x…} under a {@code SIGxxx:} header, or
 *                      {@code pc=0x…} in a {@code [signal …]} line), or null
 * @param modernGo      the text shows a format of Go 1.21 or later ({@code created by … in goroutine N},
 *                      {@code gp= m=} in goroutine headers): such a runtime prints the cgo marker exactly when the
 *                      signal hit C code
 * @param idleThread    the signal arrived on a thread with no user goroutine: the first goroutine after the header
 *                      is {@code goroutine 0 [idle]}; the frames then come from nowhere else
 * @param framePcs      the Go frames of the goroutine the frames come from, with their offsets and PCs (for a
 *                      symbolizer to find a position-independent binary's load base)
 * @param headerLines   the index of each header line in the lines parsed, parallel to {@code header}
 * @param cFramesInCall gccgo's traceback shows the signal frames directly on unknown (C) frames under a
 *                      {@code _Cfunc_} frame: the signal arrived in C during a cgo call
 * @param windowsException the Windows exception code of an {@code Exception 0xc0000005 …} header (Go on Windows), or
 *                      null
 *
 * <p>The parser is a single pass over the report's lines. The header lines, which say what happened (message,
 * signal, PC, cgo marker), are {@link GoCrashHeader}'s; the goroutine blocks and their frames, which say where, are
 * read here. The two meet at three points only: after a header line no frame of the block in progress counts, a
 * {@code runtime:} line inside a block is not a header line, and the frames count only once the header has begun
 * (and, for an idle thread, only under a fault signal).
 */
record GoCrashReport(
        int firstLine,
        List<String> header,
        String signal,
        boolean signalReport,
        boolean cgoMarker,
        boolean cgoCheck,
        String panicMessage,
        String fatalMessage,
        List<String> frames,
        boolean cgoCall,
        String pc,
        boolean modernGo,
        boolean idleThread,
        List<GoFramePc> framePcs,
        List<Integer> headerLines,
        boolean cFramesInCall,
        String windowsException) {

    static final int MAX_HEADER = 12;
    static final int MAX_FRAMES = 8;

    GoCrashReport {
        header = List.copyOf(header);
        frames = List.copyOf(frames);
        framePcs = List.copyOf(framePcs);
        headerLines = List.copyOf(headerLines);
    }

    /** True when the text holds a crash header. */
    boolean present() {
        return firstLine >= 0;
    }

    /** True when a panic, rather than a throw, is the report. */
    boolean isPanic() {
        return panicMessage != null;
    }

    /** Parses {@code lines} (already stripped of tool prefixes); {@code os} names numeric signals. */
    static GoCrashReport parse(List<String> lines, String os) {
        Parser p = new Parser(os);
        for (int i = 0; i < lines.size(); i++) {
            p.accept(i, lines.get(i), i + 1 < lines.size() ? lines.get(i + 1) : null);
        }
        return p.finish();
    }

    /** The function name of a traceback frame line such as {@code main.f(0x1, …)}, or null. */
    static String frameName(String t) {
        if (t.isEmpty()
                || t.charAt(t.length() - 1) != ')'
                || t.startsWith("created by ")
                || t.startsWith("goroutine ")) {
            return null;
        }
        int depth = 0;
        for (int i = t.length() - 1; i >= 0; i--) {
            char c = t.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                depth--;
                if (depth == 0) {
                    return validName(t.substring(0, i));
                }
            }
        }
        return null;
    }

    private static String validName(String name) {
        if (name.isEmpty() || name.charAt(0) == '/' || name.charAt(0) == '(' || name.charAt(0) == '[') {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == ':' || c == '\'' || c == '"') {
                return null;
            }
        }
        return name.indexOf('.') > 0 || name.equals("panic") ? name : null;
    }

    /** True for frames that say where the program was, not how the runtime reacted. */
    static boolean meaningful(String name) {
        if (isCgoEntry(name)) {
            return true;
        }
        return !(name.equals("panic")
                || name.startsWith("runtime.")
                || name.startsWith("runtime/")
                || name.startsWith("internal/runtime/")
                || name.startsWith("internal/abi."));
    }

    /** True for the cgo-generated frames that mark the entry into C ({@code _Cfunc_…}, {@code _cgo_…}). */
    static boolean isCgoEntry(String name) {
        return name.contains("._Cfunc_")
                || name.contains("._cgo_")
                || name.contains("._Cgo_")
                || name.startsWith("_cgo")
                || name.startsWith("_Cfunc_")
                || name.contains("_cgoexp_");
    }

    /** True when a panic or throw message is one of the cgo pointer checks, in any Go version's wording. */
    static boolean isCgoCheckMessage(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("go pointer") && (m.contains("cgo") || m.contains("non-go memory"));
    }

    /** The {@code 0x…} number starting at {@code from} in {@code t}, of at most 16 digits (64 bits), or null. */
    static String hexAt(String t, int from) {
        int end = from + 2;
        while (end < t.length() && isHexDigit(t.charAt(end))) {
            end++;
        }
        int digits = end - from - 2;
        return digits > 0 && digits <= 16 && t.startsWith("0x", from) ? t.substring(from, end) : null;
    }

    /** An ASCII hex digit: Go prints addresses and offsets with no others. */
    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * Single-pass, line-by-line state machine; no regular expressions. Header lines go to {@link GoCrashHeader}; the
     * goroutine blocks and their frames are read here.
     */
    private static final class Parser {
        private final GoCrashHeader head;
        private List<String> frames = List.of();
        private boolean cgoCall;
        private boolean settled;
        private boolean inBlock;
        private boolean goroutineBlock;
        private boolean firstGoroutineDone;
        private String firstGoroutineTop;
        private String blockTop;
        private final List<String> candidate = new ArrayList<>();
        private final List<GoFramePc> candidatePcs = new ArrayList<>();
        private List<GoFramePc> framePcs = List.of();
        private boolean modernGo;
        private boolean idleThread;
        private boolean idleBlock;
        private String lastName;
        private boolean signalFrameLast;
        private int unknownAfterSignal;
        private boolean blockCFramesInCall;
        private boolean cFramesInCall;

        Parser(String os) {
            this.head = new GoCrashHeader(os);
        }

        void accept(int index, String line, String next) {
            String t = line.trim();
            if (t.isEmpty()) {
                if (inBlock && next != null && isUnknownLocation(next.trim())) {
                    // gccgo prints a frame it cannot name as an empty line over its location ":0"
                    unknownAfterSignal += signalFrameLast || unknownAfterSignal > 0 ? 1 : 0;
                    return;
                }
                endBlock();
                return;
            }
            if (head.accept(index, t, inBlock)) {
                inBlock = false;
                return;
            }
            if (isGoroutineHeader(t) || t.equals("runtime stack:")) {
                endBlock();
                inBlock = true;
                goroutineBlock = t.startsWith("goroutine ");
                modernGo |= goroutineBlock && t.contains(" gp=0x");
                if (goroutineBlock
                        && head.started()
                        && !firstGoroutineDone
                        && !settled
                        && head.faultSignal()
                        && t.startsWith("goroutine 0 ")
                        && t.endsWith("[idle]:")) {
                    idleThread = true;
                    idleBlock = true;
                }
                return;
            }
            if (t.startsWith("created by ") && t.contains(" in goroutine ")) {
                modernGo = true;
            }
            if (inBlock && !settled) {
                if (frameName(t) == null && isGccgoFrame(line, t, next)) {
                    frame(t + "()");
                } else {
                    frame(t);
                }
            }
        }

        /** gccgo's frame line: a bare function name at the start of the line over an indented location line. */
        private static boolean isGccgoFrame(String line, String t, String next) {
            return !line.isEmpty()
                    && !Character.isWhitespace(line.charAt(0))
                    && next != null
                    && !next.isEmpty()
                    && Character.isWhitespace(next.charAt(0))
                    && next.trim().indexOf(':') >= 0
                    && t.indexOf(' ') < 0
                    && t.indexOf('(') < 0
                    && validName(t) != null;
        }

        /** The location gccgo prints for a frame it cannot name: {@code :0} (or {@code ??:0}). */
        private static boolean isUnknownLocation(String t) {
            return t.equals(":0") || t.equals("??:0");
        }

        private static boolean isSignalFrame(String name) {
            return name.equals("runtime.sigtramp")
                    || name.equals("runtime.sigtrampgo")
                    || name.equals("runtime.sighandler")
                    || name.equals("runtime.sigpanic");
        }

        private static boolean isGoroutineHeader(String t) {
            return t.startsWith("goroutine ") && t.endsWith(":") && t.length() > 11 && Character.isDigit(t.charAt(10));
        }

        private void frame(String t) {
            String name = frameName(t);
            if (name == null) {
                framePc(t);
                return;
            }
            lastName = name;
            if (isCgoEntry(name) && unknownAfterSignal > 0) {
                blockCFramesInCall = true;
            }
            signalFrameLast = isSignalFrame(name);
            unknownAfterSignal = 0;
            if (blockTop == null) {
                blockTop = name;
                if (goroutineBlock && !firstGoroutineDone && head.started()) {
                    firstGoroutineTop = name;
                }
            }
            if (meaningful(name) && candidate.size() < MAX_FRAMES) {
                candidate.add(name);
            }
        }

        /** A location line {@code \t/src/x.go:9 +0x13 fp=… sp=… pc=0x4601d3} under the frame {@link #lastName}. */
        private void framePc(String t) {
            int plus = t.indexOf(" +0x");
            int at = t.lastIndexOf(" pc=0x");
            if (lastName == null || plus < 0 || at < plus || candidatePcs.size() >= MAX_FRAMES) {
                return;
            }
            String off = hexAt(t, plus + 2);
            String addr = hexAt(t, at + 4);
            if (off != null && addr != null) {
                candidatePcs.add(new GoFramePc(
                        lastName,
                        Long.parseUnsignedLong(off.substring(2), 16),
                        Long.parseUnsignedLong(addr.substring(2), 16)));
            }
            lastName = null;
        }

        private void endBlock() {
            if (idleBlock && !settled) {
                // the signal arrived on an idle thread: no other goroutine's frames may stand for it
                settled = true;
                frames = List.of();
                framePcs = List.copyOf(candidatePcs);
                cgoCall = false;
            } else if (!settled && !candidate.isEmpty()) {
                settled = true;
                frames = List.copyOf(candidate);
                framePcs = List.copyOf(candidatePcs);
                cgoCall = isCgoCallTop(blockTop) || isCgoEntry(candidate.get(0)) || blockCFramesInCall;
                cFramesInCall = blockCFramesInCall;
            }
            signalFrameLast = false;
            unknownAfterSignal = 0;
            blockCFramesInCall = false;
            idleBlock = false;
            lastName = null;
            candidatePcs.clear();
            if (goroutineBlock && head.started()) {
                firstGoroutineDone = true;
            }
            candidate.clear();
            blockTop = null;
            inBlock = false;
            goroutineBlock = false;
        }

        private static boolean isCgoCallTop(String name) {
            return name != null && (name.equals("runtime.cgocall") || name.equals("runtime.asmcgocall"));
        }

        GoCrashReport finish() {
            endBlock();
            boolean inCall = !idleThread && (cgoCall || isCgoCallTop(firstGoroutineTop));
            return new GoCrashReport(
                    head.firstLine(),
                    head.lines(),
                    head.signal(),
                    head.signalReport(),
                    head.cgoMarker(),
                    head.cgoCheck(),
                    head.panicMessage(),
                    head.fatalMessage(),
                    frames,
                    inCall,
                    head.pc(),
                    modernGo,
                    idleThread,
                    framePcs,
                    head.lineIndexes(),
                    cFramesInCall,
                    head.windowsException());
        }
    }
}
