package dev.m1go;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Maven stays at the edge: only dev.m1go.maven may import Maven's API. */
class ArchitectureTest {

    @Test
    void onlyTheMavenPackage_importsMaven() throws IOException {
        Path main = Path.of("src/main/java/dev/m1go");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !main.relativize(p).startsWith("maven"))
                    .filter(ArchitectureTest::importsMaven)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theMavenPackage_exists_soTheCheckAboveSeesFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/m1go/maven"))) {
            assertThat(files.anyMatch(ArchitectureTest::importsMaven)).isTrue();
        }
    }

    private static boolean importsMaven(Path p) {
        try {
            return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("import org.apache.maven"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
