package dev.m1go.binary;

import dev.m1go.host.Arch;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an ELF file's facts: header, program headers ({@code PT_INTERP}), the dynamic section's {@code DT_NEEDED},
 * the GNU build ID note, Go's {@code .go.buildinfo}, and the symbol table (to place a PC in a function).
 */
final class ElfFile {

    static final int ET_REL = 1;
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;

    private static final String HEADER = "ELF header";

    private final Bytes b;
    private final boolean is64;
    private final int type;
    private final int machine;
    private final List<Section> sections;
    private final long[] programHeaders;
    private final String interpreter;

    /** One section header: name, type, address, file offset, size, link and entry size. */
    record Section(String name, long type, long addr, long offset, long size, long link, long entsize) {}

    /** A symbol of the symbol table: name, value (address) and size. */
    record Symbol(String name, long value, long size, boolean function) {}

    private ElfFile(Bytes raw) {
        this.is64 = raw.u8(4) == 2;
        this.b = raw.with(raw.u8(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        this.type = b.u16(16);
        this.machine = b.u16(18);
        this.sections = readSections();
        this.programHeaders = readProgramHeaders();
        this.interpreter = readInterpreter();
    }

    static boolean is(Bytes b) {
        return b.size() >= 52 && b.u8(0) == 0x7f && b.u8(1) == 'E' && b.u8(2) == 'L' && b.u8(3) == 'F';
    }

    static ElfFile of(Bytes b) {
        return new ElfFile(b);
    }

    /** The machine by Go's name, or {@code EM n}. */
    static String machineName(int em) {
        Optional<Arch> a = Arch.ofElfMachine(em);
        return a.map(Arch::goarch).orElse("EM " + em);
    }

    boolean pie() {
        return type == ET_DYN && interpreter != null;
    }

    int type() {
        return type;
    }

    BinaryFacts facts(String file) {
        String typeName = switch (type) {
            case ET_REL -> "REL";
            case ET_EXEC -> "EXEC";
            case ET_DYN -> interpreter != null ? "PIE" : "DYN";
            case 4 -> "CORE";
            default -> "type " + type;
        };
        List<String> needed = needed();
        String linkage = type == ET_EXEC || type == ET_DYN && interpreter != null
                ? (interpreter == null && needed.isEmpty() ? "static" : "dynamic")
                : null;
        return new BinaryFacts(
                file,
                "ELF",
                machineName(machine),
                is64 ? 64 : 32,
                b.order() == ByteOrder.BIG_ENDIAN ? "big" : "little",
                typeName,
                interpreter,
                needed,
                linkage,
                buildId(),
                goBuildInfo(),
                List.of(),
                List.of(),
                List.of());
    }

    /**
     * The section headers, after checking that {@code e_shnum} headers of {@code e_shentsize} bytes from
     * {@code e_shoff} lie inside the file.
     */
    private List<Section> readSections() {
        long shoff = b.word(is64 ? 40 : 32, is64);
        int shentsize = b.u16(is64 ? 58 : 46);
        int shnum = b.u16(is64 ? 60 : 48);
        int shstrndx = b.u16(is64 ? 62 : 50);
        if (shoff == 0 || shnum == 0) {
            return List.of();
        }
        table("e_shentsize", shentsize, is64 ? 64 : 40, "section header");
        b.entries(HEADER, "e_shnum", "section headers", shoff, shnum, shentsize);
        List<long[]> raw = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            long at = shoff + (long) i * shentsize;
            raw.add(new long[] {
                b.u32(at),
                b.u32(at + 4),
                b.word(at + (is64 ? 16 : 12), is64),
                b.word(at + (is64 ? 24 : 16), is64),
                b.word(at + (is64 ? 32 : 20), is64),
                b.u32(at + (is64 ? 40 : 24)),
                b.word(at + (is64 ? 56 : 36), is64)
            });
        }
        long strOff = shstrndx < raw.size() ? raw.get(shstrndx)[3] : -1;
        List<Section> out = new ArrayList<>();
        for (long[] s : raw) {
            String name = strOff >= 0 ? b.cString(strOff + s[0], 256) : "";
            out.add(new Section(name, s[1], s[2], s[3], s[4], s[5], s[6]));
        }
        return out;
    }

    /**
     * The offsets of the program headers, after checking that {@code e_phnum} headers of {@code e_phentsize} bytes
     * from {@code e_phoff} lie inside the file.
     */
    private long[] readProgramHeaders() {
        long phoff = b.word(is64 ? 32 : 28, is64);
        int phentsize = b.u16(is64 ? 54 : 42);
        int phnum = b.u16(is64 ? 56 : 44);
        if (phnum == 0) {
            return new long[0];
        }
        table("e_phentsize", phentsize, is64 ? 56 : 32, "program header");
        b.entries(HEADER, "e_phnum", "program headers", phoff, phnum, phentsize);
        long[] out = new long[phnum];
        for (int i = 0; i < phnum; i++) {
            out[i] = phoff + (long) i * phentsize;
        }
        return out;
    }

    private static void table(String field, int entsize, int least, String noun) {
        if (entsize < least) {
            throw new Bytes.Malformed(
                    HEADER, field + " " + entsize + " is smaller than a " + noun + " (" + least + " bytes)");
        }
    }

    private String readInterpreter() {
        for (long at : programHeaders) {
            if (b.u32(at) == 3) { // PT_INTERP
                long off = b.word(at + (is64 ? 8 : 4), is64);
                long size = b.word(at + (is64 ? 32 : 16), is64);
                b.within("ELF program header PT_INTERP", "p_filesz", off, size);
                return b.cString(off, (int) Math.min(size, 4096));
            }
        }
        return null;
    }

    /** The bytes of section {@code s}, after checking that its offset and size lie inside the file. */
    private Bytes contents(Section s) {
        return b.view("ELF section " + (s.name().isEmpty() ? "(unnamed)" : s.name()), "sh_size", s.offset(), s.size());
    }

    Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private List<String> needed() {
        Optional<Section> dynamic = sections.stream().filter(s -> s.type() == 6).findFirst(); // SHT_DYNAMIC
        if (dynamic.isEmpty() || dynamic.get().link() >= sections.size()) {
            return List.of();
        }
        Bytes entries = contents(dynamic.get());
        Bytes strtab = contents(sections.get((int) dynamic.get().link()));
        List<String> out = new ArrayList<>();
        int entry = is64 ? 16 : 8;
        for (long at = 0; at + entry <= entries.size(); at += entry) {
            long tag = entries.word(at, is64);
            if (tag == 0) {
                break;
            }
            if (tag == 1) { // DT_NEEDED
                out.add(strtab.cString(entries.word(at + entry / 2, is64), 4096));
            }
        }
        return out;
    }

    private String buildId() {
        for (Section s : sections) {
            if (s.type() == 7 && s.name().equals(".note.gnu.build-id")) { // SHT_NOTE
                Bytes note = contents(s);
                long namesz = note.u32(0);
                long descsz = note.u32(4);
                long desc = 12 + ((namesz + 3) & ~3L);
                return Bytes.hex(note.slice("ELF build-ID note", "descsz", desc, descsz));
            }
        }
        return null;
    }

    private GoBuildInfo goBuildInfo() {
        Optional<Section> s = section(".go.buildinfo");
        if (s.isPresent() && s.get().type() != 8) { // not SHT_NOBITS
            return GoBuildInfo.read(contents(s.get()), 0);
        }
        return null;
    }

    /** The function symbols of {@code .symtab} (or {@code .dynsym} when stripped), sorted by address. */
    List<Symbol> functions() {
        Optional<Section> tab = section(".symtab").or(() -> section(".dynsym"));
        if (tab.isEmpty() || tab.get().link() >= sections.size()) {
            return List.of();
        }
        Bytes symbols = contents(tab.get());
        Bytes strtab = contents(sections.get((int) tab.get().link()));
        int entry = is64 ? 24 : 16;
        List<Symbol> out = new ArrayList<>();
        for (long at = 0; at + entry <= symbols.size(); at += entry) {
            long name = symbols.u32(at);
            int info = is64 ? symbols.u8(at + 4) : symbols.u8(at + 12);
            long value = is64 ? symbols.u64(at + 8) : symbols.u32(at + 4);
            long size = is64 ? symbols.u64(at + 16) : symbols.u32(at + 8);
            if ((info & 0xf) == 2 && value != 0) { // STT_FUNC
                out.add(new Symbol(strtab.cString(name, 1024), value, size, true));
            }
        }
        out.sort(java.util.Comparator.comparingLong(Symbol::value));
        return out;
    }

    /** The executable {@code PT_LOAD} segments as {@code [vaddr, memsz]}. */
    List<long[]> executableSegments() {
        List<long[]> out = new ArrayList<>();
        for (long at : programHeaders) {
            long flags = b.u32(at + (is64 ? 4 : 24));
            if (b.u32(at) == 1 && (flags & 1) != 0) { // PT_LOAD, PF_X
                out.add(new long[] {b.word(at + (is64 ? 16 : 8), is64), b.word(at + (is64 ? 40 : 20), is64)});
            }
        }
        return out;
    }

    /** True when {@code addr} (a link-time address) lies in an executable segment of this file. */
    boolean inText(long addr) {
        return executableSegments().stream().anyMatch(s -> addr >= s[0] && addr < s[0] + s[1]);
    }
}
