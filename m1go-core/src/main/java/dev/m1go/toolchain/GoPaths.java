package dev.m1go.toolchain;

import java.nio.file.Path;
import java.util.Map;

/** Where Go keeps things by default, computed from an environment the way {@code go env} does. */
public final class GoPaths {

    private GoPaths() {}

    /** {@code $GOMODCACHE}, else the first {@code $GOPATH} entry's {@code pkg/mod}, else {@code ~/go/pkg/mod}. */
    public static Path modCache(Map<String, String> environment, Path home) {
        String explicit = environment.get("GOMODCACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String gopath = environment.get("GOPATH");
        Path first = gopath == null || gopath.isBlank() ? home.resolve("go") : Path.of(gopath.split(":")[0]);
        return first.resolve("pkg/mod");
    }
}
