package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.NotMeasured;

/**
 * A cell m1go did not finish measuring, as report.json's {@code notMeasured} list carries it: the identity fields of a
 * cell (named as in {@link CellWire}) and the reason, never an outcome or a verdict.
 */
record NotMeasuredWire(
        @JsonProperty("case") String caseId,
        String go,
        String toolchainArch,
        String goos,
        String goarch,
        String runner,
        String variant,
        @JsonInclude(JsonInclude.Include.NON_NULL) String host,
        String reason) {

    static NotMeasuredWire of(NotMeasured n) {
        CellKey k = n.key();
        return new NotMeasuredWire(
                k.caseId(),
                k.go(),
                k.toolchainArch().goarch(),
                k.target().os().goos(),
                k.target().arch().goarch(),
                k.runner(),
                k.variant(),
                k.host(),
                n.reason());
    }

    /**
     * The entry this object describes.
     *
     * @throws IllegalArgumentException naming the field that is missing or holds no known value
     */
    NotMeasured toNotMeasured() {
        for (String[] f : new String[][] {
            {caseId, "case"},
            {go, "go"},
            {toolchainArch, "toolchainArch"},
            {goos, "goos"},
            {goarch, "goarch"},
            {runner, "runner"},
            {variant, "variant"},
            {reason, "reason"}
        }) {
            if (f[0] == null) {
                throw new IllegalArgumentException("an entry of 'notMeasured' has no '" + f[1] + "'");
            }
        }
        return new NotMeasured(
                CellWire.key("notMeasured", caseId, go, toolchainArch, goos, goarch, runner, variant, host), reason);
    }
}
