package dev.m1go.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryHeaderTest {

    @TempDir
    Path dir;

    /** A 64-bit little-endian ELF header with one PT_INTERP program header when interp is not null. */
    static byte[] elf(int machine, String interp) {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        b.position(16);
        b.putShort((short) 2); // ET_EXEC
        b.putShort((short) machine);
        b.position(32);
        b.putLong(64); // e_phoff
        b.position(54);
        b.putShort((short) 56); // e_phentsize
        b.putShort((short) (interp == null ? 0 : 1)); // e_phnum
        if (interp != null) {
            b.position(64);
            b.putInt(3); // PT_INTERP
            b.position(64 + 8);
            b.putLong(200); // p_offset
            b.position(64 + 32);
            b.putLong(interp.length() + 1); // p_filesz
            b.position(200);
            b.put(interp.getBytes(StandardCharsets.US_ASCII));
        }
        return b.array();
    }

    @Test
    void elf_arm64Dynamic_readsArchAndInterpreter() throws IOException {
        Path f = Files.write(dir.resolve("go"), elf(183, "/lib/ld-linux-aarch64.so.1"));
        BinaryHeader h = BinaryHeader.read(f).orElseThrow();
        assertThat(h.format()).isEqualTo("ELF");
        assertThat(h.arch()).contains(Arch.ARM64);
        assertThat(h.interpreter()).isEqualTo("/lib/ld-linux-aarch64.so.1");
        assertThat(h.dynamic()).isTrue();
    }

    @Test
    void elf_amd64Static_hasNoInterpreter() throws IOException {
        Path f = Files.write(dir.resolve("static"), elf(62, null));
        BinaryHeader h = BinaryHeader.read(f).orElseThrow();
        assertThat(h.arch()).contains(Arch.AMD64);
        assertThat(h.dynamic()).isFalse();
    }

    @Test
    void machO_arm64_readsCpuType() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xfeedfacf).putInt(0x0100000c);
        Path f = Files.write(dir.resolve("macho"), b.array());
        assertThat(BinaryHeader.read(f).orElseThrow().arch()).contains(Arch.ARM64);
    }

    @Test
    void universalBinary_listsBothSlices() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0xcafebabe).putInt(2);
        b.putInt(0x01000007).putInt(3).putInt(0).putInt(0).putInt(0);
        b.putInt(0x0100000c).putInt(0).putInt(0).putInt(0).putInt(0);
        Path f = Files.write(dir.resolve("fat"), b.array());
        BinaryHeader h = BinaryHeader.read(f).orElseThrow();
        assertThat(h.format()).isEqualTo("Mach-O universal");
        assertThat(h.archs()).containsExactly(Arch.AMD64, Arch.ARM64);
        assertThat(h.arch()).isEmpty();
    }

    @Test
    void staticLibrary_takesTheArchOfItsFirstObject() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        a.write("!<arch>\n".getBytes(StandardCharsets.US_ASCII));
        byte[] object = elf(183, null);
        String header =
                String.format("%-16s%-12s%-6s%-6s%-8s%-10d`\n", "hello.o/", "0", "0", "0", "644", object.length);
        a.write(header.getBytes(StandardCharsets.US_ASCII));
        a.write(object);
        Path f = Files.write(dir.resolve("libhello.a"), a.toByteArray());
        BinaryHeader h = BinaryHeader.read(f).orElseThrow();
        assertThat(h.format()).isEqualTo("ar");
        assertThat(h.arch()).contains(Arch.ARM64);
    }

    @Test
    void textFile_isNoBinary() throws IOException {
        Path f = Files.writeString(dir.resolve("script"), "#!/bin/sh\necho hi\n");
        assertThat(BinaryHeader.read(f)).isEmpty();
    }

    @Test
    void binfmtEntry_parsesFlagsAndMachine() {
        String text = "enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: PF\noffset 0\n"
                + "magic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n";
        BinfmtEntry e = BinfmtEntry.parse("qemu-aarch64", text);
        assertThat(e.enabled()).isTrue();
        assertThat(e.flags()).isEqualTo("PF");
        assertThat(e.arch()).isEqualTo(Arch.ARM64);
        assertThat(BinfmtEntry.parse("qemu-aarch64", "disabled\n").enabled()).isFalse();
    }
}
