package dev.m1go.module;

import java.util.Map;
import java.util.Optional;

/**
 * What to do when the go command needs a module it may not fetch: offline ({@code mvn -o}, {@code --offline}) the
 * environment carries {@code GOPROXY=off}, the go command reads only the module cache, and no {@code GOFLAGS} can
 * fetch what is missing there ({@code -mod=mod} neither). The way out is to fill the cache: run once online, or run
 * {@code go mod download} in the module.
 */
public final class OfflineAdvice {

    /** The advice, naming the settings by key. */
    public static final String TEXT = "the go command runs offline (GOPROXY=off) and reads only the module cache: "
            + "a module missing there cannot be fetched, with m1go.goflags=-mod=mod neither. Run once online, or run "
            + "go mod download in the directory of m1go.module, then run again (a module that vendors its "
            + "dependencies can take m1go.goflags=-mod=vendor)";

    private OfflineAdvice() {}

    /** True when the go command gets {@code GOPROXY=off}: it may use the module cache only. */
    public static boolean offline(Map<String, String> environment) {
        String proxy = environment.get("GOPROXY");
        return proxy != null && proxy.strip().equals("off");
    }

    /**
     * The advice for a failed go command, when its output says a module lookup was disabled by {@code GOPROXY=off}
     * ({@code module lookup disabled by GOPROXY=off}, {@code cannot find module providing package …}); empty for
     * other failures.
     */
    public static Optional<String> forOutput(String goOutput) {
        return goOutput != null && goOutput.contains("disabled by GOPROXY=off") ? Optional.of(TEXT) : Optional.empty();
    }
}
