package dev.m1go;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cycle check of {@link ArchitectureTest} finds cycles, and only real ones. */
class PackageGraphTest {

    @TempDir
    Path root;

    @Test
    void aCycleThroughAnImportAndAnInlineName_isReportedWithItsPath() throws IOException {
        write("a/A.java", """
                package dev.m1go.a;

                import dev.m1go.b.B;

                public class A {
                    B b;
                    public static class Inner {
                    }
                }
                """);
        write("b/B.java", """
                package dev.m1go.b;

                public class B {
                    dev.m1go.a.A.Inner inner;
                }
                """);

        PackageGraph graph = PackageGraph.read(root);

        assertThat(graph.cycles()).containsExactly(List.of("a", "b", "a"));
        assertThat(graph.describe(graph.cycles())).isEqualTo("""
                a -> b -> a
                  a -> b: a/A.java:3
                  b -> a: b/B.java:4
                """);
    }

    @Test
    void aSubpackageIsItsTopLevelPackage_andStaticImportsCount() throws IOException {
        write("runner/container/C.java", """
                package dev.m1go.runner.container;

                import static dev.m1go.matrix.M.run;

                class C {
                }
                """);
        write("matrix/M.java", """
                package dev.m1go.matrix;

                class M {
                    Object c = new dev.m1go.runner.container.C();
                    Object same = dev.m1go.matrix.M.class;
                }
                """);

        PackageGraph graph = PackageGraph.read(root);

        assertThat(graph.uses()).isEqualTo(Map.of("runner", Set.of("matrix"), "matrix", Set.of("runner")));
        assertThat(graph.cycles()).containsExactly(List.of("matrix", "runner", "matrix"));
    }

    @Test
    void commentsJavadocAndLiterals_makeNoEdge() throws IOException {
        write("a/A.java", """
                package dev.m1go.a;

                import dev.m1go.b.B;

                class A {
                }
                """);
        write("b/B.java", """
                package dev.m1go.b;

                /** See {@link dev.m1go.a.A}. */
                class B {
                    // dev.m1go.a.A is not used
                    /* nor dev.m1go.a.A */
                    String name = "dev.m1go.a.A \\" dev.m1go.a.A";
                    char quote = '"';
                    String block = \"""
                            dev.m1go.a.A \\\""" dev.m1go.a.A
                            \""";
                    Object notOurs = com.example.dev.m1go.a.A.class;
                }
                """);

        PackageGraph graph = PackageGraph.read(root);

        assertThat(graph.uses()).isEqualTo(Map.of("a", Set.of("b")));
        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void everyCycleIsReportedOnce_fromItsFirstPackage() {
        Map<String, Set<String>> graph = Map.of(
                "core", Set.of(),
                "matrix", Set.of("module", "report", "core"),
                "module", Set.of("matrix", "core"),
                "report", Set.of("stats", "core"),
                "stats", Set.of("matrix"),
                "reproduce", Set.of("matrix", "report"));

        assertThat(PackageGraph.cycles(graph))
                .containsExactly(List.of("matrix", "module", "matrix"), List.of("matrix", "report", "stats", "matrix"));
        assertThat(PackageGraph.cycles(Map.of("reproduce", Set.of("matrix"), "matrix", Set.of("core"))))
                .isEmpty();
    }

    @Test
    void theBlankedSourceKeepsItsLines() {
        String source = "a /* one\ntwo */ b // three\n\"x\" c";

        assertThat(PackageGraph.code(source))
                .isEqualTo(
                        "a" + " ".repeat(7) + "\n" + " ".repeat(7) + "b" + " ".repeat(9) + "\n" + " ".repeat(4) + "c");
    }

    private void write(String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
