package dev.m1go.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CSourceTest {

    private static final String LIB = """
            #include "lib.h"
            #include <string.h>
            #define TWICE(x) \\
                ((x) * 2)

            /* a comment with { braces } and ; */
            static int counter;
            struct point { int x; int y; };
            static const char *names[] = { "a;", "}" };

            int lib_add(int a, int b) {
                counter++; // one ; more
                return a + b;
            }

            int lib_unused(int a) {
                char buf[16];
                memset(buf, 0, sizeof buf);
                for (int i = 0; i < 3; i++) {
                    a += i;
                }
                if (a > 3) {
                    return a - 3;
                } else {
                    return a + 3;
                }
            }
            """;

    private static List<String> texts(List<CSource.Span> spans, byte[] text) {
        return spans.stream()
                .map(s -> new String(text, s.start(), s.end() - s.start(), StandardCharsets.UTF_8).strip())
                .toList();
    }

    @Test
    void declarations_arePreprocessorLines_declarationsAndFunctions() {
        byte[] text = LIB.getBytes(StandardCharsets.UTF_8);
        List<CSource.Span> decls = CSource.declarations(text, 0, text.length);
        assertThat(decls)
                .extracting(CSource.Span::kind)
                .containsExactly(
                        "preprocessor",
                        "preprocessor",
                        "preprocessor",
                        "declaration",
                        "declaration",
                        "declaration",
                        "function",
                        "function");
        List<String> t = texts(decls, text);
        assertThat(t.get(2)).isEqualTo("#define TWICE(x) \\\n    ((x) * 2)");
        assertThat(t.get(3)).startsWith("/* a comment").endsWith("static int counter;");
        assertThat(t.get(5)).isEqualTo("static const char *names[] = { \"a;\", \"}\" };");
        assertThat(t.get(6)).startsWith("int lib_add(int a, int b) {").endsWith("return a + b;\n}");
    }

    @Test
    void statements_ofEveryBlock_withIfElseAndForAsOne() {
        byte[] text = LIB.getBytes(StandardCharsets.UTF_8);
        List<String> t = texts(CSource.statements(text, 0, text.length), text);
        assertThat(t)
                .contains(
                        "counter++; // one ; more",
                        "return a + b;",
                        "char buf[16];",
                        "memset(buf, 0, sizeof buf);",
                        "a += i;",
                        "return a - 3;",
                        "return a + 3;");
        assertThat(t)
                .anySatisfy(s -> assertThat(s)
                        .startsWith("for (int i = 0; i < 3; i++) {")
                        .endsWith("}"));
        assertThat(t)
                .anySatisfy(s -> assertThat(s)
                        .startsWith("if (a > 3) {")
                        .contains("} else {")
                        .endsWith("}"));
    }

    @Test
    void aRegion_isScannedAlone_asAPreambleIs() {
        String go = "package main\n\n/*\n#include <stdio.h>\nstatic void f(void) { puts(\"x\"); }\n*/\nimport \"C\"\n";
        byte[] text = go.getBytes(StandardCharsets.UTF_8);
        int from = go.indexOf("/*") + 2;
        int to = go.indexOf("*/");
        assertThat(texts(CSource.declarations(text, from, to), text))
                .containsExactly("#include <stdio.h>", "static void f(void) { puts(\"x\"); }");
        assertThat(texts(CSource.statements(text, from, to), text)).containsExactly("puts(\"x\");");
    }

    @Test
    void cut_takesTheIndentationOfAWholeLineAlong() {
        byte[] text = "{\n    a();\n    b();\n}\n".getBytes(StandardCharsets.UTF_8);
        int start = "{\n    ".length();
        byte[] out = Units.cut(text, List.of(new Units.Piece("f", start, start + "a();\n".length(), "x")));
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("{\n    b();\n}\n");
    }

    @Test
    void cut_removesNestedAndOverlappingRanges() {
        byte[] text = "0123456789".getBytes(StandardCharsets.UTF_8);
        byte[] out = Units.cut(
                text,
                List.of(
                        new Units.Piece("f", 2, 6, "x"),
                        new Units.Piece("f", 3, 4, "y"),
                        new Units.Piece("f", 5, 8, "z")));
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("0189");
    }
}
