package dev.m1go.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an executable's or object's header says: format, the architectures inside, and for ELF whether it asks for a
 * dynamic loader. This is how m1go learns a {@code go} binary's architecture: not from {@code go env}, not from
 * {@code os.arch}, which both describe something else.
 *
 * @param format        {@code ELF}, {@code Mach-O}, {@code Mach-O universal} or {@code ar} (a static library)
 * @param archs         architectures found (several for a universal binary); empty when unknown
 * @param interpreter   ELF {@code PT_INTERP} (for example {@code /lib/ld-linux-aarch64.so.1}), or {@code null}
 */
public record BinaryHeader(String format, List<Arch> archs, String interpreter) {

    public BinaryHeader {
        Objects.requireNonNull(format, "format");
        archs = List.copyOf(archs);
    }

    /** The single architecture, when there is exactly one. */
    public Optional<Arch> arch() {
        return archs.size() == 1 ? Optional.of(archs.get(0)) : Optional.empty();
    }

    public boolean dynamic() {
        return interpreter != null;
    }

    /** Reads the header of {@code file}; empty when it is not a format m1go knows. */
    public static Optional<BinaryHeader> read(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        if (head.length >= 20 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return Optional.of(readElf(file, head));
        }
        if (head.length >= 8) {
            int magicBe =
                    ByteBuffer.wrap(head, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
            int magicLe =
                    ByteBuffer.wrap(head, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (magicLe == 0xfeedfacf || magicLe == 0xfeedface) {
                int cpu = ByteBuffer.wrap(head, 4, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getInt();
                return Optional.of(new BinaryHeader(
                        "Mach-O", Arch.ofMachoCpuType(cpu).stream().toList(), null));
            }
            if (magicBe == 0xcafebabe && head.length >= 8) {
                return Optional.of(readFat(file));
            }
            if (new String(head, 0, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("!<arch>\n")) {
                return Optional.of(readArchive(file));
            }
        }
        return Optional.empty();
    }

    private static BinaryHeader readElf(Path file, byte[] head) throws IOException {
        boolean is64 = head[4] == 2;
        ByteOrder order = head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int machine = ByteBuffer.wrap(head, 18, 2).order(order).getShort() & 0xffff;
        List<Arch> archs = Arch.ofElfMachine(machine).stream().toList();
        return new BinaryHeader("ELF", archs, elfInterpreter(file, is64, order));
    }

    private static String elfInterpreter(Path file, boolean is64, ByteOrder order) throws IOException {
        byte[] all = readPrefix(file, 1 << 20);
        ByteBuffer b = ByteBuffer.wrap(all).order(order);
        if (all.length < (is64 ? 64 : 52)) {
            return null;
        }
        long phoff = is64 ? b.getLong(32) : b.getInt(28) & 0xffffffffL;
        int phentsize = b.getShort(is64 ? 54 : 42) & 0xffff;
        int phnum = b.getShort(is64 ? 56 : 44) & 0xffff;
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * phentsize;
            if (at + phentsize > all.length) {
                return null;
            }
            int type = b.getInt((int) at);
            if (type == 3) { // PT_INTERP
                long off = is64 ? b.getLong((int) at + 8) : b.getInt((int) at + 4) & 0xffffffffL;
                long size = is64 ? b.getLong((int) at + 32) : b.getInt((int) at + 16) & 0xffffffffL;
                if (off + size > all.length || size <= 1) {
                    return null;
                }
                return new String(all, (int) off, (int) size - 1, java.nio.charset.StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static BinaryHeader readFat(Path file) throws IOException {
        byte[] all = readPrefix(file, 4096);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
        int n = b.getInt(4);
        List<Arch> archs = new ArrayList<>();
        for (int i = 0; i < n && 8 + i * 20 + 4 <= all.length; i++) {
            Arch.ofMachoCpuType(b.getInt(8 + i * 20)).ifPresent(archs::add);
        }
        return new BinaryHeader("Mach-O universal", archs, null);
    }

    /** A static library: the architecture of its first object member. */
    private static BinaryHeader readArchive(Path file) throws IOException {
        byte[] all = readPrefix(file, 1 << 20);
        int at = 8;
        while (at + 60 <= all.length) {
            String name = new String(all, at, 16, java.nio.charset.StandardCharsets.US_ASCII).trim();
            long size = Long.parseLong(new String(all, at + 48, 10, java.nio.charset.StandardCharsets.US_ASCII).trim());
            int data = at + 60;
            boolean symbolTable = name.equals("/") || name.equals("//") || name.startsWith("__.SYMDEF");
            if (!symbolTable && data + 20 <= all.length && all[data] == 0x7f && all[data + 1] == 'E') {
                ByteOrder order = all[data + 5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                int machine = ByteBuffer.wrap(all, data + 18, 2).order(order).getShort() & 0xffff;
                return new BinaryHeader(
                        "ar", Arch.ofElfMachine(machine).stream().toList(), null);
            }
            if (!symbolTable && data + 8 <= all.length) {
                int magic = ByteBuffer.wrap(all, data, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getInt();
                if (magic == 0xfeedfacf) {
                    int cpu = ByteBuffer.wrap(all, data + 4, 4)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .getInt();
                    return new BinaryHeader(
                            "ar", Arch.ofMachoCpuType(cpu).stream().toList(), null);
                }
            }
            at = data + (int) size + (int) (size % 2);
        }
        return new BinaryHeader("ar", List.of(), null);
    }

    private static byte[] readPrefix(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }
}
