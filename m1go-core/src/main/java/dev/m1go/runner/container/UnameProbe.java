package dev.m1go.runner.container;

import dev.m1go.host.Arch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A tiny static Linux program, written here byte by byte, that asks the kernel (or the emulator standing in for it)
 * {@code uname(2)} and prints the {@code machine} field: what {@code uname -m} would say inside a {@code FROM scratch}
 * container that has no {@code uname}. Under qemu-user the answer is the emulated CPU ({@code aarch64}), which is how a
 * container's real architecture is observed instead of trusting the image's label.
 *
 * <p>The machine code, per architecture:
 * <pre>
 * x86_64                          aarch64
 * sub  $400, %rsp                 sub  sp, sp, #400
 * mov  %rsp, %rdi                 mov  x0, sp
 * mov  $63, %eax     (uname)      mov  x8, #160      (uname)
 * syscall                         svc  #0
 * mov  $1, %edi                   mov  x0, #1
 * lea  260(%rsp), %rsi (machine)  add  x1, sp, #260  (machine)
 * mov  $65, %edx                  mov  x2, #65
 * mov  $1, %eax      (write)      mov  x8, #64       (write)
 * syscall                         svc  #0
 * mov  $60, %eax     (exit)       mov  x0, #0
 * xor  %edi, %edi                 mov  x8, #93       (exit)
 * syscall                         svc  #0
 * </pre>
 */
final class UnameProbe {

    private static final byte[] AMD64_CODE = bytes(
            0x48, 0x81, 0xec, 0x90, 0x01, 0x00, 0x00, 0x48, 0x89, 0xe7, 0xb8, 0x3f, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xbf,
            0x01, 0x00, 0x00, 0x00, 0x48, 0x8d, 0xb4, 0x24, 0x04, 0x01, 0x00, 0x00, 0xba, 0x41, 0x00, 0x00, 0x00, 0xb8,
            0x01, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xb8, 0x3c, 0x00, 0x00, 0x00, 0x31, 0xff, 0x0f, 0x05);

    private static final int[] ARM64_CODE = {
        0xd10643ff,
        0x910003e0,
        0xd2801408,
        0xd4000001,
        0xd2800020,
        0x910413e1,
        0xd2800822,
        0xd2800808,
        0xd4000001,
        0xd2800000,
        0xd2800ba8,
        0xd4000001
    };

    private static final long BASE = 0x400000L;
    private static final int HEADERS = 64 + 56;

    private UnameProbe() {}

    /** The probe as a static ELF executable for {@code arch}, or empty for an architecture it has no code for. */
    public static Optional<byte[]> elf(Arch arch) {
        byte[] code;
        if (arch == Arch.AMD64) {
            code = AMD64_CODE;
        } else if (arch == Arch.ARM64) {
            ByteBuffer b = ByteBuffer.allocate(ARM64_CODE.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int insn : ARM64_CODE) {
                b.putInt(insn);
            }
            code = b.array();
        } else {
            return Optional.empty();
        }
        int size = HEADERS + code.length;
        ByteBuffer e = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        // ELF header
        e.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
        e.putShort((short) 2); // ET_EXEC
        e.putShort((short) arch.elfMachine());
        e.putInt(1); // EV_CURRENT
        e.putLong(BASE + HEADERS); // entry
        e.putLong(64); // program headers right after this header
        e.putLong(0); // no section headers
        e.putInt(0); // flags
        e.putShort((short) 64).putShort((short) 56).putShort((short) 1);
        e.putShort((short) 64).putShort((short) 0).putShort((short) 0);
        // one PT_LOAD, read + execute, mapping the whole file
        e.putInt(1).putInt(5);
        e.putLong(0).putLong(BASE).putLong(BASE);
        e.putLong(size).putLong(size).putLong(0x1000);
        e.put(code);
        return Optional.of(e.array());
    }

    /** The machine name in the probe's output (a NUL-padded 65-byte field), or {@code null} if there is none. */
    public static String machine(String stdout) {
        if (stdout == null) {
            return null;
        }
        int nul = stdout.indexOf('\0');
        String m = (nul < 0 ? stdout : stdout.substring(0, nul)).strip();
        return m.isEmpty() ? null : m;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
