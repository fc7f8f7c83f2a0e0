package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.NotMeasured;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of {@code report.json} ({@value #SCHEMA}): everything a matrix run observed. Every other report
 * format is written from this record, and {@code m1go:merge} reads it back.
 *
 * @param complete false while the run is still going (or was interrupted): the cells present are final
 * @param notes    what the reader must know to weigh the matrix (for example that Rosetta was not exercised)
 * @param hosts    in a merged report, every input's host fingerprint under the label its cells carry in
 *                 {@code host}; empty in a report of one host (then {@code host} is the fingerprint)
 * @param baseline the comparison with a previous report ({@code m1go.baseline}), or {@code null}
 * @param notMeasured cells m1go did not finish measuring (it was stopping, a build ran out of time), each with its
 *                 reason: not cells, no outcome, no verdict; {@code m1go:merge} and baselines never read them as results
 * @param shard    {@code K/N} when the run measured only that share of its planned cells ({@code m1go.shard}); the
 *                 merge of all N shares is the whole run; {@code null} for a whole run
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
    "schema",
    "generator",
    "startedAt",
    "finishedAt",
    "complete",
    "host",
    "toolchains",
    "cases",
    "cells",
    "notes",
    "hosts",
    "baseline",
    "notMeasured",
    "shard",
    "clusters",
    "differentials",
    "crossArchitecture",
    "boundaries"
})
public record Report(
        String schema,
        String generator,
        String startedAt,
        String finishedAt,
        boolean complete,
        HostInfo host,
        List<ToolchainInfo> toolchains,
        List<CaseInfo> cases,
        List<CellResult> cells,
        List<String> notes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NamedHost> hosts,
        @JsonInclude(JsonInclude.Include.NON_NULL) Comparison baseline,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NotMeasured> notMeasured,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shard) {

    public static final String SCHEMA = "m1go/1";

    public Report {
        Objects.requireNonNull(schema, "schema");
        toolchains = List.copyOf(toolchains == null ? List.of() : toolchains);
        cases = List.copyOf(cases == null ? List.of() : cases);
        cells = cells == null
                ? List.of()
                : cells.stream().sorted(CellResult.ORDER).toList();
        notes = List.copyOf(notes == null ? List.of() : notes);
        hosts = List.copyOf(hosts == null ? List.of() : hosts);
        notMeasured = notMeasured == null
                ? List.of()
                : notMeasured.stream().sorted(NotMeasured.ORDER).toList();
    }

    /** A report without cells left unmeasured. */
    public Report(
            String schema,
            String generator,
            String startedAt,
            String finishedAt,
            boolean complete,
            HostInfo host,
            List<ToolchainInfo> toolchains,
            List<CaseInfo> cases,
            List<CellResult> cells,
            List<String> notes,
            List<NamedHost> hosts,
            Comparison baseline) {
        this(
                schema,
                generator,
                startedAt,
                finishedAt,
                complete,
                host,
                toolchains,
                cases,
                cells,
                notes,
                hosts,
                baseline,
                List.of(),
                null);
    }

    /** A report of one host, without a baseline. */
    public Report(
            String schema,
            String generator,
            String startedAt,
            String finishedAt,
            boolean complete,
            HostInfo host,
            List<ToolchainInfo> toolchains,
            List<CaseInfo> cases,
            List<CellResult> cells,
            List<String> notes) {
        this(
                schema,
                generator,
                startedAt,
                finishedAt,
                complete,
                host,
                toolchains,
                cases,
                cells,
                notes,
                List.of(),
                null);
    }

    /** A host fingerprint and the label its cells carry in a merged report. */
    public record NamedHost(String label, String source, HostInfo host) {
        public NamedHost {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(host, "host");
        }
    }

    /** Counts of cells per outcome, per verdict: {@code {"outcomes": {"PASS": 40, …}, "verdicts": {…}}}. */
    public Map<String, Map<String, Integer>> summary() {
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        Map<String, Integer> verdicts = new java.util.TreeMap<>();
        for (CellResult c : cells) {
            outcomes.merge(c.outcome().name(), 1, Integer::sum);
            verdicts.merge(c.verdict().name(), 1, Integer::sum);
        }
        return Map.of("outcomes", outcomes, "verdicts", verdicts);
    }

    /** The failing cells grouped by signature, largest group first (see {@link Cluster#of}). */
    @JsonProperty(value = "clusters", access = JsonProperty.Access.READ_ONLY)
    public List<Cluster> clusters() {
        return Cluster.of(cells, this::hostArchOf);
    }

    /**
     * Each translated cell compared with the reference cell of its (case, Go version, target, variant) group, or for
     * a test binary with the native cell of another target (see {@link Differential}); recomputed from the cells, so
     * a merged report compares cells across hosts.
     */
    @JsonProperty(value = "differentials", access = JsonProperty.Access.READ_ONLY)
    public List<Differential> differentials() {
        return Differential.of(cells, this::hostArchOf);
    }

    /**
     * Each translated cell against the native cell of the other architecture (see {@link CrossArchitecture}): the
     * question most reports are opened for, kept apart from the strict same-target {@link #differentials()}.
     */
    @JsonProperty(value = "crossArchitecture", access = JsonProperty.Access.READ_ONLY)
    public List<CrossArchitecture> crossArchitecture() {
        return CrossArchitecture.of(cells, this::hostArchOf);
    }

    /** Where outcomes change in version order (see {@link Boundary}), over the cells of every host. */
    @JsonProperty(value = "boundaries", access = JsonProperty.Access.READ_ONLY)
    public List<Boundary> boundaries() {
        return Boundary.of(cells);
    }

    /** The architecture of the host labelled {@code label} ({@code null}: this report's own host). */
    public String hostArchOfLabel(String label) {
        if (label != null) {
            for (NamedHost h : hosts) {
                if (h.label().equals(label)) {
                    return h.host().arch();
                }
            }
        }
        return host.arch();
    }

    /** The architecture (as the OS says it) of the host that measured a cell. */
    public String hostArchOf(CellResult c) {
        return hostOf(c).arch();
    }

    /** The fingerprint of the host that measured a cell. */
    public HostInfo hostOf(CellResult c) {
        String label = c.key().host();
        if (label != null) {
            for (NamedHost h : hosts) {
                if (h.label().equals(label)) {
                    return h.host();
                }
            }
        }
        return host;
    }

    /** True when the cells come from more than one host. */
    public boolean merged() {
        return !hosts.isEmpty();
    }

    public Report withCells(List<CellResult> newCells, boolean isComplete, String finished) {
        return new Report(
                schema,
                generator,
                startedAt,
                finished,
                isComplete,
                host,
                toolchains,
                cases,
                newCells,
                notes,
                hosts,
                baseline,
                notMeasured,
                shard);
    }

    /** This report as share {@code k/n} of its run's planned cells. */
    public Report withShard(String kOfN) {
        return new Report(
                schema,
                generator,
                startedAt,
                finishedAt,
                complete,
                host,
                toolchains,
                cases,
                cells,
                notes,
                hosts,
                baseline,
                notMeasured,
                kOfN);
    }

    /** This report with the cells that were not measured. */
    public Report withNotMeasured(List<NotMeasured> cellsNotMeasured) {
        return new Report(
                schema,
                generator,
                startedAt,
                finishedAt,
                complete,
                host,
                toolchains,
                cases,
                cells,
                notes,
                hosts,
                baseline,
                cellsNotMeasured,
                shard);
    }

    public Report withNotes(List<String> newNotes) {
        return new Report(
                schema,
                generator,
                startedAt,
                finishedAt,
                complete,
                host,
                toolchains,
                cases,
                cells,
                newNotes,
                hosts,
                baseline,
                notMeasured,
                shard);
    }

    public Report withBaseline(Comparison comparison) {
        return new Report(
                schema,
                generator,
                startedAt,
                finishedAt,
                complete,
                host,
                toolchains,
                cases,
                cells,
                notes,
                hosts,
                comparison,
                notMeasured,
                shard);
    }
}
