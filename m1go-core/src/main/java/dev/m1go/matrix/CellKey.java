package dev.m1go.matrix;

import dev.m1go.host.Arch;
import dev.m1go.toolchain.GoVersion;
import java.util.Comparator;
import java.util.Objects;

/**
 * Which cell a result belongs to: (case, toolchain, target, runner, variant) and, in a merged report, the host that
 * measured it. Every writer, comparison and merge identifies a cell by this key, and every text form of a cell's
 * identity is made here.
 *
 * @param caseId        the case
 * @param go            the toolchain's version ({@code go1.22.12})
 * @param toolchainArch the architecture of that toolchain's {@code go} binary: keeps two toolchains of one version
 *                      apart
 * @param target        GOOS/GOARCH the binary was built for
 * @param runner        {@code native}, {@code rosetta}, {@code qemu}, {@code binfmt}, {@code container}
 * @param variant       {@code default} or the case's variant name
 * @param host          in a merged report, the label of the host that measured the cell; {@code null} in a report of
 *                      one host
 */
public record CellKey(
        String caseId, String go, Arch toolchainArch, Platform target, String runner, String variant, String host) {

    /** The variant of a cell without extra environment. */
    public static final String DEFAULT_VARIANT = "default";

    /** The order of cells in every report: case, host, Go release, toolchain arch, target, runner, variant. */
    public static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::caseId)
            .thenComparing(k -> k.host() == null ? "" : k.host())
            .thenComparing(CellKey::go, GoVersion.STRING_ORDER)
            .thenComparing(k -> k.toolchainArch().goarch())
            .thenComparing(k -> k.target().os().goos())
            .thenComparing(k -> k.target().arch().goarch())
            .thenComparing(k -> RunnerOrder.rank(k.runner()))
            .thenComparing(k -> k.defaultVariant() ? "" : k.variant());

    /** The order of a case's table columns: host, target, runner (native first), variant. */
    public static final Comparator<CellKey> COLUMN_ORDER = Comparator.comparing(
                    (CellKey k) -> k.host() == null ? "" : k.host())
            .thenComparing(k -> k.target().toString())
            .thenComparing(k -> RunnerOrder.rank(k.runner()))
            .thenComparing(k -> k.defaultVariant() ? "" : k.variant());

    public CellKey {
        Objects.requireNonNull(caseId, "case");
        Objects.requireNonNull(go, "go");
        Objects.requireNonNull(toolchainArch, "toolchainArch");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(variant, "variant");
    }

    /** The key of a cell of one host's report. */
    public static CellKey of(
            String caseId, String go, Arch toolchainArch, Platform target, String runner, String variant) {
        return new CellKey(caseId, go, toolchainArch, target, runner, variant, null);
    }

    /** This key as measured on the host labelled {@code label} (in a merged report). */
    public CellKey onHost(String label) {
        return new CellKey(caseId, go, toolchainArch, target, runner, variant, label);
    }

    public boolean defaultVariant() {
        return variant.equals(DEFAULT_VARIANT);
    }

    /** True when the toolchain's own {@code go} binary is not of the measuring host's architecture. */
    public boolean foreignToolchain(String hostGoarch) {
        return !toolchainArch.goarch().equals(hostGoarch);
    }

    /**
     * The identity across runs, as the baseline comparison stores it:
     * {@code case go toolchainArch goos/goarch runner variant[ @host]}.
     */
    public String id() {
        return caseId + " " + go + " " + toolchainArch.goarch() + " " + target + " " + runner + " " + variant
                + (host == null ? "" : " @" + host);
    }

    /** The toolchain as a row label: {@code go1.22.12}, or {@code go1.19.8 (arm64 go)} when it is foreign. */
    public String toolchainLabel(String hostGoarch) {
        return go + (foreignToolchain(hostGoarch) ? " (" + toolchainArch.goarch() + " go)" : "");
    }

    /**
     * {@code c-abort go1.22.12 linux/arm64 qemu}, with {@code (arm64 go)} after the version when the toolchain is not
     * of the host's architecture and the variant at the end when it is not the default.
     */
    public String title(String hostGoarch) {
        return caseId + " " + toolchainLabel(hostGoarch) + " " + target + " " + runner
                + (defaultVariant() ? "" : " " + variant);
    }

    /** {@link #title} and, in a merged report, {@code  @ host}. */
    public String titleWithHost(String hostGoarch) {
        return title(hostGoarch) + (host == null ? "" : " @ " + host);
    }

    /** The column of a case's table: {@code [host ]goos/goarch runner[ variant]}. */
    public String column() {
        return (host == null ? "" : host + " ") + target + " " + runner + (defaultVariant() ? "" : " " + variant);
    }

    /** The JUnit test name: {@code go1.22.12/linux-arm64/qemu[/variant][ (arm64 go)][ @host]}. */
    public String testName(String hostGoarch) {
        return go + "/" + target.slug() + "/" + runner + (defaultVariant() ? "" : "/" + variant)
                + (foreignToolchain(hostGoarch) ? " (" + toolchainArch.goarch() + " go)" : "")
                + (host == null ? "" : " @" + host);
    }

    @Override
    public String toString() {
        return id();
    }
}
