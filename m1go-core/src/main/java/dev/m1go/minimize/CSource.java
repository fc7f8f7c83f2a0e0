package dev.m1go.minimize;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the removable pieces of C text are, found by a brace-aware scan (no C parser, no preprocessor): the top-level
 * declarations of a file or a cgo preamble (a preprocessor line, a declaration up to its {@code ;}, a function
 * definition up to its closing brace) and the statements of every block inside a function body. Comments, string and
 * character literals are skipped; parentheses and braces are counted.
 *
 * <p>Limits, on purpose: a macro that opens or closes a brace, an {@code #if} around half a declaration, or an
 * {@code if} without braces followed by {@code else} are cut where the text says, not where the compiler would; such a
 * candidate does not build and is rejected, so the reduction stays sound and is only less thorough there.
 */
final class CSource {

    /** A piece of text: bytes {@code [start, end)} of the scanned file. */
    record Span(int start, int end, String kind) {}

    private final byte[] text;
    private final int limit;

    private CSource(byte[] text, int limit) {
        this.text = text;
        this.limit = limit;
    }

    /** The top-level declarations of {@code text[from, to)}. */
    static List<Span> declarations(byte[] text, int from, int to) {
        return new CSource(text, to).topLevel(from, null);
    }

    /** The statements of every block inside the function bodies of {@code text[from, to)}, outer ones first. */
    static List<Span> statements(byte[] text, int from, int to) {
        List<Span> bodies = new ArrayList<>();
        new CSource(text, to).topLevel(from, bodies);
        List<Span> out = new ArrayList<>();
        CSource s = new CSource(text, to);
        for (Span b : bodies) {
            s.block(b.start() + 1, b.end() - 1, out);
        }
        return out;
    }

    private List<Span> topLevel(int from, List<Span> bodies) {
        List<Span> out = new ArrayList<>();
        int i = skipBlank(from);
        while (i < limit) {
            int start = i;
            if (text[i] == '#') {
                i = lineEnd(i);
                out.add(new Span(start, i, "preprocessor"));
            } else {
                int bodyStart = -1;
                boolean function = false;
                int depth = 0;
                int parens = 0;
                int lastSignificant = -1;
                while (i < limit) {
                    int skipped = skipLiteralOrComment(i);
                    if (skipped != i) {
                        i = skipped;
                        continue;
                    }
                    byte c = text[i];
                    if (c == '(') {
                        parens++;
                    } else if (c == ')') {
                        parens--;
                    } else if (c == '{') {
                        if (depth == 0 && parens == 0) {
                            bodyStart = i;
                            function = lastSignificant >= 0 && text[lastSignificant] == ')';
                        }
                        depth++;
                    } else if (c == '}') {
                        depth--;
                        if (depth == 0 && function) {
                            i++;
                            break;
                        }
                    } else if (c == ';' && depth == 0 && parens == 0) {
                        i++;
                        break;
                    }
                    if (!Character.isWhitespace(c)) {
                        lastSignificant = i;
                    }
                    i++;
                }
                int end = trailing(i);
                out.add(new Span(start, end, function ? "function" : "declaration"));
                if (function && bodies != null) {
                    bodies.add(new Span(bodyStart, i, "body"));
                }
                i = end;
            }
            i = skipBlank(i);
        }
        return out;
    }

    /** The statements of the block whose inside is {@code [from, to)}, and those of the blocks they hold. */
    private void block(int from, int to, List<Span> out) {
        int i = skipBlankUntil(from, to);
        List<int[]> inner = new ArrayList<>();
        while (i < to) {
            int start = i;
            int parens = 0;
            boolean sawText = false;
            int lastSignificant = -1;
            while (i < to) {
                int skipped = skipLiteralOrComment(i);
                if (skipped != i) {
                    i = skipped;
                    sawText = true;
                    continue;
                }
                byte c = text[i];
                if (c == '(') {
                    parens++;
                } else if (c == ')') {
                    parens--;
                } else if (c == ';' && parens == 0) {
                    i++;
                    break;
                } else if (c == '{' && parens == 0) {
                    boolean isBlock = lastSignificant < 0
                            || text[lastSignificant] == ')'
                            || endsWithWord(lastSignificant, "else")
                            || endsWithWord(lastSignificant, "do");
                    int close = matching(i, to);
                    if (isBlock) {
                        inner.add(new int[] {i + 1, close});
                        i = close + 1;
                        int next = skipBlankUntil(i, to);
                        if (startsWithWord(next, to, "else") || startsWithWord(next, to, "while")) {
                            lastSignificant = i - 1;
                            sawText = true;
                            continue;
                        }
                        break;
                    }
                    i = close + 1;
                    lastSignificant = close;
                    sawText = true;
                    continue;
                }
                if (!Character.isWhitespace(c)) {
                    lastSignificant = i;
                    sawText = true;
                }
                i++;
            }
            int end = Math.min(to, trailing(Math.min(i, to)));
            if (sawText) {
                out.add(new Span(start, end, "statement"));
            }
            i = skipBlankUntil(Math.max(i, end), to);
        }
        for (int[] b : inner) {
            block(b[0], b[1], out);
        }
    }

    private int matching(int open, int to) {
        int depth = 0;
        int i = open;
        while (i < to) {
            int skipped = skipLiteralOrComment(i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            if (text[i] == '{') {
                depth++;
            } else if (text[i] == '}' && --depth == 0) {
                return i;
            }
            i++;
        }
        return to;
    }

    /** Past a comment or literal starting at {@code i}, else {@code i}. */
    private int skipLiteralOrComment(int i) {
        if (i + 1 < limit && text[i] == '/' && text[i + 1] == '/') {
            return lineEnd(i);
        }
        if (i + 1 < limit && text[i] == '/' && text[i + 1] == '*') {
            int j = i + 2;
            while (j + 1 < limit && !(text[j] == '*' && text[j + 1] == '/')) {
                j++;
            }
            return Math.min(limit, j + 2);
        }
        if (text[i] == '"' || text[i] == '\'') {
            byte quote = text[i];
            int j = i + 1;
            while (j < limit && text[j] != quote && text[j] != '\n') {
                j += text[j] == '\\' ? 2 : 1;
            }
            return Math.min(limit, j + 1);
        }
        return i;
    }

    /** The end of a line, continuation lines ({@code \} at the end) included; past the newline. */
    private int lineEnd(int i) {
        while (i < limit && text[i] != '\n') {
            if (text[i] == '\\' && i + 1 < limit && text[i + 1] == '\n') {
                i++;
            }
            i++;
        }
        return Math.min(limit, i + 1);
    }

    /** Past blanks and a line comment on the same line, and the newline: a piece takes its line with it. */
    private int trailing(int i) {
        int j = i;
        while (j < limit && (text[j] == ' ' || text[j] == '\t')) {
            j++;
        }
        if (j + 1 < limit && text[j] == '/' && text[j + 1] == '/') {
            return lineEnd(j);
        }
        return j < limit && text[j] == '\n' ? j + 1 : i;
    }

    private int skipBlank(int i) {
        return skipBlankUntil(i, limit);
    }

    private int skipBlankUntil(int i, int to) {
        while (i < to && Character.isWhitespace(text[i])) {
            i++;
        }
        return i;
    }

    private boolean endsWithWord(int last, String word) {
        int start = last - word.length() + 1;
        if (last < 0 || start < 0) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (text[start + k] != word.charAt(k)) {
                return false;
            }
        }
        return start == 0 || !isWordByte(text[start - 1]);
    }

    private boolean startsWithWord(int i, int to, String word) {
        if (i + word.length() > to) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (text[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return i + word.length() == to || !isWordByte(text[i + word.length()]);
    }

    private static boolean isWordByte(byte b) {
        return b == '_' || Character.isLetterOrDigit(b);
    }
}
