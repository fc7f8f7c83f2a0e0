package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.NotMeasured;
import dev.m1go.matrix.Platform;

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
        return new NotMeasuredWire(k.caseId(), k.go(), k.toolchainArch().goarch(), k.target().os().goos(),
                k.target().arch().goarch(), k.runner(), k.variant(), k.host(), n.reason());
    }

    /**
     * The entry this object describes.
     *
     * @throws IllegalArgumentException naming the field that is missing or holds no known value
     */
    NotMeasured toNotMeasured() {
        for (String[] f : new String[][] {{caseId, "case"}, {go, "go"}, {toolchainArch, "toolchainArch"},
                {goos, "goos"}, {goarch, "goarch"}, {runner, "runner"}, {variant, "variant"}, {reason, "reason"}}) {
            if (f[0] == null) {
                throw new IllegalArgumentException("an entry of 'notMeasured' has no '" + f[1] + "'");
            }
        }
        Os os = Os.parse(goos).filter(o -> o.goos().equals(goos)).orElseThrow(() -> unknown("goos", goos));
        return new NotMeasured(new CellKey(caseId, go, arch("toolchainArch", toolchainArch), new Platform(os,
                arch("goarch", goarch)), runner, variant, host), reason);
    }

    private Arch arch(String field, String value) {
        return Arch.parse(value).filter(a -> a.goarch().equals(value)).orElseThrow(() -> unknown(field, value));
    }

    private IllegalArgumentException unknown(String field, String value) {
        return new IllegalArgumentException("notMeasured " + caseId + " " + go + ": " + field + " '" + value
                + "' is not a GOOS/GOARCH name this m1go knows");
    }
}
