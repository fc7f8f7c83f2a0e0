package dev.m1go.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plugin is a thin front end: every main source sits in dev.m1go.maven; the engine lives in m1go-core. */
class PluginLayoutTest {

    @Test
    void everyPluginSource_isInTheMavenPackage() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> outside;
        try (Stream<Path> files = Files.walk(main)) {
            outside = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !main.relativize(p).startsWith(Path.of("dev/m1go/maven")))
                    .map(Path::toString)
                    .toList();
        }
        assertThat(outside).isEmpty();
    }
}
