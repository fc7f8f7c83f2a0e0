package dev.m1go.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real components the integration tests need. On a developer's machine a missing one skips the test; under
 * {@code CI=true} it fails it, because CI installs everything and a skip there means something is broken. A test
 * written for another platform ({@link #onlyOn}) skips everywhere, CI included: there is nothing to install.
 */
public final class Components {

    /** Debian's arm64 golang-1.19-go, unpacked by scripts/install-linux-matrix.sh. */
    public static final Path ARM64_GOROOT = Path.of("/opt/go-arm64/usr/lib/go-1.19");

    private Components() {}

    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static void onlyOn(boolean platform, String which) {
        assumeTrue(platform, "a test for " + which);
    }

    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String message = what + " is missing: run scripts/install-linux-matrix.sh (as root) to install it";
        if (onCi()) {
            fail("CI=true but " + message);
        }
        assumeTrue(false, message);
    }

    public static void requireLinuxMatrix() {
        onlyOn(
                System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch")),
                "a Linux x86_64 host");
        for (String go : new String[] {"1.19", "1.21", "1.22", "1.23"}) {
            require(Files.isExecutable(Path.of("/usr/lib/go-" + go + "/bin/go")), "Debian's golang-" + go + "-go");
        }
        require(Files.isExecutable(ARM64_GOROOT.resolve("bin/go")), "the arm64 Go 1.19 in " + ARM64_GOROOT);
        require(onPath("qemu-aarch64"), "qemu-aarch64 (apt-get install qemu-user)");
        require(onPath("aarch64-linux-gnu-gcc"), "aarch64-linux-gnu-gcc (apt-get install gcc-aarch64-linux-gnu)");
        require(binfmtEnabled("qemu-aarch64"), "the binfmt_misc handler qemu-aarch64");
    }

    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    public static boolean binfmtEnabled(String name) {
        try {
            return Files.readString(Path.of("/proc/sys/fs/binfmt_misc", name)).startsWith("enabled");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
