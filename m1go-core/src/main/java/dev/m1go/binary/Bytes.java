package dev.m1go.binary;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Bounds-checked reads from a file's bytes; every read past the end throws {@link Truncated}. */
final class Bytes {

    /** The file ends before a structure its header announces. */
    static final class Truncated extends RuntimeException {
        Truncated(String what) {
            super(what);
        }
    }

    private final ByteBuffer buffer;

    Bytes(ByteBuffer buffer, ByteOrder order) {
        this.buffer = buffer.duplicate().order(order);
    }

    Bytes with(ByteOrder order) {
        return new Bytes(buffer, order);
    }

    ByteOrder order() {
        return buffer.order();
    }

    long size() {
        return buffer.limit();
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

    byte[] slice(long at, long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new Truncated("length " + length + " at offset " + at);
        }
        byte[] out = new byte[(int) length];
        ByteBuffer d = buffer.duplicate();
        try {
            d.position(index(at, (int) length));
            d.get(out);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new Truncated("bytes " + at + "+" + length);
        }
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
        if (at < 0 || at + magic.length > size()) {
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
        if (at < 0 || at + length > buffer.limit()) {
            throw new Truncated(length + " bytes at offset " + at + " of " + buffer.limit());
        }
        return (int) at;
    }
}
