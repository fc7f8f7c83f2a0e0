package dev.m1go.minimize;

import dev.m1go.cases.CaseLoader;
import dev.m1go.cases.Library;
import dev.m1go.cases.ReproCase;
import dev.m1go.core.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One version of the case being reduced: its source files (by path relative to the case directory), its static C
 * library and its build and run environment. Everything else (arguments, marker, time limit) stays the original's.
 */
record Candidate(Map<String, byte[]> files, Library library, Map<String, String> buildEnv, Map<String, String> runEnv) {

    Candidate {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        buildEnv = Collections.unmodifiableMap(new TreeMap<>(buildEnv));
        runEnv = Collections.unmodifiableMap(new TreeMap<>(runEnv));
    }

    /** The sources of a case: every file but its descriptor and its documentation. */
    static Candidate of(ReproCase c) {
        Map<String, byte[]> sources = new TreeMap<>();
        c.files().forEach((name, bytes) -> {
            if (isSource(name)) {
                sources.put(name, bytes);
            }
        });
        return new Candidate(sources, c.library(), c.buildEnv(), c.runEnv());
    }

    static boolean isSource(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return !name.equals(CaseLoader.DESCRIPTOR) && !base.endsWith(".md") && !base.equals("LICENSE");
    }

    /** This candidate as a case of its own, named {@code id}, otherwise the original. */
    ReproCase toCase(ReproCase original, String id) {
        return new ReproCase(
                id,
                original.description(),
                original.origin(),
                files,
                library,
                buildEnv,
                original.runArgs(),
                runEnv,
                original.marker(),
                original.markerOnStderr(),
                original.timeout(),
                original.variants().subList(0, 1),
                original.expectation(),
                original.reference(),
                null,
                null);
    }

    /** A name that depends only on the content: the same candidate reached twice builds once (the build cache). */
    String id() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        files.forEach((name, bytes) -> {
            all.writeBytes((name + "\0" + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
            all.writeBytes(bytes);
        });
        all.writeBytes(String.valueOf(library).getBytes(StandardCharsets.UTF_8));
        all.writeBytes((buildEnv + "\0" + runEnv).getBytes(StandardCharsets.UTF_8));
        return "min-" + Sha256.hex(all.toByteArray()).substring(0, 12);
    }

    /** Source bytes, go.mod and go.sum left out (they are bookkeeping, not the reproducer). */
    long bytes() {
        return files.entrySet().stream()
                .filter(e -> counted(e.getKey()))
                .mapToLong(e -> e.getValue().length)
                .sum();
    }

    /** Source lines that hold more than blanks, go.mod and go.sum left out. */
    long lines() {
        long n = 0;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (counted(e.getKey())) {
                n += new String(e.getValue(), StandardCharsets.UTF_8)
                        .lines()
                        .filter(l -> !l.isBlank())
                        .count();
            }
        }
        return n;
    }

    long fileCount() {
        return files.keySet().stream().filter(Candidate::counted).count();
    }

    private static boolean counted(String name) {
        return !name.equals("go.mod") && !name.equals("go.sum");
    }

    /** With these files; the library keeps only the sources that are left (none left: no library). */
    Candidate withFiles(Map<String, byte[]> kept) {
        Library lib = library;
        if (lib != null) {
            List<String> sources =
                    lib.sources().stream().filter(kept::containsKey).toList();
            lib = sources.isEmpty() ? null : new Library(lib.name(), sources, lib.cflags(), lib.otherArch());
        }
        return new Candidate(kept, lib, buildEnv, runEnv);
    }
}
