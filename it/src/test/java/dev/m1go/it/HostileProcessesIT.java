package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile programs against containment: daemons that leave the session, a background child that keeps standard
 * output open, children of a program that exits on SIGQUIT within the grace. Natively and under binfmt, nothing of
 * the run is alive once Maven exits (checked through /proc), and each cell keeps its real exit status and outcome.
 */
class HostileProcessesIT {

    @Test
    void daemonsAndPipeHolders_dieWithTheirCell_andTheCellKeepsItsRealExitStatus() throws Exception {
        Components.require(Components.binfmtEnabled("qemu-aarch64"), "the binfmt_misc handler qemu-aarch64");
        Path dir = Maven.workDirectory("hostile-processes");
        String token = Hostile.token();
        Hostile.writeCase(
                dir.resolve("cases"),
                "leaves-daemons",
                "description: exits 0 after starting a setsid daemon and a child that holds stdout.\n"
                        + "expect: {outcome: PASS}\n",
                Hostile.leavesDaemons(token));
        Hostile.writeCase(
                dir.resolve("cases"),
                "quit-leaves-child",
                "description: hangs with a child; exits on SIGQUIT within the grace.\n"
                        + "run: {timeoutSeconds: 2}\nexpect: {outcome: TIMEOUT}\n",
                Hostile.hangsWithAChild(token));
        try {
            Maven.Run run = Maven.run(
                            dir,
                            Maven.goal("reproduce"),
                            "-Dm1go.casesDirectory=" + dir.resolve("cases"),
                            "-Dm1go.cases=leaves-daemons,quit-leaves-child",
                            "-Dm1go.runners=native,binfmt",
                            "-Dm1go.goVersions=1.26",
                            "-Dm1go.threads=2")
                    .succeeded();

            assertThat(Hostile.survivorsWith(token, 3_000))
                    .as("processes of the run alive after Maven exited")
                    .isEmpty();
            List<String> cells = new ArrayList<>();
            for (JsonNode c : run.report().get("cells")) {
                JsonNode r = c.get("runs").get(0);
                cells.add(c.get("case").asText() + " " + c.get("runner").asText() + " "
                        + c.get("outcome").asText() + " exit="
                        + r.get("exitCode").asText() + " leftovers="
                        + r.path("leftoverProcesses").asInt());
            }
            assertThat(cells)
                    .contains(
                            "leaves-daemons native PASS exit=0 leftovers=2",
                            "leaves-daemons binfmt PASS exit=0 leftovers=2");
            assertThat(cells)
                    .filteredOn(c -> c.startsWith("quit-leaves-child"))
                    .hasSize(2)
                    .allMatch(c -> c.contains(" TIMEOUT "));
        } finally {
            Hostile.killAll(token);
        }
    }
}
