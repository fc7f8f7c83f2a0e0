package dev.m1go.binary;

import static dev.m1go.binary.HostileFiles.ar;
import static dev.m1go.binary.HostileFiles.buildIdNote;
import static dev.m1go.binary.HostileFiles.elf;
import static dev.m1go.binary.HostileFiles.fat;
import static dev.m1go.binary.HostileFiles.goBuildInfo;
import static dev.m1go.binary.HostileFiles.machoWithOneSegment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files of a few hundred bytes whose lengths and counts claim far more than they hold: each is one finding that
 * names the file and the field, costs no more memory than its own size and no more time than reading it.
 */
class HostileFilesTest {

    private static BinaryFacts facts(byte[] file, String name) {
        return BinaryInspector.facts(new Bytes(ByteBuffer.wrap(file), ByteOrder.LITTLE_ENDIAN), name);
    }

    /** Bytes the current thread allocates while {@code r} runs. */
    private static long allocatedBy(Runnable r) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        r.run();
        return mx.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void arLongNamesTable_claiming0x7fffffffBytes_isOneFindingNamingTheField() {
        byte[] file = ar("//", "2147483647", "foo.o/\n");
        assertThat(file.length).isLessThan(400);
        BinaryFacts f = facts(file, "libbig.a");
        assertThat(f.format()).isEqualTo("unknown");
        assertThat(f.findings())
                .singleElement()
                .asString()
                .startsWith("ar member 1 of libbig.a: size 2147483647 at offset 68 runs past the end of the file");
    }

    @Test
    void elfBuildIdNote_descszOf0x7fffffff_isOneFindingNamingTheField() {
        byte[] file = elf(buildIdNote(0x7fffffffL, 20));
        assertThat(file.length).isLessThan(400);
        BinaryFacts f = facts(file, "evil.o");
        assertThat(f.format()).isEqualTo("unknown");
        assertThat(f.findings())
                .singleElement()
                .asString()
                .startsWith("ELF build-ID note of evil.o: descsz "
                        + "2147483647 at offset 16 runs past the end of ELF section .note.gnu.build-id (36 bytes)");
    }

    @Test
    void goBuildInfo_versionLengthOf0x7fffffff_isOneFindingNamingTheField() {
        byte[] file = elf(goBuildInfo(0x7fffffffL, "go1.22.0"));
        assertThat(file.length).isLessThan(400);
        BinaryFacts f = facts(file, "hello");
        assertThat(f.format()).isEqualTo("unknown");
        assertThat(f.findings())
                .singleElement()
                .asString()
                .startsWith("Go build information of hello: version "
                        + "length 2147483647 at offset 37 runs past the end of ELF section .go.buildinfo");
    }

