package dev.m1go.minimize;

import dev.m1go.cases.Library;
import dev.m1go.core.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The units one stage of the reduction removes, and the candidate that is left when only some of them are kept:
 * whole files; byte ranges of a file (a Go declaration or statement as Go's parser gave it, a C declaration or
 * statement of a {@code .c}/{@code .h} file or of a cgo preamble as {@link CSource} found it); a setting (a build or
 * run variable, a flag of the library's compiler). A Go file that lost pieces goes through the reducer's {@code fix}
 * (unused imports dropped); one that no longer parses makes the candidate void before anything is built.
 */
final class Units {

    /** What a stage removes. */
    sealed interface Unit permits FileUnit, Piece, Setting {}

    record FileUnit(String path) implements Unit {}

    /**
     * A byte range of a file; {@code depth} counts the pieces of the same stage that hold it. An unwrap keeps
     * {@code [innerStart, innerEnd)} of it (a block in place of the statement that ran it); a plain piece has
     * {@code innerEnd} 0.
     */
    record Piece(String path, int start, int end, String kind, int depth, int innerStart, int innerEnd)
            implements Unit {
        Piece(String path, int start, int end, String kind) {
            this(path, start, end, kind, 0, 0, 0);
        }

        boolean unwrap() {
            return innerEnd > 0;
        }
    }

    record Setting(String where, String key) implements Unit {}

    /** The stages, in the order a round runs them. */
    enum Stage {
        FILES("files"),
        SETTINGS("build and run settings"),
        OUTER_STATEMENTS("outer statements"),
        DECLARATIONS("top-level declarations"),
        STATEMENTS("statements"),
        UNWRAP("blocks in place of their if, for or block statement"),
        COMMENTS("comments");

        /** Outer statements are the statements of function bodies themselves, before declarations go. */
        Stage units() {
            return this == OUTER_STATEMENTS ? STATEMENTS : this;
        }

        final String title;

        Stage(String title) {
            this.title = title;
        }
    }

    private final GoTool go;
    private final Path scratch;

    Units(GoTool go, Path scratch) {
        this.go = go;
        this.scratch = scratch;
    }

    /** The units of {@code stage} in {@code c}, in file and text order. */
    List<Unit> of(Stage stage, Candidate c) throws IOException {
        List<Unit> out = new ArrayList<>();
        switch (stage) {
            case FILES ->
                c.files().keySet().stream()
                        .filter(f -> !f.equals("go.mod") && !f.equals("go.sum"))
                        .forEach(f -> out.add(new FileUnit(f)));
            case SETTINGS -> {
                c.buildEnv().keySet().forEach(k -> out.add(new Setting("build.env", k)));
                c.runEnv().keySet().forEach(k -> out.add(new Setting("run.env", k)));
                if (c.library() != null) {
                    c.library().cflags().forEach(f -> out.add(new Setting("library.cflags", f)));
                }
            }
            case DECLARATIONS, STATEMENTS, OUTER_STATEMENTS -> out.addAll(withDepth(pieces(stage, c)));
            case UNWRAP, COMMENTS -> out.addAll(goPieces(stage, c));
        }
        return out;
    }

    /**
     * The units of {@code stage} at nesting {@code depth} only: statements are reduced level by level, outer blocks
     * first (hierarchical delta debugging, Misherghi and Su 2006), so that a removed block takes what it holds along
     * and the inner levels are searched only where something is left.
     */
    List<Unit> atDepth(Stage stage, Candidate c, int depth) throws IOException {
        return of(stage.units(), c).stream()
                .filter(u -> !(u instanceof Piece p) || p.depth() == depth)
                .toList();
    }

    /** Go-only units: unwraps and comments (C text is left as it is there). */
    private List<Unit> goPieces(Stage stage, Candidate c) throws IOException {
        List<Unit> out = new ArrayList<>();
        Map<String, Path> goFiles = writeGoFiles(c, "units");
        List<GoTool.GoUnits> parsed;
        try {
            parsed = goFiles.isEmpty() ? List.of() : go.units(List.copyOf(goFiles.values()));
        } finally {
            deleteTree(goFiles);
        }
        int i = 0;
        for (String name : goFiles.keySet()) {
            GoTool.GoUnits u = parsed.get(i++);
            if (stage == Stage.COMMENTS) {
                u.comments().forEach(s -> out.add(new Piece(name, s.start(), s.end(), "go comment")));
            } else {
                u.unwraps()
                        .forEach(w -> out.add(new Piece(
                                name, w.start(), w.end(), "go " + w.kind(), 0, w.innerStart(), w.innerEnd())));
            }
        }
        return out;
    }

    private static List<Unit> withDepth(List<Unit> pieces) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : pieces) {
            Piece p = (Piece) u;
            int depth = 0;
            for (Unit o : pieces) {
                Piece q = (Piece) o;
                if (q != p
                        && q.path().equals(p.path())
                        && q.start() <= p.start()
                        && q.end() >= p.end()
                        && (q.end() - q.start()) > (p.end() - p.start())) {
                    depth++;
                }
            }
            out.add(new Piece(p.path(), p.start(), p.end(), p.kind(), depth, 0, 0));
        }
        return out;
    }

    private List<Unit> pieces(Stage stage, Candidate c) throws IOException {
        boolean decls = stage == Stage.DECLARATIONS;
        List<Unit> out = new ArrayList<>();
        Map<String, Path> goFiles = writeGoFiles(c, "units");
        List<GoTool.GoUnits> parsed;
        try {
            parsed = goFiles.isEmpty() ? List.of() : go.units(List.copyOf(goFiles.values()));
        } finally {
            deleteTree(goFiles);
        }
        int i = 0;
        for (String name : goFiles.keySet()) {
            GoTool.GoUnits u = parsed.get(i++);
            for (CSource.Span s : decls ? u.decls() : u.stmts()) {
                out.add(new Piece(name, s.start(), s.end(), "go " + s.kind()));
            }
            if (u.preamble() != null) {
                byte[] text = c.files().get(name);
                for (CSource.Span s :
                        cSpans(decls, text, u.preamble().start(), u.preamble().end())) {
                    out.add(new Piece(name, s.start(), s.end(), "c " + s.kind()));
                }
            }
        }
        for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
            if (f.getKey().endsWith(".c") || f.getKey().endsWith(".h")) {
                for (CSource.Span s : cSpans(decls, f.getValue(), 0, f.getValue().length)) {
                    out.add(new Piece(f.getKey(), s.start(), s.end(), "c " + s.kind()));
                }
            }
        }
        return out;
    }

    private static List<CSource.Span> cSpans(boolean decls, byte[] text, int from, int to) {
        return decls ? CSource.declarations(text, from, to) : CSource.statements(text, from, to);
    }

    /**
     * {@code base} with only {@code kept} of the stage's {@code all} units; {@code null} when a Go file that lost
     * pieces no longer parses.
     */
    Candidate keep(Candidate base, List<Unit> all, List<Unit> kept) throws IOException {
        Set<Unit> keep = new HashSet<>(kept);
        List<Unit> removed = all.stream().filter(u -> !keep.contains(u)).toList();
        Map<String, byte[]> files = new TreeMap<>(base.files());
        Map<String, String> buildEnv = new TreeMap<>(base.buildEnv());
        Map<String, String> runEnv = new TreeMap<>(base.runEnv());
        List<String> cflags = base.library() == null
                ? List.of()
                : new ArrayList<>(base.library().cflags());
        Map<String, List<Piece>> cuts = new TreeMap<>();
        for (Unit u : removed) {
            if (u instanceof FileUnit f) {
                files.remove(f.path());
            } else if (u instanceof Setting s) {
                switch (s.where()) {
                    case "build.env" -> buildEnv.remove(s.key());
                    case "run.env" -> runEnv.remove(s.key());
                    default -> cflags.remove(s.key());
                }
            } else if (u instanceof Piece p) {
                cuts.computeIfAbsent(p.path(), k -> new ArrayList<>()).add(p);
            }
        }
        boolean goChanged = false;
        for (Map.Entry<String, List<Piece>> e : cuts.entrySet()) {
            files.put(e.getKey(), cut(files.get(e.getKey()), e.getValue()));
            goChanged |= e.getKey().endsWith(".go");
        }
        if (goChanged
                || removed.stream()
                        .anyMatch(u -> u instanceof FileUnit f && f.path().endsWith(".go"))) {
            // Every Go file of the candidate: the check needs each package whole.
            Map<String, Path> written = writeGoFiles(new Candidate(files, null, Map.of(), Map.of()), "fix");
            try {
                for (Map.Entry<String, Path> w : written.entrySet()) {
                    byte[] before = base.files().get(w.getKey());
                    if (before != null) {
                        // The file before the cut (or as it is, when nothing of it was cut): the reducer drops only
                        // imports that it used (see reducer.go).
                        Files.write(w.getValue().resolveSibling(w.getValue().getFileName() + ".base"), before);
                    }
                }
                if (!go.fix(List.copyOf(written.values()))) {
                    return null;
                }
                for (Map.Entry<String, Path> w : written.entrySet()) {
                    files.put(w.getKey(), Files.readAllBytes(w.getValue()));
                }
            } finally {
                deleteTree(written);
            }
        }
        Library lib = base.library();
        if (lib != null) {
            lib = new Library(lib.name(), lib.sources(), cflags, lib.otherArch());
        }
        return new Candidate(files, lib, buildEnv, runEnv).withFiles(files);
    }

    /** {@code text} without the given ranges (overlapping and nested ones merged). */
    static byte[] cut(byte[] text, List<Piece> pieces) {
        List<Piece> sorted = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.unwrap()) {
                sorted.add(new Piece(p.path(), p.start(), p.innerStart(), p.kind() + " head"));
                sorted.add(new Piece(p.path(), p.innerEnd(), p.end(), p.kind() + " tail"));
            } else {
                sorted.add(p);
            }
        }
        sorted.sort(Comparator.comparingInt(Piece::start)
                .thenComparing(Comparator.comparingInt(Piece::end).reversed()));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length);
        int at = 0;
        for (Piece p : sorted) {
            if (p.end() <= at) {
                continue;
            }
            int from = Math.max(lineStart(text, p), at);
            out.write(text, at, from - at);
            at = p.end();
        }
        out.write(text, at, text.length - at);
        return out.toByteArray();
    }

    private void deleteTree(Map<String, Path> written) throws IOException {
        if (!written.isEmpty()) {
            Path first = written.values().iterator().next();
            Path dir = first;
            while (!dir.getParent().equals(scratch)) {
                dir = dir.getParent();
            }
            FileTrees.delete(dir);
        }
    }

    /** Where a piece's line starts, when only blanks precede it there and it takes its line's end: else its start. */
    private static int lineStart(byte[] text, Piece p) {
        if (p.end() == 0 || p.end() > text.length || text[p.end() - 1] != '\n') {
            return p.start();
        }
        int i = p.start();
        while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
            i--;
        }
        return i == 0 || text[i - 1] == '\n' ? i : p.start();
    }

    /** The Go files of {@code c} written below the scratch directory, each at its path in the case. */
    /**
     * Whether the go command leaves the file out of every package: below a {@code testdata} or {@code vendor}
     * directory, or in a file or directory whose name starts with {@code _} or {@code .}. Such files (golden files
     * that do not even parse, on purpose) are reduced only as whole files.
     */
    static boolean ignoredByGo(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("_")
                    || p.startsWith(".")
                    || (i < parts.length - 1 && (p.equals("testdata") || p.equals("vendor")))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Path> writeGoFiles(Candidate c, String purpose) throws IOException {
        if (c.files().keySet().stream().noneMatch(f -> f.endsWith(".go") && !ignoredByGo(f))) {
            return Map.of();
        }
        Path dir = Files.createTempDirectory(Files.createDirectories(scratch), purpose);
        Map<String, Path> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
            if (f.getKey().endsWith(".go") && !ignoredByGo(f.getKey())) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
                out.put(f.getKey(), p);
            }
        }
        return out;
    }
}
