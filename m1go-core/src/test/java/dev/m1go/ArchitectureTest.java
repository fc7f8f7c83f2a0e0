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
 * {@code dev.m1go.core} holds what every layer may use (the log port, the user's mistake) and uses nothing else,
 * and no two top-level packages depend on each other, however round about.
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
        assertThat(importing(MAIN.resolve("doctor"), "import dev.m1go.reproduce."))
                .isEmpty();
        assertThat(importing(MAIN.resolve("core"), "import dev.m1go.")).isEmpty();
    }

    /**
     * No top-level package uses another that uses it back, directly or round about ({@code matrix -> module ->
     * matrix}): the packages stay layers. Uses are read from imports and from names written out in full in code.
     */
    @Test
    void theTopLevelPackagesDependOnEachOtherWithoutACycle() throws IOException {
        PackageGraph graph = PackageGraph.read(MAIN);
        assertThat(graph.uses())
                .as("the scan sees the use cases' dependencies")
                .hasEntrySatisfying("reproduce", uses -> assertThat(uses).contains("matrix", "report", "core"));

        List<List<String>> cycles = graph.cycles();

        assertThat(cycles)
                .withFailMessage(() -> "m1go-core's packages form cycles:\n" + graph.describe(cycles))
                .isEmpty();
    }

    /** The wire form of report.json is report/'s business; the build cache may store its own entries as JSON. */
    @Test
    void theResultModelCarriesNoJsonMapping_theReportPackageMapsIt() throws IOException {
        assertThat(importing(MAIN.resolve("matrix"), "import com.fasterxml.jackson.annotation."))
                .isEmpty();
        assertThat(importing(MAIN.resolve("matrix"), "import com.fasterxml.jackson.databind.annotation."))
                .isEmpty();
        assertThat(importing(MAIN.resolve("matrix"), "import com.fasterxml.").stream()
                        .filter(f -> !f.endsWith("BuildCache.java")))
                .isEmpty();
    }

    @Test
    void mappersAndAtomicWrites_areMadeInOnePlaceEach() throws IOException {
        assertThat(containing(MAIN, "new ObjectMapper("))
                .containsExactly(MAIN.resolve("core/Mappers.java").toString());
        // files are replaced through AtomicFiles; the build cache renames whole entry directories into place
        assertThat(containing(MAIN, "ATOMIC_MOVE"))
                .containsExactly(
                        MAIN.resolve("core/AtomicFiles.java").toString(),
                        MAIN.resolve("matrix/BuildCache.java").toString());
    }

    private static List<String> containing(Path dir, String text) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains(text);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
    }

    private static List<String> importing(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith(prefix));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
    }

    static boolean importsMaven(Path p) {
        try {
            return Files.readAllLines(p).stream()
                    .anyMatch(
                            l -> l.startsWith("import org.apache.maven") || l.startsWith("import org.codehaus.plexus"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The front ends (the Maven plugin, the m1go command) reach the core only through the use cases
     * ({@code dev.m1go.app}), the types every layer shares ({@code dev.m1go.core}) and the settings
     * ({@code dev.m1go.settings}), plus the settings groups they fill from their own configuration: a front end that
     * starts the engine, a runner or a report writer itself fails here. Their sources sit beside this module's.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "../m1go-maven-plugin/src/main/java, toolchain.DeclaredToolchains reproduce.Publish",
        "../m1go-cli/src/main/java, reproduce.Publish"
    })
    void aFrontEnd_usesOnlyTheUseCasesTheSharedTypesAndTheSettings(String sources, String allowedTypes)
            throws IOException {
        Path dir = Path.of(sources);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "the front end's sources are beside");
        java.util.Set<String> packages = java.util.Set.of("app", "core", "settings");
        java.util.Set<String> types = java.util.Set.of(allowedTypes.trim().split("\\s+"));
        java.util.regex.Pattern use = java.util.regex.Pattern.compile("\\bdev\\.m1go\\.([a-z]+)\\.([A-Z]\\w*)");
        java.util.Set<String> offenders = new java.util.TreeSet<>();
        java.util.Set<String> used = new java.util.TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                    if (!packages.contains(m.group(1)) && !types.contains(m.group(1) + "." + m.group(2))) {
                        offenders.add(f.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertThat(used).as("the scan sees %s use the core", sources).contains("app", "core");
        assertThat(offenders).as(sources).isEmpty();
    }
}
