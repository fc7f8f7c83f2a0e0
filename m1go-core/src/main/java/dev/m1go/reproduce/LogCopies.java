package dev.m1go.reproduce;

import dev.m1go.core.Plural;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The logs a merged report links, brought under its own directory ({@code logs/<NN>-<input>/…}), so that the merged
 * directory works on its own (an uploaded CI artifact, an attachment): each regular file an input's cell names is
 * hard-linked where the file system allows it, else copied, up to {@value #MAX_BYTES_MIB} MiB in all. A log over that
 * bound, or one that is not there, keeps its path relative to the merged directory, and a note says so.
 */
final class LogCopies {

    /** The most a merge copies, in MiB. */
    static final long MAX_BYTES_MIB = 256;

    private final Path out;
    private final long maxBytes;
    private final Map<Path, String> planned = new LinkedHashMap<>();
    private final TreeSet<String> over = new TreeSet<>();
    private long bytes;
    private long overBytes;

    LogCopies(Path out) {
        this(out, MAX_BYTES_MIB << 20);
    }

    LogCopies(Path out, long maxBytes) {
        this.out = out;
        this.maxBytes = maxBytes;
    }

    /**
     * The path a merged cell names for {@code path}, a log of input number {@code input} (from 0) relative to that
     * input's directory (already confined to it, see {@link InputPaths}).
     */
    String map(int input, String inputName, Path inputDir, String path) {
        Path source = inputDir.resolve(path).normalize();
        String relative = out.relativize(source).toString();
        if (source.startsWith(out) || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            return relative;
        }
        String existing = planned.get(source);
        if (existing != null) {
            return existing;
        }
        long size;
        try {
            size = Files.size(source);
        } catch (IOException e) {
            return relative;
        }
        if (bytes + size > maxBytes) {
            over.add(inputDir.toString());
            overBytes += size;
            return relative;
        }
        String target = "logs/" + String.format(Locale.ROOT, "%02d-", input + 1) + safe(inputName) + "/"
                + inputDir.relativize(source).toString().replace('\\', '/');
        planned.put(source, target);
        bytes += size;
        return target;
    }

    /** Links or copies every planned log into place. */
    void copyAll() throws IOException {
        for (Map.Entry<Path, String> e : planned.entrySet()) {
            Path target = out.resolve(e.getValue());
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            try {
                Files.createLink(target, e.getKey());
            } catch (IOException | UnsupportedOperationException | SecurityException notLinkable) {
                Files.copy(e.getKey(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** What the merged directory holds of the logs, and what it only points to; null when there is nothing to say. */
    String note() {
        if (planned.isEmpty() && over.isEmpty()) {
            return null;
        }
        String held = Plural.of(planned.size(), "log") + " (" + mib(bytes) + ") copied under logs/";
        if (over.isEmpty()) {
            return held + ": this directory holds every log its reports link.";
        }
        return held + "; logs of " + mib(overBytes) + " more, over the " + MAX_BYTES_MIB + " MiB a merge copies, "
                + "are linked where they are, in " + String.join(", ", over) + ".";
    }

    private static String mib(long n) {
        return n < 1 << 20 ? (n + 1023) / 1024 + " KiB" : String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "input" : s;
    }
}
