package dev.m1go.host;

import java.util.Objects;
import java.util.Optional;

/**
 * One Linux binfmt_misc registration ({@code /proc/sys/fs/binfmt_misc/qemu-aarch64}).
 *
 * @param name        file name of the entry
 * @param enabled     the first line says {@code enabled}
 * @param interpreter the handler the kernel runs
 * @param flags       {@code P} preserve argv0, {@code F} fix binary (works in containers and chroots), {@code O}
 *                    open binary, {@code C} credentials
 * @param arch        the architecture its magic matches, when it is an ELF entry m1go recognizes
 */
public record BinfmtEntry(String name, boolean enabled, String interpreter, String flags, Arch arch) {

    public BinfmtEntry {
        Objects.requireNonNull(name, "name");
        interpreter = Objects.requireNonNullElse(interpreter, "");
        flags = Objects.requireNonNullElse(flags, "");
    }

    public Optional<Arch> archOpt() {
        return Optional.ofNullable(arch);
    }

    /** Parses the text of an entry file. */
    public static BinfmtEntry parse(String name, String text) {
        boolean enabled = false;
        String interpreter = "";
        String flags = "";
        String magic = "";
        for (String line : text.split("\n")) {
            String l = line.trim();
            if (l.equals("enabled")) {
                enabled = true;
            } else if (l.startsWith("interpreter ")) {
                interpreter = l.substring("interpreter ".length()).trim();
            } else if (l.startsWith("flags:")) {
                flags = l.substring("flags:".length()).trim();
            } else if (l.startsWith("magic ")) {
                magic = l.substring("magic ".length()).trim();
            }
        }
        return new BinfmtEntry(name, enabled, interpreter, flags, elfMachine(magic));
    }

    /** The e_machine field (bytes 18-19, little-endian) of the ELF magic, when the magic is that long. */
    private static Arch elfMachine(String magicHex) {
        if (!magicHex.startsWith("7f454c46") || magicHex.length() < 40) {
            return null;
        }
        int lo = Integer.parseInt(magicHex.substring(36, 38), 16);
        int hi = Integer.parseInt(magicHex.substring(38, 40), 16);
        return Arch.ofElfMachine(lo | hi << 8).orElse(null);
    }
}
