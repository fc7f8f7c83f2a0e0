package dev.m1go.module;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The {@code replace} directives of the copy's {@code go.mod} whose replacement is a directory outside the module
 * ({@code replace example.com/dep => ../dep}): in {@code target/m1go/module/src} the relative path would name another
 * directory, so each is rewritten to the absolute path it has from the module where it is. The build then reads that
 * dependency where it is, as the go command does in the module, and writes nothing there. Replacements inside the
 * module ({@code ./inner}, copied along), absolute ones and module paths are left as they are; so is every other line.
 * {@code vendor/modules.txt} repeats the replacements ({@code # example.com/dep v0.0.0 => ../dep}) and is rewritten the
 * same way, or the go command would find the vendor directory inconsistent.
 */
final class GoModReplaces {

    private GoModReplaces() {}

    /**
     * Rewrites the copy's {@code go.mod} and {@code vendor/modules.txt}.
     *
     * @param module the module as the user named it, absolute: relative replacements are resolved against it
     * @param copy   the copy to rewrite
     */
    static void rewrite(Path module, Path copy) throws IOException {
        Path goMod = copy.resolve("go.mod");
        if (Files.isRegularFile(goMod, LinkOption.NOFOLLOW_LINKS)) {
            String text = Files.readString(goMod);
            String rewritten = goMod(text, module);
            if (!rewritten.equals(text)) {
                Files.writeString(goMod, rewritten);
            }
        }
        Path modulesTxt = copy.resolve("vendor").resolve("modules.txt");
        if (Files.isRegularFile(modulesTxt, LinkOption.NOFOLLOW_LINKS)) {
            String text = Files.readString(modulesTxt);
            String rewritten = modulesTxt(text, module);
            if (!rewritten.equals(text)) {
                Files.writeString(modulesTxt, rewritten);
            }
        }
    }

    /** {@code go.mod} with every replacement outside {@code module} made absolute. */
    static String goMod(String text, Path module) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        boolean inBlock = false;
        for (String line : text.split("(?<=\n)", -1)) {
            String t = line.strip();
            if (inBlock) {
                if (t.startsWith(")")) {
                    inBlock = false;
                    out.append(line);
                } else {
                    out.append(replaced(line, module));
                }
            } else if (t.matches("replace\\s*\\(.*")) {
                inBlock = true;
                out.append(line);
            } else if (t.matches("replace\\s.*")) {
                out.append(replaced(line, module));
            } else {
                out.append(line);
            }
        }
        return out.toString();
    }

    /** {@code vendor/modules.txt} with the replacements of its {@code # path [version] => …} lines made absolute. */
    static String modulesTxt(String text, Path module) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (String line : text.split("(?<=\n)", -1)) {
            out.append(line.startsWith("# ") ? replaced(line, module) : line);
        }
        return out.toString();
    }

    /** One directive: the first token after {@code =>}, made absolute when it is a directory outside the module. */
    private static String replaced(String line, Path module) {
        int arrow = arrow(line);
        if (arrow < 0) {
            return line;
        }
        int start = arrow + 2;
        while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        int end = tokenEnd(line, start);
        if (end <= start) {
            return line;
        }
        String token = line.substring(start, end);
        String path = unquote(token);
        if (path == null || !isRelativeDirectory(path) || hasVersion(line, end)) {
            return line;
        }
        Path resolved;
        try {
            resolved = module.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return line; // no path on this system (a NUL byte): the go command says so, not m1go
        }
        if (resolved.startsWith(module)) {
            return line; // copied along with the module: the relative path holds in the copy
        }
        return line.substring(0, start) + quote(resolved.toString()) + line.substring(end);
    }

    /** Where {@code =>} is, outside quotes and before a comment; -1 when there is none. */
    private static int arrow(String line) {
        char quote = 0;
        for (int i = 0; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '/' && line.charAt(i + 1) == '/') {
                return -1;
            } else if (c == '=' && line.charAt(i + 1) == '>') {
                return i;
            }
        }
        return -1;
    }

    private static int tokenEnd(String line, int start) {
        if (start >= line.length()) {
            return start;
        }
        char c = line.charAt(start);
        if (c == '"' || c == '`') {
            for (int i = start + 1; i < line.length(); i++) {
                char d = line.charAt(i);
                if (d == '\\' && c == '"') {
                    i++;
                } else if (d == c) {
                    return i + 1;
                }
            }
            return start; // unterminated: not a directive the go command reads either
        }
        int i = start;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
            if (line.startsWith("//", i)) {
                break;
            }
            i++;
        }
        return i;
    }

    /** A version after the replacement makes it a module path, never a directory. */
    private static boolean hasVersion(String line, int end) {
        String rest = line.substring(end).strip();
        return !rest.isEmpty() && !rest.startsWith("//");
    }

    /** The go command's rule: a replacement is a directory when it starts with {@code ./} or {@code ../}. */
    private static boolean isRelativeDirectory(String path) {
        return path.equals(".")
                || path.equals("..")
                || path.startsWith("./")
                || path.startsWith("../")
                || path.startsWith(".\\")
                || path.startsWith("..\\");
    }

    private static String unquote(String token) {
        if (token.startsWith("`")) {
            return token.substring(1, token.length() - 1);
        }
        if (!token.startsWith("\"")) {
            return token;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c == '\\') {
                char n = token.charAt(++i);
                switch (n) {
                    case '\\', '"' -> sb.append(n);
                    case 't' -> sb.append('\t');
                    case 'n' -> sb.append('\n');
                    default -> {
                        return null; // an escape m1go does not read: leave the directive as it is
                    }
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Bare when the go command reads it so, else a Go string literal. */
    private static String quote(String path) {
        if (path.matches("[A-Za-z0-9_./+@:~,=-]+") && !path.contains("//")) {
            return path;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : path.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
