package dev.m1go.module;

import dev.m1go.cases.CaseDefinitionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where module mode builds: the copy of {@code m1go.module} at a path that depends only on what the copy holds,
 * {@code m1go.cacheDirectory/module-copies/<content digest>/src}.
 *
 * <p>Go's build cache keys a package of the main module on its directory (without {@code -trimpath}, the directory is
 * part of every action ID and written into the binary's file names and the C objects' debug information). A copy
 * inside the output directory therefore gave every output directory (another project, another working directory of
 * the command, another CI workspace) a cold build of every package of the module, its C files included. At a path
 * named by the content, an unchanged module builds in the same directory every time and Go reuses what it compiled;
 * any change to any file of the module (a C file, a header in another directory, go.mod) names another directory,
 * and Go compiles the module's packages again, so nothing stale is reused even where Go's own cache would not notice
 * (a header outside the package directory). Dependencies in the module cache are keyed by Go as always.
 *
 * <p>A run holds a lock on its copy until {@link #close()}; each run copies the module afresh (tests may write in
 * their package directory), so a second run at once with the same content cannot take the shared place and builds in
 * {@code target/m1go/module/src} instead, saying so. {@code target/m1go/module/src} is otherwise a symbolic link to
 * the shared copy. At most {@link #KEEP} copies are kept, least recently used removed first.
 */
final class SharedModuleCopy implements AutoCloseable {

    static final int KEEP = 4;
    static final String DIRECTORY = "module-copies";

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;
    private final String note;

    private SharedModuleCopy(Path root, FileChannel channel, FileLock lock, String note) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
        this.note = note;
    }

    /** The copy's root: the directory with {@code go.mod} that builds and tests run in. */
    Path root() {
        return root;
    }

    /** Whether the copy is at its shared, content-named place (so Go can reuse what an earlier run compiled). */
    boolean shared() {
        return lock != null;
    }

    /** A sentence for the log when the copy could not be shared, else {@code null}. */
    String note() {
        return note;
    }

    /**
     * Copies {@code module} (see {@link ModuleCopy}), rewrites its relative replaces (see {@link GoModReplaces}) and
     * places the copy at its shared place, or in {@code outputDirectory/module/src} when another run holds that place.
     */
    static SharedModuleCopy place(Path module, Path outputDirectory, Path cacheDirectory)
            throws IOException, CaseDefinitionException {
        Path local = outputDirectory.resolve("module").resolve("src");
        if (cacheDirectory == null) {
            return inOutputDirectory(module, local, outputDirectory, null);
        }
        Path copies = Files.createDirectories(
                cacheDirectory.toAbsolutePath().normalize().resolve(DIRECTORY));
        Path fresh = copies.resolve(".new-" + UUID.randomUUID());
        try {
            ModuleCopy.copy(module, fresh.resolve("src"), outputDirectory);
            GoModReplaces.rewrite(module, fresh.resolve("src"));
            String key = digest(fresh.resolve("src"));
            Path place = copies.resolve(key);
            FileChannel channel = FileChannel.open(
                    copies.resolve(key + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                ModuleCopy.delete(fresh);
                return inOutputDirectory(
                        module,
                        local,
                        outputDirectory,
                        "Another m1go run is building this module "
                                + "(the same content) from its shared copy " + place.resolve("src")
                                + "; this run builds in "
                                + local
                                + ", where Go cannot reuse what earlier runs compiled, so the module's packages "
                                + "(C files included) are compiled again.");
            }
            try {
                ModuleCopy.delete(place);
                Files.move(fresh, place); // a rename: both in module-copies/
                Files.setLastModifiedTime(
                        copies.resolve(key + ".lock"), FileTime.fromMillis(System.currentTimeMillis()));
                linkInOutputDirectory(local, place.resolve("src"));
                trim(copies, key);
                return new SharedModuleCopy(place.resolve("src"), channel, lock, null);
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } finally {
            ModuleCopy.delete(fresh);
        }
    }

    private static SharedModuleCopy inOutputDirectory(Path module, Path local, Path outputDirectory, String note)
            throws IOException, CaseDefinitionException {
        ModuleCopy.delete(local);
        ModuleCopy.copy(module, local, outputDirectory);
        GoModReplaces.rewrite(module, local);
        return new SharedModuleCopy(local, null, null, note);
    }

    /** {@code target/m1go/module/src}: a symbolic link to the shared copy, for people looking for it there. */
    private static void linkInOutputDirectory(Path local, Path shared) throws IOException {
        ModuleCopy.delete(local);
        Files.createDirectories(local.getParent());
        try {
            Files.createSymbolicLink(local, shared);
        } catch (UnsupportedOperationException | IOException e) {
            // only a pointer for people: a file system without links goes without it
        }
    }

    /**
     * Removes the least recently used copies beyond {@link #KEEP}, never one another run holds, and leftovers of
     * copies that a killed run did not finish.
     */
    private static void trim(Path copies, String current) throws IOException {
        List<Path> locks = new ArrayList<>();
        try (Stream<Path> s = Files.list(copies)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".lock") && !name.equals(current + ".lock")) {
                    locks.add(p);
                } else if (name.startsWith(".new-")
                        && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS)
                                        .toMillis()
                                < System.currentTimeMillis() - 24 * 3600_000L) {
                    ModuleCopy.delete(p);
                }
            }
        }
        locks.sort(Comparator.comparing(SharedModuleCopy::modified).reversed());
        for (Path l : locks.subList(Math.min(locks.size(), KEEP - 1), locks.size())) {
            try (FileChannel c = FileChannel.open(l, StandardOpenOption.WRITE)) {
                FileLock held;
                try {
                    held = c.tryLock();
                } catch (OverlappingFileLockException inThisProcess) {
                    held = null;
                }
                if (held == null) {
                    continue;
                }
                String name = l.getFileName().toString();
                ModuleCopy.delete(l.resolveSibling(name.substring(0, name.length() - ".lock".length())));
                Files.deleteIfExists(l);
                held.release();
            } catch (IOException gone) {
                // removed by another run meanwhile
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * SHA-256 over the copy, as 24 hex digits: every entry's kind and path relative to the copy, a file's executable
     * bit and bytes, a link's target. Two copies with the same digest hold the same files.
     */
    static String digest(Path copy) throws IOException {
        MessageDigest sha = sha256();
        List<Path> entries;
        try (Stream<Path> s = Files.walk(copy)) {
            entries = s.filter(p -> !p.equals(copy))
                    .sorted(Comparator.comparing(p -> copy.relativize(p).toString()))
                    .toList();
        }
        byte[] buffer = new byte[65536];
        for (Path p : entries) {
            String rel = copy.relativize(p).toString().replace('\\', '/');
            if (Files.isSymbolicLink(p)) {
                sha.update(("l " + rel + " -> " + Files.readSymbolicLink(p) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                sha.update(("d " + rel + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                sha.update(("f " + rel + " " + Files.size(p) + (Files.isExecutable(p) ? " x" : "") + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets another run take the shared copy. */
    @Override
    public void close() throws IOException {
        if (lock != null) {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
