package dev.m1go.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The one place where lengths and counts read from a file are checked against the bytes that are there. */
class BytesTest {

    private static final Bytes HUNDRED = new Bytes(ByteBuffer.wrap(new byte[100]), ByteOrder.LITTLE_ENDIAN);

    private static String finding(Runnable r) {
        try {
            r.run();
        } catch (Bytes.Malformed e) {
            assertThat(e.getStackTrace()).isEmpty();
            return e.finding("f.o");
        }
        throw new AssertionError("not malformed");
    }

    @Test
    void within_aLengthPastTheEnd_isAFindingNamingWhereAndField() {
        assertThat(HUNDRED.within("ELF header", "e_shoff", 90, 10)).isEqualTo(100);
        assertThat(finding(() -> HUNDRED.within("ELF header", "e_shoff", 90, 11)))
                .isEqualTo("ELF header of f.o: e_shoff 11 at offset 90 runs past the end of the file (100 bytes)");
    }

    @Test
    void within_offsetsAndLengthsThatWouldOverflow_areMalformedNotWrapped() {
        assertThat(finding(() -> HUNDRED.within("w", "size", 8, Long.MAX_VALUE)))
                .contains("size 9223372036854775807");
        assertThat(finding(() -> HUNDRED.within("w", "size", -1, 1))).contains("at offset 18446744073709551615");
        assertThat(finding(() -> HUNDRED.within("w", "size", 0, -60))).contains("size 18446744073709551556");
        assertThat(finding(() -> HUNDRED.within("w", "size", 101, 0))).contains("at offset 101");
    }

    @Test
    void entries_aCountBeyondTheBytes_isAFindingBeforeAnyLoop() {
        assertThat(HUNDRED.entries("w", "n", "things", 20, 10, 8)).isEqualTo(100);
        assertThat(finding(() -> HUNDRED.entries("Mach-O segment __TEXT", "nsects", "sections", 72, 0xffffffffL, 80)))
                .isEqualTo("Mach-O segment __TEXT of f.o: nsects 4294967295 sections of 80 bytes at offset 72 run "
                        + "past the end of the file (100 bytes)");
        assertThat(finding(() -> HUNDRED.entries("w", "n", "things", 0, Long.MAX_VALUE / 2, 4)))
                .contains("n 4611");
    }

    @Test
    void view_countsFromItsStart_andNamesItselfInFindings() {
        byte[] b = new byte[100];
        b[40] = 7;
        Bytes whole = new Bytes(ByteBuffer.wrap(b), ByteOrder.LITTLE_ENDIAN);
        Bytes section = whole.view("ELF section .note", "sh_size", 40, 20);
        assertThat(section.size()).isEqualTo(20);
        assertThat(section.u8(0)).isEqualTo(7);
        assertThat(finding(() -> section.slice("ELF build-ID note", "descsz", 16, 5)))
                .isEqualTo(
                        "ELF build-ID note of f.o: descsz 5 at offset 16 runs past the end of ELF section .note (20 bytes)");
        assertThat(finding(() -> section.u32(18)))
                .isEqualTo("f.o: 4 bytes at offset 18 run past the end of ELF section .note (20 bytes)");
        assertThat(finding(() -> whole.view("ELF section .dynamic", "sh_size", 90, 20)))
                .startsWith("ELF section .dynamic of f.o: sh_size 20 at offset 90 runs past");
    }
}
