package dev.m1go.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Bounds-checked reads from a file's bytes, or from a view of part of them (a section, a load command, an archive
 * member). Every length or count read from a file passes {@link #within} or {@link #entries} before anything is
 * allocated or looped over, so a file can claim any size and still cost no more than its own bytes; every read past
 * the end throws {@link Malformed}.
 */
final class Bytes {

    /**
     * The bytes contradict themselves: a length, count or offset claims more than there is. A user's bad file, not a
     * fault of m1go: it carries no stack trace and becomes a finding.
     */
    static final class Malformed extends RuntimeException {

        private final String where;

        /**
         * @param where  the structure ({@code ar member 2}, {@code ELF header}), or null for the file as a whole
         * @param detail the field and what is wrong with it ({@code size -60 is not a size})
         */
        Malformed(String where, String detail) {
            super(Objects.requireNonNull(detail, "detail"), null, false, false);
            this.where = where;
        }

        /** The finding for {@code file}: {@code ar member 2 of libfoo.a: size -60 is not a size}. */
        String finding(String file) {
            return (where == null ? file : where + " of " + file) + ": " + getMessage();
        }
    }

    private final ByteBuffer buffer;
    private final String extent;

    Bytes(ByteBuffer buffer, ByteOrder order) {
        this(buffer, order, "the file");
    }

    private Bytes(ByteBuffer buffer, ByteOrder order, String extent) {
        this.buffer = buffer.duplicate().order(order);
        this.extent = Objects.requireNonNull(extent, "extent");
    }

    Bytes with(ByteOrder order) {
        return new Bytes(buffer, order, extent);
    }

    ByteOrder order() {
        return buffer.order();
    }

    long size() {
        return buffer.limit();
    }

    /**
     * True when {@code length} bytes from {@code at} lie inside these bytes; a negative offset or length (an unsigned
     * field above {@link Long#MAX_VALUE}) never does.
     */
    boolean holds(long at, long length) {
        return at >= 0 && length >= 0 && at <= size() && length <= size() - at;
    }

    /**
     * Checks that the {@code length} bytes from {@code at} that {@code field} of {@code where} claims lie inside these
     * bytes.
     *
     * @return the end, {@code at + length}
     * @throws Malformed naming {@code where} and {@code field} when they do not
     */
    long within(String where, String field, long at, long length) {
        if (!holds(at, length)) {
            throw new Malformed(
                    where,
                    field + " " + Long.toUnsignedString(length) + " at offset " + Long.toUnsignedString(at)
                            + " runs past the end of " + extent + " (" + size() + " bytes)");
        }
        return at + length;
    }

    /**
     * Checks that the {@code count} entries of {@code each} bytes from {@code at} that {@code field} of {@code where}
     * claims lie inside these bytes, before anyone loops over them.
     *
     * @param noun what the entries are ({@code section headers})
     * @return the end, {@code at + count * each}
     * @throws Malformed naming {@code where} and {@code field} when they do not
     */
    long entries(String where, String field, String noun, long at, long count, long each) {
        if (each <= 0) {
            throw new IllegalArgumentException("entry size " + each);
        }
        if (count < 0 || !holds(at, 0) || count > (size() - at) / each) {
            throw new Malformed(
                    where,
                    field + " " + Long.toUnsignedString(count) + " " + noun + " of " + each
                            + " bytes at offset " + Long.toUnsignedString(at) + " run past the end of " + extent + " ("
                            + size() + " bytes)");
        }
        return at + count * each;
    }

    /**
     * The {@code length} bytes from {@code at} as bytes of their own, called {@code where} in messages about them
     * (offsets then count from their start); nothing is copied.
     *
     * @throws Malformed naming {@code where} and {@code field} when they do not lie inside these bytes
     */
    Bytes view(String where, String field, long at, long length) {
        within(where, field, at, length);
        return new Bytes(buffer.slice((int) at, (int) length), buffer.order(), where);
    }

    int u8(long at) {
        return buffer.get(index(at, 1)) & 0xff;
    }

    int u16(long at) {
        return buffer.getShort(index(at, 2)) & 0xffff;
    }

    long u32(long at) {
        return buffer.getInt(index(at, 4)) & 0xffffffffL;
    }

    long u64(long at) {
        return buffer.getLong(index(at, 8));
    }

    /** A 32- or 64-bit word. */
    long word(long at, boolean is64) {
        return is64 ? u64(at) : u32(at);
    }

    /** A copy of {@code length} bytes from {@code at}, checked like {@link #within} before anything is allocated. */
    byte[] slice(String where, String field, long at, long length) {
        within(where, field, at, length);
        byte[] out = new byte[(int) length];
        buffer.get((int) at, out);
        return out;
    }

    /** A copy of a fixed-size field of {@code length} bytes from {@code at}. */
    byte[] slice(long at, int length) {
        index(at, length);
        byte[] out = new byte[length];
        buffer.get((int) at, out);
        return out;
    }

    /** A NUL-terminated string starting at {@code at} (at most {@code max} bytes). */
    String cString(long at, int max) {
        StringBuilder sb = new StringBuilder();
        for (long i = at; i < size() && i < at + max; i++) {
            int c = u8(i);
            if (c == 0) {
                break;
            }
            sb.append((char) c);
        }
        return new String(sb.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** A fixed-width field with trailing NULs removed ({@code __TEXT}, section names). */
    String fixed(long at, int width) {
        return cString(at, width);
    }

    boolean startsWith(long at, byte[] magic) {
        if (!holds(at, magic.length)) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (buffer.get((int) at + i) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code needle} first occurs from {@code from} on, or -1. */
    long indexOf(byte[] needle, long from, long to) {
        long end = Math.min(to, size()) - needle.length;
        outer:
        for (long i = Math.max(0, from); i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer.get((int) i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    private int index(long at, int length) {
        if (!holds(at, length)) {
            throw new Malformed(
                    null,
                    length + " bytes at offset " + Long.toUnsignedString(at) + " run past the end of " + extent + " ("
                            + size() + " bytes)");
        }
        return (int) at;
    }
}
