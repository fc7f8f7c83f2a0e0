package dev.m1go.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Loads the crash-log fixtures from the test resources. */
final class Fixtures {

    /** One fixture: its file name without {@code .log} and its parsed content. */
    record Fixture(String name, LogFile log) {

        String expectedOutcome() {
            return log.header("expect").split(" ")[0];
        }

        String expectedSignal() {
            String[] parts = log.header("expect").split(" ");
            return parts.length > 1 ? parts[1] : null;
        }

        Evidence evidence() {
            return log.toEvidence(log.header("os"));
        }
    }

    private Fixtures() {}

    static Path directory() {
        try {
            return Path.of(Fixtures.class.getResource("fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Fixture> all() {
        try (Stream<Path> s = Files.list(directory())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .map(Fixtures::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture load(Path p) {
        try {
            String name = p.getFileName().toString().replaceFirst("\\.log$", "");
            return new Fixture(name, LogFile.parse(Files.readString(p, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture named(String name) {
        return load(directory().resolve(name + ".log"));
    }
}
