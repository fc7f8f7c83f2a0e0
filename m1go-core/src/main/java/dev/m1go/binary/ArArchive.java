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

    private ArArchive() {
    }

    static boolean is(Bytes b) {
        return b.startsWith(0, MAGIC);
    }

    static BinaryFacts facts(Bytes b, String file) {
        List<BinaryFacts.Member> members = new ArrayList<>();
        String longNames = "";
        long at = 8;
        for (int index = 1; at + 60 <= b.size() && members.size() < MAX_MEMBERS; index++) {
            String where = "ar member " + index;
            String rawName = ascii(b.slice(at, 16)).trim();
            long size = Long.parseLong(ascii(b.slice(at + 48, 10)).trim());
            long data = at + 60;
            String name = rawName;
            long body = data;
            long bodySize = size;
            if (rawName.startsWith("#1/")) { // BSD: the name follows the header
                int n = Integer.parseInt(rawName.substring(3));
                name = b.cString(data, n);
                body = data + n;
                bodySize = size - n;
            } else if (rawName.equals("//")) {
                longNames = ascii(b.slice(where, "size", data, size));
            } else if (rawName.startsWith("/") && rawName.length() > 1 && Character.isDigit(rawName.charAt(1))) {
                int off = Integer.parseInt(rawName.substring(1));
                int end = longNames.indexOf("/\n", off);
                name = off < longNames.length() ? longNames.substring(off, end < 0 ? longNames.length() : end) : rawName;
            } else if (rawName.endsWith("/") && rawName.length() > 1) {
                name = rawName.substring(0, rawName.length() - 1);
            }
            if (!symbolTable(rawName, name)) {
                members.add(member(b, name, body, bodySize));
            }
            at = data + size + (size % 2);
        }
        return new BinaryFacts(file, "ar", null, null, null, null, null, null, null, null, null, null, members, null);
    }

    private static boolean symbolTable(String rawName, String name) {
        return rawName.equals("/") || rawName.equals("//") || rawName.equals("/SYM64/") || name.startsWith("__.SYMDEF")
                || name.equals("__.PKGDEF");
    }

    private static BinaryFacts.Member member(Bytes b, String name, long at, long size) {
        if (size >= 52 && b.u8(at) == 0x7f && b.u8(at + 1) == 'E' && b.u8(at + 2) == 'L' && b.u8(at + 3) == 'F') {
            ByteOrder order = b.u8(at + 5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            return new BinaryFacts.Member(name, "ELF", ElfFile.machineName(b.with(order).u16(at + 18)));
        }
        if (size >= 28) {
            long le = b.with(ByteOrder.LITTLE_ENDIAN).u32(at);
            if (le == 0xfeedfacfL || le == 0xfeedfaceL) {
                return new BinaryFacts.Member(name, "Mach-O",
                        MachOFile.machineName(b.with(ByteOrder.LITTLE_ENDIAN).u32(at + 4)));
            }
        }
        if (b.startsWith(at, GO_OBJECT)) { // "go object linux amd64 go1.22.12 …"
            String[] words = b.cString(at, 120).split(" ");
            return new BinaryFacts.Member(name, "Go object", words.length > 3 ? words[3] : null);
        }
        return new BinaryFacts.Member(name, "unknown", null);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
