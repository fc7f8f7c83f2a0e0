package dev.m1go.binary;

import dev.m1go.host.Arch;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Mach-O facts: thin files (header, {@code LC_LOAD_DYLIB} and friends, {@code LC_LOAD_DYLINKER},
 * {@code LC_UUID}, Go's {@code __go_buildinfo} section) and universal ("fat") files, slice by slice.
 */
final class MachOFile {

    private static final long MH_MAGIC = 0xfeedfaceL;
    private static final long MH_MAGIC_64 = 0xfeedfacfL;
    private static final long FAT_MAGIC = 0xcafebabeL;
    private static final long FAT_MAGIC_64 = 0xcafebabfL;
    private static final int MAX_SLICES = 16;

    private MachOFile() {}

    /** A thin Mach-O file in either byte order. */
    static boolean isThin(Bytes b) {
        if (b.size() < 28) {
            return false;
        }
        long le = b.with(ByteOrder.LITTLE_ENDIAN).u32(0);
        long be = b.with(ByteOrder.BIG_ENDIAN).u32(0);
        return le == MH_MAGIC || le == MH_MAGIC_64 || be == MH_MAGIC || be == MH_MAGIC_64;
    }

    /**
     * A universal binary. Java class files share the magic {@code 0xcafebabe}; a universal file has few slices, each
     * inside the file.
     */
    static boolean isFat(Bytes b) {
        if (b.size() < 8) {
            return false;
        }
        Bytes be = b.with(ByteOrder.BIG_ENDIAN);
        long magic = be.u32(0);
        if (magic != FAT_MAGIC && magic != FAT_MAGIC_64) {
            return false;
        }
        long n = be.u32(4);
        if (n == 0 || n > MAX_SLICES) {
            return false;
        }
        boolean wide = magic == FAT_MAGIC_64;
        int entry = wide ? 32 : 20;
        for (int i = 0; i < n; i++) {
            long at = 8 + (long) i * entry;
            if (at + entry > b.size()) {
                return false;
            }
            long off = wide ? be.u64(at + 8) : be.u32(at + 8);
            long size = wide ? be.u64(at + 16) : be.u32(at + 12);
            if (off < 8 || !b.holds(off, size)) {
                return false;
            }
        }
        return true;
    }

    static String machineName(long cpu) {
        return Arch.ofMachoCpuType((int) cpu).map(Arch::goarch).orElse("CPU " + cpu);
    }

    /**
     * The facts of a universal binary: its slices, each read as a thin file. A malformed slice is a slice of format
     * {@code unknown} with its finding; the other slices are still read.
     */
    static BinaryFacts fat(Bytes b, String file) {
        Bytes be = b.with(ByteOrder.BIG_ENDIAN);
        boolean wide = be.u32(0) == FAT_MAGIC_64;
        int entry = wide ? 32 : 20;
        long n = be.u32(4);
        be.entries("Mach-O universal header", "nfat_arch", "slices", 8, n, entry);
        List<BinaryFacts> slices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long at = 8 + (long) i * entry;
            long cpu = be.u32(at);
            long off = wide ? be.u64(at + 8) : be.u32(at + 8);
            long size = wide ? be.u64(at + 16) : be.u32(at + 12);
            String name = file + " [" + machineName(cpu) + "]";
            try {
                Bytes slice = b.view("Mach-O universal slice " + (i + 1), "size", off, size)
                        .with(ByteOrder.LITTLE_ENDIAN);
                slices.add(
                        isThin(slice)
                                ? thin(slice, name)
                                : new BinaryFacts(
                                        name,
                                        "unknown",
                                        machineName(cpu),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of("the slice for " + machineName(cpu) + " is not a Mach-O file")));
            } catch (Bytes.Malformed e) {
                slices.add(BinaryInspector.unknown(name, e.finding(name)));
            }
        }
        return new BinaryFacts(
                file, "Mach-O universal", null, null, null, null, null, null, null, null, null, slices, null, null);
    }

    /**
     * The facts of a thin Mach-O file. {@code ncmds} and {@code sizeofcmds} are checked against the file, and each
     * command's {@code cmdsize} against {@code sizeofcmds}, before the commands are read.
     */
    static BinaryFacts thin(Bytes raw, String file) {
        long le = raw.with(ByteOrder.LITTLE_ENDIAN).u32(0);
        Bytes b = raw.with(le == MH_MAGIC || le == MH_MAGIC_64 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        boolean is64 = b.u32(0) == MH_MAGIC_64;
        long cpu = b.u32(4);
        long filetype = b.u32(12);
        long ncmds = b.u32(16);
        long sizeofcmds = b.u32(20);
        Bytes commands = b.view("Mach-O header", "sizeofcmds", is64 ? 32 : 28, sizeofcmds);
        commands.entries("Mach-O header", "ncmds", "load commands", 0, ncmds, 8);
        List<String> needed = new ArrayList<>();
        String dylinker = null;
        String uuid = null;
        GoBuildInfo go = null;
        long at = 0;
        for (long i = 0; i < ncmds; i++) {
            String where = "Mach-O load command " + (i + 1);
            commands.within(where, "load command", at, 8);
            long cmd = commands.u32(at);
            long size = commands.u32(at + 4);
            if (size < 8) {
                throw new Bytes.Malformed(where, "cmdsize " + size + " is smaller than a load command (8 bytes)");
            }
            Bytes c = commands.view(where, "cmdsize", at, size);
            if (cmd == 0xc || cmd == 0x80000018L || cmd == 0x8000001fL || cmd == 0x80000023L) {
                needed.add(string(c, where)); // LC_LOAD_DYLIB, WEAK, REEXPORT, LAZY
            } else if (cmd == 0xe) {
                dylinker = string(c, where); // LC_LOAD_DYLINKER
            } else if (cmd == 0x1b) {
                uuid = Bytes.hex(c.slice(where, "uuid", 8, 16)); // LC_UUID
            } else if (cmd == 0x19 || cmd == 0x1) {
                GoBuildInfo found = goSection(b, c, cmd == 0x19);
                go = go == null ? found : go;
            }
            at += size;
        }
        String type = switch ((int) filetype) {
            case 1 -> "OBJECT";
            case 2 -> "EXECUTE";
            case 6 -> "DYLIB";
            case 8 -> "BUNDLE";
            case 7 -> "DYLINKER";
            default -> "filetype " + filetype;
        };
        String linkage = filetype == 2 ? (dylinker == null ? "static" : "dynamic") : null;
        return new BinaryFacts(
                file,
                "Mach-O",
                machineName(cpu),
                is64 ? 64 : 32,
                b.order() == ByteOrder.BIG_ENDIAN ? "big" : "little",
                type,
                dylinker,
                needed,
                linkage,
                uuid,
                go,
                null,
                null,
                null);
    }

    /** The path a dylib or dylinker command names: a NUL-terminated string at its offset inside the command. */
    private static String string(Bytes command, String where) {
        long offset = command.u32(8);
        if (offset < 12 || offset >= command.size()) {
            throw new Bytes.Malformed(
                    where, "name offset " + offset + " lies outside the command (" + command.size() + " bytes)");
        }
        return command.cString(offset, (int) command.size());
    }

    /**
     * Go's build information in a segment's {@code __go_buildinfo} section, if this segment has one; {@code nsects}
     * is checked against the command's size before the sections are looked at.
     */
    private static GoBuildInfo goSection(Bytes file, Bytes command, boolean is64) {
        String where = "Mach-O segment " + command.fixed(8, 16);
        long nsects = command.u32(is64 ? 64 : 48);
        long first = is64 ? 72 : 56;
        int sectSize = is64 ? 80 : 68;
        command.entries(where, "nsects", "sections", first, nsects, sectSize);
        for (long i = 0, sect = first; i < nsects; i++, sect += sectSize) {
            if (command.fixed(sect, 16).equals("__go_buildinfo")) {
                long offset = command.u32(sect + (is64 ? 48 : 40));
                long size = is64 ? command.u64(sect + 40) : command.u32(sect + 36);
                return GoBuildInfo.read(file.view("Mach-O section __go_buildinfo", "size", offset, size), 0);
            }
        }
        return null;
    }
}
