package dev.m1go.binary;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a static archive ({@code !<arch>}, GNU and BSD member names): the format and machine of every member, so a
 * library that mixes architectures shows which objects are which.
 */
final class ArArchive {

    private static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GO_OBJECT = "go object ".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_MEMBERS = 100_000;

    private ArArchive() {}

    static boolean is(Bytes b) {
        return b.startsWith(0, MAGIC);
    }

    /**
     * The members of the archive. Each member's size must be a decimal number of bytes that the file holds (and a BSD
     * name length one that the member holds) before the member is read or skipped.
     *
     * @throws Bytes.Malformed naming the member (counted from 1, symbol tables included) and the field
     */
    static BinaryFacts facts(Bytes b, String file) {
        List<BinaryFacts.Member> members = new ArrayList<>();
        String longNames = "";
        long at = 8;
        for (int index = 1; at + 60 <= b.size() && members.size() < MAX_MEMBERS; index++) {
            String where = "ar member " + index;
            String rawName = ascii(b.slice(at, 16)).trim();
            long size = decimal(where, "size", ascii(b.slice(at + 48, 10)), "size");
            long data = at + 60;
            long end = b.within(where, "size", data, size);
            String name = rawName;
            long body = data;
            long bodySize = size;
            if (rawName.startsWith("#1/")) { // BSD: the name follows the header
                long n = decimal(where, "name length", rawName.substring(3), "length");
                if (n > size) {
                    throw new Bytes.Malformed(where, "name length " + n + " is more than the member's size " + size);
                }
                name = b.cString(data, (int) n);
                body = data + n;
                bodySize = size - n;
            } else if (rawName.equals("//")) {
                longNames = ascii(b.slice(where, "size", data, size));
            } else if (rawName.startsWith("/") && rawName.length() > 1 && Character.isDigit(rawName.charAt(1))) {
                long off = decimal(where, "long-name offset", rawName.substring(1), "offset");
                if (off < longNames.length()) {
                    int stop = longNames.indexOf("/\n", (int) off);
                    name = longNames.substring((int) off, stop < 0 ? longNames.length() : stop);
                }
            } else if (rawName.endsWith("/") && rawName.length() > 1) {
                name = rawName.substring(0, rawName.length() - 1);
            }
            if (!symbolTable(rawName, name)) {
                members.add(member(b.view(where, "size", body, bodySize), name));
            }
            at = end + (size % 2);
        }
        return new BinaryFacts(file, "ar", null, null, null, null, null, null, null, null, null, null, members, null);
    }

    /**
     * A decimal field of a member header, padded with spaces: digits only, so a size is never negative.
     *
     * @throws Bytes.Malformed {@code size -60 is not a size}
     */
    private static long decimal(String where, String field, String text, String noun) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Bytes.Malformed(where, field + " " + (t.isEmpty() ? "(blank)" : t) + " is not a " + noun);
        }
        return Long.parseLong(t);
    }

    private static boolean symbolTable(String rawName, String name) {
        return rawName.equals("/")
                || rawName.equals("//")
                || rawName.equals("/SYM64/")
                || name.startsWith("__.SYMDEF")
                || name.equals("__.PKGDEF");
    }

    /** What one member is, read from its own bytes (nothing past its end). */
    private static BinaryFacts.Member member(Bytes m, String name) {
        long size = m.size();
        if (size >= 52 && m.u8(0) == 0x7f && m.u8(1) == 'E' && m.u8(2) == 'L' && m.u8(3) == 'F') {
            ByteOrder order = m.u8(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            return new BinaryFacts.Member(
                    name, "ELF", ElfFile.machineName(m.with(order).u16(18)));
        }
        if (size >= 28) {
            long le = m.with(ByteOrder.LITTLE_ENDIAN).u32(0);
            if (le == 0xfeedfacfL || le == 0xfeedfaceL) {
                return new BinaryFacts.Member(
                        name,
                        "Mach-O",
                        MachOFile.machineName(m.with(ByteOrder.LITTLE_ENDIAN).u32(4)));
            }
        }
        if (m.startsWith(0, GO_OBJECT)) { // "go object linux amd64 go1.22.12 …"
            String[] words = m.cString(0, 120).split(" ");
            return new BinaryFacts.Member(name, "Go object", words.length > 3 ? words[3] : null);
        }
        return new BinaryFacts.Member(name, "unknown", null);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
