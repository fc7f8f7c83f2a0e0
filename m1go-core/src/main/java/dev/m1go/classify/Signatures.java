package dev.m1go.classify;

import java.util.List;

/**
 * Builds signatures: fingerprints that stay the same across runs, machines and addresses, so that the same failure
 * on five toolchains and three runners clusters into one. Shape: {@code OUTCOME [SIGNAL] [reason] | f1 < f2 < …}
 * where the reason is the normalized panic, throw or complaint and the frames are function names, innermost first.
 */
public final class Signatures {

    /** How many frames a signature keeps. */
    public static final int FRAMES = 5;

    private Signatures() {}

    /** The signature for an outcome, an optional signal and reason, and the meaningful frames. */
    public static String of(Outcome outcome, String signal, String reason, List<String> frames) {
        StringBuilder sb = new StringBuilder(outcome.name());
        if (signal != null) {
            sb.append(' ').append(signal);
        }
        if (reason != null && !reason.isBlank()) {
            sb.append(' ').append(normalize(reason));
        }
        if (frames != null && !frames.isEmpty()) {
            sb.append(" |");
            for (int i = 0; i < Math.min(FRAMES, frames.size()); i++) {
                sb.append(i == 0 ? " " : " < ").append(frames.get(i));
            }
        }
        return sb.toString();
    }

    /**
     * The signature of a crash in C with the C function as its innermost frame ({@code CGO_SIGNAL SIGSEGV |
     * m1go_segv < main._Cfunc_m1go_segv < main.main}): the function, not the line, so one crash stays one cluster
     * across toolchains and versions.
     */
    public static String withCFunction(String signature, String function) {
        if (signature == null || function == null || function.isBlank()) {
            return signature;
        }
        int bar = signature.indexOf(" | ");
        return bar < 0
                ? signature + " | " + function
                : signature.substring(0, bar + 3) + function + " < " + signature.substring(bar + 3);
    }

    /**
     * Removes what changes between runs and machines from one line of tool output: directories (a path keeps its
     * last element), Go's work directories, hexadecimal numbers ({@code 0x?}), process ids in brackets, and repeated
     * whitespace. Linear; no regular expressions.
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int n = Math.min(text.length(), 400);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                i++;
            } else if (c == '0'
                    && i + 2 < n
                    && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
                    && isHex(text.charAt(i + 2))
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i += 2;
                while (i < n && isHex(text.charAt(i))) {
                    i++;
                }
                out.append("0x?");
            } else if (c == '[' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                if (j < n && text.charAt(j) == ']') {
                    out.append("[N]");
                    i = j + 1;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                int end = tokenEnd(text, i, n);
                out.append(basename(text.substring(i, end)));
                i = end;
            }
        }
        return out.toString().trim();
    }

    private static int tokenEnd(String text, int i, int n) {
        int j = i;
        while (j < n && !Character.isWhitespace(text.charAt(j))) {
            char c = text.charAt(j);
            if (j > i
                    && c == '0'
                    && j + 1 < n
                    && text.charAt(j + 1) == 'x'
                    && !Character.isLetterOrDigit(text.charAt(j - 1))) {
                break;
            }
            j++;
        }
        return j;
    }

    /** {@code '/usr/lib/x/libfoo.a(foo.o):'} becomes {@code 'libfoo.a(foo.o):'}; quotes and backticks are kept. */
    private static String basename(String token) {
        int slash = token.lastIndexOf('/');
        if (slash < 0) {
            return token;
        }
        int lead = 0;
        while (lead < token.length() && "'\"`(".indexOf(token.charAt(lead)) >= 0) {
            lead++;
        }
        if (lead < token.length()
                && token.charAt(lead) != '/'
                && token.charAt(lead) != '.'
                && token.charAt(lead) != '$'
                && token.indexOf("://") < 0
                && !(lead + 1 < token.length() && token.charAt(lead + 1) == ':')) {
            // not a path (e.g. "Trace/breakpoint"): keep as is unless it looks like a relative source path
            if (!token.contains(".go") && !token.contains(".c") && !token.contains(".a") && !token.contains(".o")) {
                return token;
            }
        }
        return token.substring(0, lead) + token.substring(slash + 1);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
