package dev.m1go.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The golden reports of src/test/resources/golden: each directory the {@code target/m1go} of one run of an earlier
 * version, laid out again as it was measured ({@code <root>/<name>/target/m1go}), so that relative log paths and a
 * merged report's paths to its inputs resolve.
 */
public final class Golden {

    /** Where the golden runs were measured; paths in them start with this. */
    public static final String MEASURED_IN = "/tmp/model-golden";

    private Golden() {}

    /** Copies every golden run under {@code root} and returns {@code root}. */
    public static Path copyTo(Path root) {
        try {
            Path source = Path.of(Golden.class.getResource("/golden").toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path rel = source.relativize(f);
                    if (rel.getNameCount() < 2) {
                        continue;
                    }
                    Path to = root.resolve(rel.getName(0))
                            .resolve("target/m1go")
                            .resolve(rel.subpath(1, rel.getNameCount()));
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report directory of the golden run {@code name} under {@code root}. */
    public static Path directory(Path root, String name) {
        return root.resolve(name).resolve("target/m1go");
    }
}
