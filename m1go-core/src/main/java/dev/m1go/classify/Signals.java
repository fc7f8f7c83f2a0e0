package dev.m1go.classify;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Signal numbers and names per operating system. Linux and macOS (darwin) number their signals differently
 * (SIGBUS is 7 on Linux and 10 on macOS, SIGUSR1 10 and 30, SIGSYS 31 and 12), so every lookup takes the OS:
 * a raw number never becomes a name without it.
 */
final class Signals {

    /** The operating system name for Linux, as in {@link Evidence#os()}. */
    public static final String LINUX = "linux";
    /** The operating system name for macOS, as in {@link Evidence#os()}. */
    public static final String DARWIN = "darwin";

    private static final String[] LINUX_NAMES = {
        null,
        "SIGHUP",
        "SIGINT",
        "SIGQUIT",
        "SIGILL",
        "SIGTRAP",
        "SIGABRT",
        "SIGBUS",
        "SIGFPE",
        "SIGKILL",
        "SIGUSR1",
        "SIGSEGV",
        "SIGUSR2",
        "SIGPIPE",
        "SIGALRM",
        "SIGTERM",
        "SIGSTKFLT",
        "SIGCHLD",
        "SIGCONT",
        "SIGSTOP",
        "SIGTSTP",
        "SIGTTIN",
        "SIGTTOU",
        "SIGURG",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGVTALRM",
        "SIGPROF",
        "SIGWINCH",
        "SIGIO",
        "SIGPWR",
        "SIGSYS"
    };

    private static final String[] DARWIN_NAMES = {
        null,
        "SIGHUP",
        "SIGINT",
        "SIGQUIT",
        "SIGILL",
        "SIGTRAP",
        "SIGABRT",
        "SIGEMT",
        "SIGFPE",
        "SIGKILL",
        "SIGBUS",
        "SIGSEGV",
        "SIGSYS",
        "SIGPIPE",
        "SIGALRM",
        "SIGTERM",
        "SIGURG",
        "SIGSTOP",
        "SIGTSTP",
        "SIGCONT",
        "SIGCHLD",
        "SIGTTIN",
        "SIGTTOU",
        "SIGIO",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGVTALRM",
        "SIGPROF",
        "SIGWINCH",
        "SIGINFO",
        "SIGUSR1",
        "SIGUSR2"
    };

    /** What strsignal(3) and shells print for a signal, on either OS, mapped to the name. */
    private static final Map<String, String> DESCRIPTIONS = descriptionTable();

    private static final java.util.List<String> DESCRIPTION_ORDER = DESCRIPTIONS.keySet().stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
            .toList();

    private Signals() {}

    /**
     * The name of signal {@code number} on {@code os}.
     *
     * @return the name such as {@code SIGBUS}, or {@code null} for an unknown OS or number
     */
    public static String name(String os, int number) {
        String[] table = table(os);
        if (table == null || number <= 0 || number >= table.length) {
            return null;
        }
        return table[number];
    }

    /**
     * The number of signal {@code name} (with or without the {@code SIG} prefix) on {@code os}.
     *
     * @return the number, or {@code -1} when the OS or name is unknown
     */
    public static int number(String os, String name) {
        String[] table = table(os);
        if (table == null || name == null) {
            return -1;
        }
        String wanted = name.toUpperCase(Locale.ROOT);
        wanted = wanted.startsWith("SIG") ? wanted : "SIG" + wanted;
        for (int i = 1; i < table.length; i++) {
            if (wanted.equals(table[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses a signal number as Go before 1.7 printed it ({@code [signal 0xb code=… addr=… pc=…]}) or as a decimal
     * ({@code qemu: uncaught target signal 11}) and names it for {@code os}.
     *
     * @return the name, or {@code null} when the text is not a number or the number is unknown on that OS
     */
    public static String parse(String os, String number) {
        if (number == null || number.isEmpty()) {
            return null;
        }
        try {
            int n = number.startsWith("0x") || number.startsWith("0X")
                    ? Integer.parseInt(number.substring(2), 16)
                    : Integer.parseInt(number);
            return name(os, n);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The signal a death-by-signal description names: {@code Segmentation fault}, {@code Abort trap},
     * {@code Trace/breakpoint trap}, zsh's {@code bus error}, … (case-insensitive).
     *
     * @return the name, or {@code null} when the text is no known description
     */
    public static String fromDescription(String description) {
        return description == null
                ? null
                : DESCRIPTIONS.get(description.toLowerCase(Locale.ROOT).trim());
    }

    /** The descriptions {@link #fromDescription} knows, lower case, longest first. */
    static Iterable<String> descriptions() {
        return DESCRIPTION_ORDER;
    }

    private static String[] table(String os) {
        if (LINUX.equals(os)) {
            return LINUX_NAMES;
        }
        if (DARWIN.equals(os)) {
            return DARWIN_NAMES;
        }
        return null;
    }

    private static Map<String, String> descriptionTable() {
        Map<String, String> m = new HashMap<>();
        m.put("segmentation fault", "SIGSEGV");
        m.put("aborted", "SIGABRT");
        m.put("abort trap", "SIGABRT");
        m.put("abort", "SIGABRT");
        m.put("bus error", "SIGBUS");
        m.put("illegal instruction", "SIGILL");
        m.put("illegal hardware instruction", "SIGILL");
        m.put("trace/breakpoint trap", "SIGTRAP");
        m.put("trace/bpt trap", "SIGTRAP");
        m.put("trace trap", "SIGTRAP");
        m.put("floating point exception", "SIGFPE");
        m.put("killed", "SIGKILL");
        m.put("terminated", "SIGTERM");
        m.put("quit", "SIGQUIT");
        return Map.copyOf(m);
    }

    static boolean knownOs(String os) {
        return Objects.equals(os, LINUX) || Objects.equals(os, DARWIN);
    }
}
