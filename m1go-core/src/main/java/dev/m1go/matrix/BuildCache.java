package dev.m1go.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.classify.Classification;
import dev.m1go.classify.Outcome;
import dev.m1go.core.FileStamp;
import dev.m1go.core.FileTrees;
import dev.m1go.core.Mappers;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Built binaries (and build failures) kept between runs under {@code <m1go.cacheDirectory>/builds/<key>/}, one
 * directory per {@link BuildKey}: {@code entry.json} (the key's inputs, the build's facts and classification, the
 * binary's SHA-256), {@code bin/<binary>} and {@code logs/<step>.{command,stdout,stderr}}.
 *
 * <p>An entry is assembled in a {@code .tmp-*} sibling and renamed into place in one step, {@code entry.json}
 * written last, so a killed run or two runs storing the same key never leave a half-written entry under a key; a
 * binary whose content no longer matches its recorded SHA-256 is not trusted. The modification time of
 * {@code entry.json} is the entry's last use; {@link #trim} removes the least recently used entries beyond the size
 * limit.
 */
final class BuildCache {

    static final String ENTRY = "entry.json";
    /** The binary's {@link FileStamp} as last placed, and its SHA-256. */
    static final String VERIFIED = "verified";

    private static final Set<Outcome> CACHEABLE =
            Set.of(Outcome.PASS, Outcome.BUILD_ERROR, Outcome.LINK_ERROR, Outcome.LINK_ARCH_MISMATCH);
    private static final Duration STALE_TEMPORARY = Duration.ofHours(6);
    private static final ObjectMapper JSON = Mappers.json();

    /**
     * What the cache keeps of one build.
     *
     * @param info         the build's facts, with the binary and log paths as bare file names
     * @param binarySha256 SHA-256 of the binary, or {@code null} for a failed build
     * @param logs         the file names under {@code logs/}
     */
    record Entry(
            String key,
            SortedMap<String, String> inputs,
            BuildInfo info,
            Classification classification,
            String binarySha256,
            List<String> logs) {
        Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(classification, "classification");
            logs = List.copyOf(logs);
        }
    }

    private final Path root;
    private final long maxBytes;
    private final Clock clock;

    BuildCache(Path cacheDirectory, long maxBytes, Clock clock) {
        this.root = cacheDirectory.resolve("builds");
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Whether a build that ended this way is worth keeping: a binary, or a failure that will fail again. */
    static boolean cacheable(Outcome outcome, boolean timedOut) {
        return CACHEABLE.contains(outcome) && !timedOut;
    }

    /**
     * Copies the entry of {@code key} into place, the binary (if any) to {@code binary} and its logs into
     * {@code logDir}, and marks it used. Empty when there is no entry, or it cannot be trusted or read (then the
     * build simply runs).
     */
    Optional<Entry> restore(String key, Path binary, Path logDir) {
        Path dir = root.resolve(key);
        Path json = dir.resolve(ENTRY);
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try {
            Entry e = JSON.readValue(json.toFile(), Entry.class);
            if (!e.key().equals(key)) {
                return Optional.empty();
            }
            if (e.binarySha256() != null) {
                Path cached = dir.resolve("bin").resolve(e.info().binary());
                // Hashed only when the file changed since it was last placed (FileStamp); a write to it, through the
                // hard link in the output directory too, changes its stamp, so a changed binary is never trusted.
                if (!e.binarySha256().equals(FileStamp.digest(cached, dir.resolve(VERIFIED)))) {
                    return Optional.empty();
                }
                place(cached, binary);
                // Placing it (a new hard link, the old one removed) changed its change time, not its content.
                FileStamp.keep(cached, dir.resolve(VERIFIED), e.binarySha256());
            }
            Files.createDirectories(logDir);
            for (String log : e.logs()) {
                // With its time: a log older than the run shows that no build process wrote it in this run.
                Files.copy(
                        dir.resolve("logs").resolve(log),
                        logDir.resolve(log),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.setLastModifiedTime(json, FileTime.from(clock.instant()));
            return Optional.of(e);
        } catch (IOException | RuntimeException unusable) {
            // Removed by another run's trim while being read, or not an entry this version understands: build again.
            return Optional.empty();
        }
    }

    /**
     * Keeps a build under its key. The entry replaces an older one of the same key ({@code m1go.rebuild}); when
     * another run stored the key meanwhile, its entry stays.
     *
     * @param binary the built binary, or {@code null} for a failed build
     * @param logs   the build's log files
     */
    void store(Entry entry, Path binary, List<Path> logs) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".tmp-");
        try {
            String sha = null;
            if (binary != null) {
                Files.createDirectories(tmp.resolve("bin"));
                Path copy = tmp.resolve("bin").resolve(binary.getFileName());
                Files.copy(binary, copy);
                sha = dev.m1go.core.Sha256.hex(copy);
            }
            Files.createDirectories(tmp.resolve("logs"));
            List<String> names = new ArrayList<>();
            for (Path log : logs) {
                if (Files.isRegularFile(log)) {
                    Files.copy(log, tmp.resolve("logs").resolve(log.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                    names.add(log.getFileName().toString());
                }
            }
            Entry complete = new Entry(entry.key(), entry.inputs(), entry.info(), entry.classification(), sha, names);
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve(ENTRY).toFile(), complete);
            Path target = root.resolve(entry.key());
            if (Files.exists(target)) {
                discard(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException otherRunWasFaster) {
                FileTrees.delete(tmp);
            }
        } catch (IOException | RuntimeException e) {
            FileTrees.delete(tmp);
            throw e;
        }
    }

    private final java.util.concurrent.atomic.AtomicReference<String> storeFailure =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger storeFailures =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Records a build that could not be kept (the first reason, and how many): the run goes on without it. */
    void failedToStore(IOException e) {
        storeFailures.incrementAndGet();
        storeFailure.compareAndSet(null, e.toString());
    }

    /**
     * What went wrong writing the cache in this run, as a sentence for the report, or {@code null} when nothing did.
     */
    String storeProblem() {
        String first = storeFailure.get();
        return first == null
                ? null
                : "The build cache in " + root + " could not keep "
                        + dev.m1go.core.Plural.of(storeFailures.get(), "build") + " (first: " + first
                        + "); the results "
                        + "are unaffected, and the next run builds them again. Free space there, or point m1go.cacheDirectory "
                        + "elsewhere.";
    }

    /**
     * Removes the least recently used entries until the cache holds at most {@code m1go.cacheMaxBytes}, and leftovers
     * of runs that were killed while storing.
     *
     * @return how many entries were removed
     */
    int trim() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        record Sized(Path dir, long bytes, long used) {}
        List<Sized> entries = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    if (Files.getLastModifiedTime(p)
                            .toInstant()
                            .isBefore(clock.instant().minus(STALE_TEMPORARY))) {
                        FileTrees.delete(p);
                    }
                    continue;
                }
                Path json = p.resolve(ENTRY);
                long used = Files.isRegularFile(json)
                        ? Files.getLastModifiedTime(json).toMillis()
                        : 0;
                long bytes = size(p);
                entries.add(new Sized(p, bytes, used));
                total += bytes;
            }
        }
        entries.sort(Comparator.comparingLong(Sized::used));
        int removed = 0;
        for (Sized e : entries) {
            if (total <= maxBytes) {
                break;
            }
            discard(e.dir());
            total -= e.bytes();
            removed++;
        }
        return removed;
    }

    Path root() {
        return root;
    }

    /** Hard-links the cached binary into place (same file system), else copies it. */
    private static void place(Path cached, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        try {
            Files.createLink(target, cached);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(cached, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Moves an entry out of its key's name in one step, then deletes it: a reader sees all of it or none. */
    private void discard(Path entry) throws IOException {
        Path trash = root.resolve(".trash-" + UUID.randomUUID());
        try {
            Files.move(entry, trash, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException goneAlready) {
            return;
        }
        FileTrees.delete(trash);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
