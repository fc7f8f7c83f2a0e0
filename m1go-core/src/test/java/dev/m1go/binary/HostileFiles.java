package dev.m1go.binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Small files made byte by byte, well formed except for the one field a test names: ELF files with chosen sections,
 * thin and universal Mach-O files with one segment, and ar archives with chosen member headers.
 */
final class HostileFiles {

    static final byte[] GO_MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    private HostileFiles() {}

    /** One section of {@link #elf}: its name, {@code sh_type} and contents. */
    record Section(String name, int type, byte[] data) {

        Section {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * A 64-bit little-endian x86-64 relocatable ELF file holding {@code sections} (then {@code .shstrtab}); its
     * section header table follows the data, and {@code shnum} overrides {@code e_shnum} when not negative.
     */
    static byte[] elf(int shnum, Section... sections) {
        List<Section> all = new ArrayList<>(List.of(sections));
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.write(0);
        List<Integer> nameAt = new ArrayList<>();
        for (String n : all.stream().map(Section::name).toList()) {
            nameAt.add(names.size());
            names.writeBytes((n + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        nameAt.add(names.size());
        names.writeBytes(".shstrtab\0".getBytes(StandardCharsets.US_ASCII));
        all.add(new Section(".shstrtab", 3, names.toByteArray()));
        List<Long> offsets = new ArrayList<>();
        long at = 64;
        for (Section s : all) {
            offsets.add(at);
            at = align8(at + s.data().length);
        }
        long shoff = at;
        int count = all.size() + 1;
        ByteBuffer b = ByteBuffer.allocate((int) shoff + 64 * count).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 1).putShort(18, (short) 62).putInt(20, 1).putLong(40, shoff);
        b.putShort(52, (short) 64).putShort(54, (short) 56).putShort(58, (short) 64);
        b.putShort(60, (short) (shnum >= 0 ? shnum : count)).putShort(62, (short) (count - 1));
        for (int i = 0; i < all.size(); i++) {
            Section s = all.get(i);
            b.put(offsets.get(i).intValue(), s.data());
            int h = (int) shoff + 64 * (i + 1);
            b.putInt(h, nameAt.get(i))
                    .putInt(h + 4, s.type())
                    .putLong(h + 24, offsets.get(i))
                    .putLong(h + 32, s.data().length)
                    .putLong(h + 48, 1);
        }
        return b.array();
    }

    static byte[] elf(Section... sections) {
        return elf(-1, sections);
    }

    /** A {@code .note.gnu.build-id} section whose note says {@code descsz} and holds {@code present} bytes of ID. */
    static Section buildIdNote(long descsz, int present) {
        ByteBuffer b = ByteBuffer.allocate(16 + present).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4).putInt((int) descsz).putInt(3).put("GNU\0".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < present; i++) {
            b.put((byte) (0xa0 + i));
        }
        return new Section(".note.gnu.build-id", 7, b.array());
    }

    /** A {@code .go.buildinfo} section (Go 1.18+ inline form) whose version length says {@code versionLength}. */
    static Section goBuildInfo(long versionLength, String version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(GO_MAGIC);
        out.write(8);
        out.write(2);
        out.writeBytes(new byte[16]);
        varint(out, versionLength);
        out.writeBytes(version.getBytes(StandardCharsets.US_ASCII));
        varint(out, 0);
        return new Section(".go.buildinfo", 1, out.toByteArray());
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    /**
     * A 104-byte thin 64-bit arm64 Mach-O executable: the header and one {@code LC_SEGMENT_64 __TEXT} of 72 bytes
     * (room for no section) whose {@code nsects} says {@code nsects}.
     */
    static byte[] machoWithOneSegment(long nsects) {
        ByteBuffer b = ByteBuffer.allocate(104).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xfeedfacf)
                .putInt(0x0100000c)
                .putInt(0)
                .putInt(2)
                .putInt(1)
                .putInt(72)
                .putInt(0)
                .putInt(0);
        b.putInt(0x19).putInt(72).put("__TEXT".getBytes(StandardCharsets.US_ASCII));
        b.putInt(32 + 64, (int) nsects);
        return b.array();
    }

    /** A universal binary of one arm64 slice, {@code slice}. */
    static byte[] fat(byte[] slice) {
        ByteBuffer b = ByteBuffer.allocate(28 + slice.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0xcafebabe)
                .putInt(1)
                .putInt(0x0100000c)
                .putInt(0)
                .putInt(28)
                .putInt(slice.length)
                .putInt(0);
        b.put(slice);
        return b.array();
    }

    /** An ar archive of the given members, each a name and size field as written and the bytes that follow. */
    static byte[] ar(String... nameSizeBody) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("!<arch>\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < nameSizeBody.length; i += 3) {
            String header = pad(nameSizeBody[i], 16) + pad("0", 12) + pad("0", 6) + pad("0", 6) + pad("644", 8)
                    + pad(nameSizeBody[i + 1], 10) + "`\n";
            out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(nameSizeBody[i + 2].getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static String pad(String s, int width) {
        return String.format("%-" + width + "s", s);
    }

    private static long align8(long at) {
        return (at + 7) & ~7L;
    }
}
