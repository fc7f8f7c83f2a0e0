package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.m1go.toolchain.Toolchain;
import java.util.Map;
import java.util.Objects;

/** A toolchain as reports show it; {@code unusable} says why its cells were skipped, if they were. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolchainInfo(
        String version, String goroot, String binaryArch, String source, Map<String, String> goEnv, String unusable) {

    public ToolchainInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(binaryArch, "binaryArch");
    }

    public static ToolchainInfo of(Toolchain t) {
        return new ToolchainInfo(
                t.version(), t.goroot().toString(), t.binaryArch().goarch(), t.source(), t.goEnv(), t.unusable());
    }
}
