package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** m1go:classify through a real Maven, without a project: one JSON line per log on standard output, nothing else. */
class ClassifyGoalIT {

    @Test
    void directoryOfLogs_givesOneJsonLinePerFile_sortedByName_andNothingElseUnderQuiet() throws Exception {
        Path dir = Maven.workDirectory("classify");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("b-abort.log"), """
                C: calling abort()
                SIGABRT: abort
                PC=0x7f3c2a1b2c3d m=0 sigcode=18446744073709551610
                signal arrived during cgo execution

                goroutine 1 gp=0xc000002380 m=0 mp=0x5a6f00 [syscall]:
                runtime.cgocall(0x47c0d0, 0xc000066f38)
                	/usr/lib/go-1.22/src/runtime/cgocall.go:157 +0x4b fp=0xc000066f10 sp=0xc000066ed8 pc=0x40552b
                main._Cfunc_m1go_abort()
                	_cgo_gotypes.go:39 +0x3f fp=0xc000066f38 sp=0xc000066f10 pc=0x47c01f
                main.main()
                	/tmp/src/main.go:17 +0xf fp=0xc000066f50 sp=0xc000066f38 pc=0x47c06f
                """);
        Files.writeString(logs.resolve("a-link.log"), """
                # phase: build
                /usr/bin/ld: libhello.a(hello.o): Relocations in generic ELF (EM: 183)
                /usr/bin/ld: libhello.a: error adding symbols: file in wrong format
                collect2: error: ld returned 1 exit status
                """);
        Maven.Run run = Maven.run(dir, "-q", Maven.goal("classify"), "-Dm1go.log=" + logs)
                .succeeded();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.output().replace("\u001b[0m", "").split("\n")) {
            if (!line.isBlank()) {
                lines.add(new ObjectMapper().readTree(line));
            }
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("file").asText()).isEqualTo("a-link.log");
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("LINK_ARCH_MISMATCH");
        assertThat(lines.get(1).get("file").asText()).isEqualTo("b-abort.log");
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("CGO_SIGNAL");
        assertThat(lines.get(1).get("signal").asText()).isEqualTo("SIGABRT");
        assertThat(lines.get(1).get("inCgo").asBoolean()).isTrue();
        assertThat(lines.get(1).get("signature").asText()).contains("main._Cfunc_m1go_abort");
    }

    @Test
    void missingLog_namesTheFileAndTheParameter() throws Exception {
        Path dir = Maven.workDirectory("classify-missing");
        Maven.Run run = Maven.run(dir, Maven.goal("classify"), "-Dm1go.log=" + dir.resolve("nope.log"))
                .failed();
        assertThat(run.output()).contains("nope.log").contains("m1go.log").doesNotContain("\tat dev.m1go");
    }
}