    static Stream<Arguments> twoGigabyteLengths() {
        long n = 2_000_000_000L;
        return Stream.of(
                Arguments.of("ar long-names table", ar("//", Long.toString(n), "foo.o/\n")),
                Arguments.of("ELF build-ID note", elf(buildIdNote(n, 20))),
                Arguments.of("Go build information", elf(goBuildInfo(n, "go1.22.0"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoGigabyteLengths")
    void lengthOf2000000000_allocatesLessThanAMebibyte(String what, byte[] file) {
        facts(file, "warm-up");
        long allocated = allocatedBy(() -> assertThat(facts(file, "evil").findings())
                .singleElement()
                .asString()
                .contains("evil")
                .contains("2000000000"));
        assertThat(allocated)
                .as("bytes allocated for a %d-byte file", file.length)
                .isLessThan(1 << 20);
    }

    @Test
    void machoSegment_claiming0xffffffffSections_isOneFindingWithinSeconds() {
        byte[] file = machoWithOneSegment(0xffffffffL);
        assertThat(file.length).isEqualTo(104);
        BinaryFacts f = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> facts(file, "evil.macho"));
        assertThat(f.format()).isEqualTo("unknown");
        assertThat(f.findings())
                .containsExactly("Mach-O segment __TEXT of evil.macho: nsects 4294967295 sections "
                        + "of 80 bytes at offset 72 run past the end of Mach-O load command 1 (72 bytes)");
    }

    @Test
    void fatSlice_segmentClaiming0xffffffffSections_isOneFindingForThatSlice() {
        byte[] file = fat(machoWithOneSegment(0xffffffffL));
        BinaryFacts f = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> facts(file, "evil.fat"));
        assertThat(f.format()).isEqualTo("Mach-O universal");
        assertThat(f.slices()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("evil.fat [arm64]");
            assertThat(s.format()).isEqualTo("unknown");
            assertThat(s.findings())
                    .singleElement()
                    .asString()
                    .startsWith("Mach-O segment __TEXT of evil.fat [arm64]: nsects 4294967295 sections");
        });
    }

    @Test
    void arMember_negativeSize_isOneFindingNamingTheField() {
        byte[] file = ar("a.o/", "4", "abcd", "foo.o/", "-60", "0123456789");
        BinaryFacts f = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> facts(file, "libfoo.a"));
        assertThat(f.format()).isEqualTo("unknown");
        assertThat(f.members()).isEmpty();
        assertThat(f.findings()).containsExactly("ar member 2 of libfoo.a: size -60 is not a size");
    }

    @Test
    void arMember_nonNumericSize_isOneFindingNamingTheField() {
        BinaryFacts f = facts(ar("foo.o/", "12x", "0123456789ab"), "libx.a");
        assertThat(f.findings()).containsExactly("ar member 1 of libx.a: size 12x is not a size");
    }

    @Test
    void elfSectionHeaderTable_pastTheEnd_isOneFindingNamingTheField() {
        byte[] file = elf(40, buildIdNote(20, 20));
        BinaryFacts f = facts(file, "cut.o");
        assertThat(f.format()).isEqualTo("unknown");
        assertThat(f.findings())
                .singleElement()
                .asString()
                .startsWith("ELF header of cut.o: e_shnum 40 section " + "headers of 64 bytes at offset ")
                .endsWith(" run past the end of the file (" + file.length + " bytes)");
    }

    @Test
    void wellFormedFiles_stillReadInFull() {
        BinaryFacts note = facts(elf(buildIdNote(20, 20)), "good.o");
        assertThat(note.findings()).isEmpty();
        assertThat(note.buildId()).isEqualTo("a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3");
        assertThat(facts(elf(goBuildInfo(8, "go1.22.0")), "hello").go().goVersion())
                .isEqualTo("go1.22.0");
        BinaryFacts macho = facts(machoWithOneSegment(0), "hello.macho");
        assertThat(macho.machine()).isEqualTo("arm64");
        assertThat(macho.findings()).isEmpty();
        BinaryFacts lib = facts(ar("a.o/", "4", "abcd", "b.o/", "3", "xyz\n"), "lib.a");
        assertThat(lib.members()).extracting(BinaryFacts.Member::name).containsExactly("a.o", "b.o");
    }

    @Test
    void directory_oneHostileFileAndOneGoodFile_yieldsAResultForBoth(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("good.o"), elf(buildIdNote(20, 20)));
        Files.write(dir.resolve("libbig.a"), ar("//", "2147483647", "foo.o/\n"));
        List<String> seen = new ArrayList<>();
        BinaryInspector.Inspection result = BinaryInspector.inspectAll(dir, null, f -> seen.add(f.file()));
        assertThat(seen).containsExactly("good.o", "libbig.a");
        assertThat(result.unreadable()).isEmpty();
        assertThat(result.facts().get(0).buildId()).startsWith("a0a1");
        assertThat(result.facts().get(1).findings())
                .singleElement()
                .asString()
                .startsWith("ar member 1 of libbig.a: size 2147483647");
    }

    @Test
    void directory_aSubdirectoryThatCannotBeListed_isUnreadable_andTheOtherFilesInspected(@TempDir Path dir)
            throws Exception {
        Files.write(dir.resolve("a.o"), elf(buildIdNote(20, 20)));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.write(locked.resolve("b.o"), elf(buildIdNote(20, 20)));
        Files.write(dir.resolve("z.o"), elf(buildIdNote(20, 20)));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(locked), "running as a user who reads all");
            BinaryInspector.Inspection result = BinaryInspector.inspectAll(dir, null, f -> {});
            assertThat(result.facts()).extracting(BinaryFacts::file).containsExactly("a.o", "z.o");
            assertThat(result.unreadable()).containsExactly(locked + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
