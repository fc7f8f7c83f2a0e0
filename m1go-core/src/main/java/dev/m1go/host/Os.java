package dev.m1go.host;

import java.util.Locale;
import java.util.Optional;

/** The operating systems m1go builds for and runs on, under Go's GOOS names. */
public enum Os {
    LINUX("linux"),
    DARWIN("darwin");

    private final String goos;

    Os(String goos) {
        this.goos = goos;
    }

    public String goos() {
        return goos;
    }

    @Override
    public String toString() {
        return goos;
    }

    public static Optional<Os> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) {
            return Optional.of(LINUX);
        }
        if (n.equals("darwin") || n.startsWith("mac")) {
            return Optional.of(DARWIN);
        }
        return Optional.empty();
    }

    /** The OS this JVM runs on, from {@code os.name}. */
    public static Optional<Os> current() {
        return parse(System.getProperty("os.name", ""));
    }
}
