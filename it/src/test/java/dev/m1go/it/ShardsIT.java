package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A matrix run as three shards on the real toolchains and emulators, then merged, equals the same matrix run whole:
 * the same cells with the same outcomes and verdicts, the same answers (fails only under translation, where the
 * outcome changes across versions), one host.
 */
class ShardsIT {

    private static final String[] MATRIX = {
        "-Dm1go.cases=cgo-hello,c-abort,static-lib,c-segv",
        "-Dm1go.goVersions=1.22@amd64,1.23@amd64",
        "-Dm1go.runners=native,qemu,binfmt"
    };

    @Test
    void threeShardsMerged_equalTheWholeRun() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("shards");
        run(dir, "whole", null);
        JsonNode whole = Maven.Run.report(dir.resolve("whole/report.json"));
        List<String> inputs = new ArrayList<>();
        int cells = 0;
        for (int k = 1; k <= 3; k++) {
            run(dir, "shard-" + k, k + "/3");
            JsonNode report = Maven.Run.report(dir.resolve("shard-" + k + "/report.json"));
            assertThat(report.get("shard").asText()).isEqualTo(k + "/3");
            cells += report.get("cells").size();
            inputs.add(dir.resolve("shard-" + k + "/report.json").toString());
        }
        assertThat(cells).isEqualTo(whole.get("cells").size());

        Maven.run(
                        dir,
                        Maven.goal("merge"),
                        "-Dm1go.inputs=" + String.join(",", inputs),
                        "-Dm1go.outputDirectory=" + dir.resolve("merged"))
                .succeeded();
        Maven.run(
                        dir,
                        Maven.goal("merge"),
                        "-Dm1go.inputs=" + dir.resolve("whole/report.json"),
                        "-Dm1go.outputDirectory=" + dir.resolve("merged-whole"))
                .succeeded();
        JsonNode merged = Maven.Run.report(dir.resolve("merged/report.json"));
        JsonNode reference = Maven.Run.report(dir.resolve("merged-whole/report.json"));
        assertThat(merged.get("hosts")).hasSize(1);
        assertThat(cells(merged)).isEqualTo(cells(reference)).hasSize(cells);
        assertThat(merged.get("notes").toString()).contains("shards 1/3, 2/3, 3/3 of one run: the whole matrix");

        String md = Files.readString(dir.resolve("merged/report.md"));
        String referenceMd = Files.readString(dir.resolve("merged-whole/report.md"));
        // the answers; the clusters' "first seen in" and log paths name the input directories, which differ
        for (String heading :
                List.of("## Fails only under translation", "## Where the outcome changes across versions")) {
            assertThat(section(md, heading)).as(heading).isEqualTo(section(referenceMd, heading));
        }
    }

    private static Maven.Run run(Path dir, String name, String shard) throws Exception {
        List<String> args =
                new ArrayList<>(List.of(Maven.goal("reproduce"), "-Dm1go.outputDirectory=" + dir.resolve(name)));
        args.addAll(List.of(MATRIX));
        if (shard != null) {
            args.add("-Dm1go.shard=" + shard);
        }
        return Maven.run(dir, args.toArray(String[]::new)).succeeded();
    }

    /** Every cell by its title: outcome, signal and verdict. */
    private static TreeMap<String, String> cells(JsonNode report) {
        TreeMap<String, String> cells = new TreeMap<>();
        report.get("cells")
                .forEach(c -> cells.put(
                        c.get("case").asText() + " " + c.get("go").asText() + "/"
                                + c.get("toolchainArch").asText() + " "
                                + c.get("goarch").asText() + " "
                                + c.get("runner").asText() + " @ "
                                + c.path("host").asText(),
                        c.get("outcome").asText() + " " + c.path("signal").asText() + " "
                                + c.get("verdict").asText()));
        return cells;
    }

    /** A section of report.md up to the next heading of its level (empty when it is not there). */
    private static String section(String md, String heading) {
        int start = md.indexOf(heading + "\n");
        if (start < 0) {
            return "";
        }
        int end = md.indexOf("\n## ", start + heading.length());
        return md.substring(start, end < 0 ? md.length() : end);
    }
}
