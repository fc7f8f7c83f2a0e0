package dev.m1go.module;

import dev.m1go.cases.CaseDefinitionException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The copy of {@code m1go.module} that builds and tests run in. No link leads out of the module: a symbolic link whose
 * target (resolved, or for a dangling link its path) lies inside the module is recreated in the copy as a relative link
 * to the same place in the copy, so a package behind a directory link still builds; a link that points outside the
 * module, and anything that is neither a file, a directory nor a link (a pipe, socket or device), stops the run with
 * its path before anything is copied. {@code .git} at the module root is left out.
 */
final class ModuleCopy {

    private enum Kind {
        DIRECTORY,
        FILE,
        LINK
    }

    /** One entry, by path relative to the module; for a link, where it points, relative to the module too. */
    private record Entry(Path rel, Kind kind, Path linkTo) {}

    private ModuleCopy() {}

    /**
     * Replaces {@code to} with a copy of {@code module}.
     *
     * @param module    the module as the user named it (messages show paths under it)
     * @param skip      a directory left out of the copy (m1go's output directory when it lies inside), or {@code null}
     * @throws CaseDefinitionException naming the link that leads out, or the entry that cannot be copied
     */
    static void copy(Path module, Path to, Path skip) throws IOException, CaseDefinitionException {
        List<Entry> entries = entries(module, skip);
        delete(to);
        Files.createDirectories(to);
        for (Entry e : entries) {
            Path target = to.resolve(e.rel().toString());
            switch (e.kind()) {
                case DIRECTORY -> Files.createDirectories(target);
                case FILE -> {
                    Files.copy(
                            module.resolve(e.rel().toString()),
                            target,
                            StandardCopyOption.REPLACE_EXISTING,
                            LinkOption.NOFOLLOW_LINKS);
                    target.toFile().setWritable(true, true);
                }
                case LINK -> {
                    Path relative =
                            target.getParent().relativize(to.resolve(e.linkTo().toString()));
                    Files.createSymbolicLink(target, relative.toString().isEmpty() ? Path.of(".") : relative);
                }
            }
            if (e.kind() == Kind.DIRECTORY) {
                target.toFile().setWritable(true, true);
            }
        }
    }

    /** Every entry to copy, parents before children, checked before anything is written. */
    private static List<Entry> entries(Path module, Path skip) throws IOException, CaseDefinitionException {
        Path real = module.toRealPath();
        Path skipReal = skip == null ? null : realOrSelf(skip);
        List<Entry> entries = new ArrayList<>();
        List<CaseDefinitionException> refused = new ArrayList<>();
        Files.walkFileTree(real, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                Path rel = real.relativize(d);
                if (d.equals(skipReal) || rel.toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!rel.toString().isEmpty()) {
                    entries.add(new Entry(rel, Kind.DIRECTORY, null));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Path rel = real.relativize(f);
                Path shown = module.resolve(rel.toString());
                if (a.isSymbolicLink()) {
                    Path to = Files.readSymbolicLink(f);
                    Path inside = linkTarget(f, to, real);
                    if (inside == null) {
                        refused.add(new CaseDefinitionException(shown + " is a symbolic link to " + to + ", outside "
                                + "m1go.module " + module + ": m1go copies the module and follows no link out of it "
                                + "(the copy would hold what the link points to); copy that into the module, or "
                                + "remove the link"));
                        return FileVisitResult.TERMINATE;
                    }
                    entries.add(new Entry(rel, Kind.LINK, inside));
                } else if (a.isRegularFile()) {
                    entries.add(new Entry(rel, Kind.FILE, null));
                } else {
                    refused.add(new CaseDefinitionException(shown + " is not a regular file, directory or symbolic "
                            + "link (a pipe, socket or device): m1go copies m1go.module " + module + " before "
                            + "building it and cannot copy this; remove it or move it out of the module"));
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (!refused.isEmpty()) {
            throw refused.get(0);
        }
        return entries;
    }

    /**
     * Where the link {@code f} leads, relative to the module's real path {@code real}, or {@code null} when that is
     * outside. A link that resolves is judged by its real target; a dangling one by its path, normalized.
     */
    private static Path linkTarget(Path f, Path to, Path real) {
        Path target;
        try {
            target = f.toRealPath();
        } catch (IOException dangling) {
            target = f.getParent().resolve(to).normalize();
        }
        return target.startsWith(real) ? real.relativize(target) : null;
    }

    private static Path realOrSelf(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }

    /** Removes a previous copy; links are removed, never followed. */
    static void delete(Path to) throws IOException {
        if (!Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> w = Files.walk(to)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                if (!Files.isSymbolicLink(p)) {
                    p.toFile().setWritable(true);
                }
                Files.delete(p);
            }
        }
    }
}
