package dev.m1go.binary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.host.Arch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts of real files made at test time: ELF objects, archives and executables from gcc and aarch64-linux-gnu-gcc,
 * Mach-O thin and universal binaries from Go's own cross compiler and llvm-lipo.
 */
class BinaryInspectorTest {

    @TempDir
    static Path dir;

    static Path gcc;
    static Path crossGcc;

    @BeforeAll
    static void compile() throws Exception {
        gcc = NativeTools.require("gcc");
        crossGcc = NativeTools.require("aarch64-linux-gnu-gcc");
        Files.writeString(dir.resolve("foo.c"), "int foo(void) { return 42; }\n");
        Files.writeString(dir.resolve("main.c"), "int foo(void);\nint main(void) { return foo() - 42; }\n");
        NativeTools.run(dir, Map.of(), gcc.toString(), "-c", "-o", "foo-amd64.o", "foo.c");
        NativeTools.run(dir, Map.of(), crossGcc.toString(), "-c", "-o", "foo-arm64.o", "foo.c");
        NativeTools.run(dir, Map.of(), "ar", "rcs", "libmixed.a", "foo-amd64.o", "foo-arm64.o");
        NativeTools.run(dir, Map.of(), "ar", "rcs", "libzmq.a", "foo-amd64.o");
        NativeTools.run(dir, Map.of(), gcc.toString(), "-g", "-o", "pie", "main.c", "foo.c");
        NativeTools.run(dir, Map.of(), gcc.toString(), "-g", "-no-pie", "-o", "exec", "main.c", "foo.c");
        NativeTools.run(dir, Map.of(), gcc.toString(), "-static", "-o", "static", "main.c", "foo.c");
        NativeTools.run(dir, Map.of(), gcc.toString(), "-shared", "-fPIC", "-o", "libfoo.so", "foo.c");
        NativeTools.run(dir, Map.of(), crossGcc.toString(), "-o", "arm64-exe", "main.c", "foo.c");
    }

    private static BinaryFacts facts(String name) throws IOException {
        return BinaryInspector.read(dir.resolve(name), name);
    }

    @Test
    void elf_objectsExecutablesAndLibraries_fromTheirOwnBytes() throws IOException {
        BinaryFacts obj = facts("foo-arm64.o");
        assertThat(obj.format()).isEqualTo("ELF");
        assertThat(obj.machine()).isEqualTo("arm64");
        assertThat(obj.type()).isEqualTo("REL");
        assertThat(obj.linkage()).isNull();
        BinaryFacts pie = facts("pie");
        assertThat(pie.machine()).isEqualTo("amd64");
        assertThat(pie.bits()).isEqualTo(64);
        assertThat(pie.endianness()).isEqualTo("little");
        assertThat(pie.type()).isEqualTo("PIE");
        assertThat(pie.interpreter()).isEqualTo("/lib64/ld-linux-x86-64.so.2");
        assertThat(pie.needed()).contains("libc.so.6");
        assertThat(pie.linkage()).isEqualTo("dynamic");
        assertThat(pie.buildId()).matches("[0-9a-f]{40}");
        assertThat(facts("exec").type()).isEqualTo("EXEC");
        BinaryFacts stat = facts("static");
        assertThat(stat.linkage()).isEqualTo("static");
        assertThat(stat.interpreter()).isNull();
        assertThat(stat.needed()).isEmpty();
        assertThat(facts("libfoo.so").type()).isEqualTo("DYN");
        BinaryFacts arm = facts("arm64-exe");
        assertThat(arm.machine()).isEqualTo("arm64");
        assertThat(arm.interpreter()).isEqualTo("/lib/ld-linux-aarch64.so.1");
    }

    @Test
    void archive_mixedMembers_isAFinding_andAWrongTargetNamesTheFix() throws IOException {
        BinaryFacts mixed = BinaryInspector.inspect(dir.resolve("libmixed.a"), "libmixed.a", null);
        assertThat(mixed.format()).isEqualTo("ar");
        assertThat(mixed.members()).extracting(BinaryFacts.Member::name).containsExactly("foo-amd64.o", "foo-arm64.o");
        assertThat(mixed.members()).extracting(BinaryFacts.Member::machine).containsExactly("amd64", "arm64");
        assertThat(mixed.findings())
                .singleElement()
                .asString()
                .startsWith("libmixed.a mixes x86_64 and arm64 objects (x86_64: foo-amd64.o; arm64: foo-arm64.o)");
        BinaryFacts zmq = BinaryInspector.inspect(dir.resolve("libzmq.a"), "libzmq.a", Arch.ARM64);
        assertThat(zmq.findings())
                .containsExactly("libzmq.a holds x86_64 objects; this build targets arm64: "
                        + "rebuild it for arm64 or point CGO_LDFLAGS at the arm64 prefix");
        assertThat(BinaryInspector.inspect(dir.resolve("libzmq.a"), "libzmq.a", Arch.AMD64)
                        .findings())
                .isEmpty();
    }

    @Test
    void unknownFiles_areFactsNotErrors() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello\n");
        assertThat(facts("notes.txt").format()).isEqualTo("unknown");
        Files.write(dir.resolve("cut"), java.util.Arrays.copyOf(Files.readAllBytes(dir.resolve("pie")), 70));
        BinaryFacts cut = facts("cut");
        assertThat(cut.format()).isEqualTo("unknown");
        assertThat(cut.findings())
                .singleElement()
                .asString()
                .startsWith("ELF header of cut: e_shnum ")
                .endsWith(" run past the end of the file (70 bytes)");
    }

    @Test
    void json_andTable_nameEveryFile() throws IOException {
        List<BinaryFacts> all =
                List.of(facts("pie"), BinaryInspector.inspect(dir.resolve("libmixed.a"), "libmixed.a", null));
        JsonNode pie = new ObjectMapper().readTree(BinaryInspector.json(all.get(0)));
        assertThat(pie.get("file").asText()).isEqualTo("pie");
        assertThat(pie.get("machine").asText()).isEqualTo("amd64");
        assertThat(pie.get("type").asText()).isEqualTo("PIE");
        assertThat(pie.has("slices")).isFalse();
        String table = BinaryInspector.table(all);
        assertThat(table).contains("pie", "PIE", "libmixed.a", "2 members: amd64, arm64", "Findings:");
    }
}
