package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.m1go.matrix.CellResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of {@code report.json} ({@value #SCHEMA}): everything a matrix run observed. Every other report
 * format is written from this record, and {@code m1go:merge} reads it back.
 *
 * @param complete false while the run is still going (or was interrupted): the cells present are final
 * @param notes    what the reader must know to weigh the matrix (for example that Rosetta was not exercised)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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
        List<String> notes) {

    public static final String SCHEMA = "m1go/1";

    public Report {
        Objects.requireNonNull(schema, "schema");
        toolchains = List.copyOf(toolchains == null ? List.of() : toolchains);
        cases = List.copyOf(cases == null ? List.of() : cases);
        cells = cells == null ? List.of() : cells.stream().sorted(CellResult.ORDER).toList();
        notes = List.copyOf(notes == null ? List.of() : notes);
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

    public Report withCells(List<CellResult> newCells, boolean isComplete, String finished) {
        return new Report(schema, generator, startedAt, finished, isComplete, host, toolchains, cases, newCells, notes);
    }
}
