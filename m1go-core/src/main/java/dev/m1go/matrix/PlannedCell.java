package dev.m1go.matrix;

import dev.m1go.cases.ReproCase;
import dev.m1go.cases.Variant;
import dev.m1go.runner.Runner;
import dev.m1go.toolchain.Toolchain;
import java.util.Objects;

/**
 * One (case, toolchain, target, runner, variant) combination, before it runs.
 *
 * @param skipReason why it will not run (runner unavailable, no C compiler, toolchain unusable), or {@code null}
 */
public record PlannedCell(
        ReproCase reproCase, Toolchain toolchain, Platform target, Runner runner, Variant variant, String skipReason) {
    public PlannedCell {
        Objects.requireNonNull(reproCase, "reproCase");
        Objects.requireNonNull(toolchain, "toolchain");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(variant, "variant");
    }

    public boolean skipped() {
        return skipReason != null;
    }

    /** The cell's identity in results and reports. */
    public CellKey key() {
        return CellKey.of(
                reproCase.id(), toolchain.version(), toolchain.binaryArch(), target, runner.name(), variant.name());
    }
}
