package dev.m1go.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header of a Go crash report as {@link GoCrashReport}'s parser meets it, one line at a time: the lines that say
 * what happened ({@code panic: …}, {@code fatal error: …}, {@code SIGSEGV: …} with its {@code PC=…},
 * {@code [signal …]}, {@code unexpected fault address}, the cgo marker, the cgo pointer checks, {@code runtime: …}
 * lines and the Windows {@code Exception 0x…} header), as opposed to the goroutine tracebacks that say where, which
 * the parser reads itself.
 * It keeps the first line of each kind that decides (the first message, signal and PC), up to
 * {@value GoCrashReport#MAX_HEADER} lines as printed, and whether the runtime reported a fatal signal.
 */
final class GoCrashHeader {

    private final String os;
    private int firstLine = -1;
    private final List<String> lines = new ArrayList<>();
    private final List<Integer> lineIndexes = new ArrayList<>();
    private String signal;
    private boolean sigHeader;
    private boolean bracketSignal;
    private boolean unexpectedFault;
    private boolean cgoMarker;
    private boolean cgoCheck;
    private String panicMessage;
    private String fatalMessage;
    private String pc;
    private String windowsException;

    /** {@code os} names numeric signals. */
    GoCrashHeader(String os) {
        this.os = os;
    }

    /**
     * Takes {@code t} (a trimmed, non-empty line at {@code index}) when it is a header line, and says so; the parser
     * then reads no more frames of the block in progress. {@code inBlock} says a goroutine block is open: a
     * {@code runtime: …} line there is part of the traceback, not of the header.
     */
    boolean accept(int index, String t, boolean inBlock) {
        char c = t.charAt(0);
        if (c != 'p' && c != 'f' && c != 'S' && c != '[' && c != 'u' && c != 's' && c != 'r' && c != 'w' && c != 'P'
                && c != 'E') {
            return false;
        }
        if (t.startsWith("Exception 0x") && firstLine < 0) {
            int end = t.indexOf(' ', 10);
            windowsException = (end < 0 ? t.substring(10) : t.substring(10, end)).toLowerCase(Locale.ROOT);
            sigHeader = true;
            setSignal(windowsSignal(windowsException));
            return add(index, t);
        }
        if (t.startsWith("panic: ")) {
            String msg = withoutRecovered(t.substring(7));
            if (panicMessage == null) {
                panicMessage = msg;
            }
            cgoCheck |= GoCrashReport.isCgoCheckMessage(msg);
            return add(index, t);
        }
        if (t.startsWith("panic during panic")) {
            if (panicMessage == null) {
                panicMessage = "panic during panic";
            }
            return add(index, t);
        }
        if (t.startsWith("fatal error: ")) {
            String msg = t.substring(13);
            if (fatalMessage == null) {
                fatalMessage = msg;
            }
            cgoCheck |= GoCrashReport.isCgoCheckMessage(msg);
            return add(index, t);
        }
        if (t.startsWith("[signal ")) {
            int at = t.indexOf(" pc=0x");
            if (pc == null && at > 0) {
                pc = GoCrashReport.hexAt(t, at + 4);
            }
            bracketSignal = true;
            setSignal(bracketSignalName(t));
            return add(index, t);
        }
        if (t.startsWith("SIG")) {
            String name = sigHeaderName(t);
            if (name != null) {
                sigHeader = true;
                setSignal(name);
                return add(index, t);
            }
            return false;
        }
        if (t.startsWith("PC=0x") && firstLine >= 0) {
            if (pc == null) {
                pc = GoCrashReport.hexAt(t, 3);
            }
            return add(index, t);
        }
        if (t.startsWith("unexpected fault address")) {
            unexpectedFault = true;
            return add(index, t);
        }
        if (t.equals("signal arrived during cgo execution")
                || t.equals("signal arrived during external code execution")) {
            cgoMarker = true;
            return add(index, t);
        }
        if (t.startsWith("signal ")
                && (t.contains(" received but handler not on signal stack")
                        || t.contains(" received on thread with no signal stack"))) {
            int end = t.indexOf(' ', 7);
            setSignal(Signals.parse(os, end > 7 ? t.substring(7, end) : ""));
            return add(index, t);
        }
        if ((t.startsWith("runtime: ") || t.startsWith("write of ")) && !inBlock) {
            if (t.startsWith("write of ") && !t.contains("Go pointer")) {
                return false;
            }
            return add(index, t);
        }
        return false;
    }

    private boolean add(int index, String t) {
        if (firstLine < 0) {
            firstLine = index;
        }
        if (lines.size() < GoCrashReport.MAX_HEADER) {
            lines.add(t);
            lineIndexes.add(index);
        }
        return true;
    }

    private void setSignal(String name) {
        if (signal == null && name != null) {
            signal = name;
        }
    }

    private String bracketSignalName(String t) {
        int start = 8;
        int end = start;
        while (end < t.length() && t.charAt(end) != ':' && t.charAt(end) != ' ' && t.charAt(end) != ']') {
            end++;
        }
        String token = t.substring(start, end);
        if (token.startsWith("SIG")) {
            return token;
        }
        return Signals.parse(os, token);
    }

    private static String sigHeaderName(String t) {
        int colon = t.indexOf(':');
        if (colon < 4 || colon > 12) {
            return null;
        }
        String name = t.substring(0, colon);
        for (int i = 3; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z') && !(ch >= '0' && ch <= '9')) {
                return null;
            }
        }
        boolean known = Signals.number(Signals.LINUX, name) > 0 || Signals.number(Signals.DARWIN, name) > 0;
        return known ? name : null;
    }

    private static String withoutRecovered(String msg) {
        int i = msg.lastIndexOf(" [recovered");
        return i > 0 && msg.endsWith("]") ? msg.substring(0, i) : msg;
    }

    /**
     * The signal Go's runtime on Windows reports for an exception code (its own table, not an OS signal number):
     * access violations and in-page errors are SIGSEGV, illegal instructions SIGILL, arithmetic exceptions SIGFPE,
     * breakpoints SIGTRAP; null for any other code.
     */
    static String windowsSignal(String code) {
        return switch (code) {
            case "0xc0000005", "0xc0000006" -> "SIGSEGV";
            case "0xc000001d", "0xc0000096" -> "SIGILL";
            case "0xc0000094", "0xc0000095", "0xc000008e", "0xc000008f", "0xc0000090", "0xc0000091", "0xc0000093" ->
                "SIGFPE";
            case "0x80000003" -> "SIGTRAP";
            default -> null;
        };
    }

    /** True once a header line was seen: the report has begun. */
    boolean started() {
        return firstLine >= 0;
    }

    /** A signal that stops the program where it was (not a dump asked for from outside). */
    boolean faultSignal() {
        return signal != null
                && !signal.equals("SIGQUIT")
                && !signal.equals("SIGTERM")
                && !signal.equals("SIGINT")
                && !signal.equals("SIGHUP");
    }

    /**
     * The runtime reported a fatal signal: a {@code SIGxxx:} or Windows exception header, {@code [signal …]} under
     * {@code fatal error: unexpected signal …} or {@code fatal error: fault} (or with no panic), or an unexpected fault
     * address.
     */
    boolean signalReport() {
        boolean fatalSignal =
                fatalMessage != null && (fatalMessage.startsWith("unexpected signal") || fatalMessage.equals("fault"));
        return sigHeader || (bracketSignal && (fatalSignal || panicMessage == null)) || unexpectedFault;
    }

    int firstLine() {
        return firstLine;
    }

    List<String> lines() {
        return lines;
    }

    List<Integer> lineIndexes() {
        return lineIndexes;
    }

    String signal() {
        return signal;
    }

    boolean cgoMarker() {
        return cgoMarker;
    }

    boolean cgoCheck() {
        return cgoCheck;
    }

    String panicMessage() {
        return panicMessage;
    }

    String fatalMessage() {
        return fatalMessage;
    }

    String pc() {
        return pc;
    }

    String windowsException() {
        return windowsException;
    }
}
