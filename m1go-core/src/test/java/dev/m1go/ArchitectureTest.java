package dev.m1go;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * m1go-core is plain Java: no source in it imports Maven's or Plexus' API (the plugin module is the only front end).
 * {@code dev.m1go.core} holds what every layer may use (the log port, the user's mistake) and uses nothing else.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/m1go");

    @Test
    void noCoreSource_importsMavenOrPlexus() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(ArchitectureTest::importsMaven)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCoreHoldsNoMavenPackage() {
        assertThat(MAIN.resolve("maven")).doesNotExist();
        assertThat(MAIN.resolve("matrix")).isDirectory();
    }

    @Test
    void diagnosisDoesNotDependOnTheReproduceUseCase_andCoreTypesDependOnNoOtherPackage() throws IOException {
        assertThat(importing(MAIN.resolve("doctor"), "import dev.m1go.reproduce.")).isEmpty();
        assertThat(importing(MAIN.resolve("core"), "import dev.m1go.")).isEmpty();
    }

    @Test
    void theResultModelCarriesNoJsonMapping_theReportPackageMapsIt() throws IOException {
        assertThat(importing(MAIN.resolve("matrix"), "import com.fasterxml.")).isEmpty();
    }

    private static List<String> importing(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith(prefix));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }

    static boolean importsMaven(Path p) {
        try {
            return Files.readAllLines(p).stream()
                    .anyMatch(l -> l.startsWith("import org.apache.maven") || l.startsWith("import org.codehaus.plexus"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
