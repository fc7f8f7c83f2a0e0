package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built distribution's {@code bin/m1go} on the real toolchains and emulators: the same matrix as the plugin with
 * the same settings, a log from standard input, inspect, doctor, and a usage mistake.
 */
class CommandLineIT {

    /** What the command printed and how it exited. */
    record Result(int exitCode, String out, String err) {}

    static Path m1go() {
        Path launcher = Path.of(System.getProperty("it.m1go"));
        assertThat(launcher)
                .as("the m1go-cli module builds the distribution before the ITs run")
                .isExecutable();
        return launcher;
    }

    static Result m1go(Path directory, String stdin, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(m1go().toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(directory.toFile());
        Path out = directory.resolve("m1go-" + System.nanoTime() + ".out");
        Path err = directory.resolve("m1go-" + System.nanoTime() + ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(argv + " ran for 30 minutes; output in " + out + " and " + err);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void reproduce_givesTheSameCellsOutcomesAndVerdictsAsThePlugin_withTheSameSettings() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("cli-reproduce");
        String[] settings = {
            "goVersions=1.22@amd64",
            "cases=cgo-hello,c-abort,static-lib-wrong-arch",
            "runners=native,qemu",
            "targets=linux/amd64,linux/arm64"
        };
        List<String> mavenArgs =
                new ArrayList<>(List.of(Maven.goal("reproduce"), "-Dm1go.outputDirectory=" + dir.resolve("maven")));
        List<String> cliArgs = new ArrayList<>(List.of("reproduce", "--output-directory=" + dir.resolve("cli")));
        for (String s : settings) {
            String key = s.substring(0, s.indexOf('='));
            mavenArgs.add("-Dm1go." + s);
            cliArgs.add("--" + key.replaceAll("([A-Z])", "-$1").toLowerCase() + s.substring(key.length()));
        }
        Maven.run(dir, mavenArgs.toArray(String[]::new)).succeeded();
        Result cli = m1go(dir, null, cliArgs.toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // progress and the summary go to standard error, like the Maven log; standard output stays free for pipes
        assertThat(cli.err()).contains("cgo-hello").contains("reports in " + dir.resolve("cli"));
        assertThat(cli.out()).isEmpty();

        JsonNode maven = Maven.Run.report(dir.resolve("maven/report.json"));
        JsonNode command = Maven.Run.report(dir.resolve("cli/report.json"));
        assertThat(cells(command)).isNotEmpty().isEqualTo(cells(maven));
        assertThat(cells(command).values())
                .anySatisfy(v -> assertThat(v).contains("CGO_SIGNAL"))
                .anySatisfy(v -> assertThat(v).contains("LINK_ARCH_MISMATCH"));
        assertThat(maven.get("generator").asText()).startsWith("m1go-maven-plugin ");
        assertThat(command.get("generator").asText()).isEqualTo("m1go " + Maven.version());
        // the notes name settings the command line's way
        assertThat(command.get("notes").toString()).doesNotContain("-Dm1go.");
    }

    /** Every cell by its title: outcome, signal, expectation and verdict (times, logs and the tool left out). */
    private static TreeMap<String, String> cells(JsonNode report) {
        TreeMap<String, String> cells = new TreeMap<>();
        report.get("cells")
                .forEach(c -> cells.put(
                        c.get("case").asText() + " " + c.get("go").asText() + "/"
                                + c.get("toolchainArch").asText() + " "
                                + c.get("goarch").asText() + " "
                                + c.get("runner").asText(),
                        c.get("outcome").asText() + " " + c.path("signal").asText() + " expected "
                                + c.get("expected").asText() + " "
                                + c.get("verdict").asText()));
        return cells;
    }

    @Test
    void classify_readsAPastedLogFromStandardInput() throws Exception {
        Path dir = Maven.workDirectory("cli-classify");
        Result r = m1go(dir, """
                SIGSEGV: segmentation violation
                PC=0x47c0f3 m=0 sigcode=1 addr=0x0
                signal arrived during cgo execution

                goroutine 1 gp=0xc000002380 m=0 mp=0x5a6f00 [syscall]:
                runtime.cgocall(0x47c0d0, 0xc000066f38)
                	/usr/lib/go-1.22/src/runtime/cgocall.go:157 +0x4b fp=0xc000066f10 sp=0xc000066ed8 pc=0x40552b
                main._Cfunc_deref()
                	_cgo_gotypes.go:39 +0x3f fp=0xc000066f38 sp=0xc000066f10 pc=0x47c01f
                """, "classify", "-");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode line = new ObjectMapper().readTree(r.out().strip());
        assertThat(line.get("file").asText()).isEqualTo("-");
        assertThat(line.get("outcome").asText()).isEqualTo("CGO_SIGNAL");
        assertThat(line.get("signal").asText()).isEqualTo("SIGSEGV");
        assertThat(line.get("inCgo").asBoolean()).isTrue();
    }

    @Test
    void inspect_readsARealBinary_andAMissingPathIsAUsageErrorNamingTheOption() throws Exception {
        Path dir = Maven.workDirectory("cli-inspect");
        Path go = Path.of(System.getProperty("java.home"), "bin", "java");
        Result r = m1go(dir, null, "inspect", go.toString(), "--target=arm64");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode line = new ObjectMapper().readTree(r.out().strip());
        assertThat(line.get("format").asText()).isEqualTo("ELF");
        assertThat(line.toString()).contains("x86_64");
        assertThat(r.err()).contains("arm64"); // the finding: built for another architecture than --target

        Result missing = m1go(dir, null, "inspect", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("nope")
                .contains("--path")
                .doesNotContain("m1go.path")
                .doesNotContain("\tat ");
    }

    @Test
    void doctor_writesDoctorJson_namingTheCommandAsItsGenerator() throws Exception {
        Path dir = Maven.workDirectory("cli-doctor");
        Result r = m1go(dir, null, "doctor", "--fail-on=never", "--output-directory=" + dir.resolve("out"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("toolchain");
        JsonNode doctor =
                new ObjectMapper().readTree(dir.resolve("out/doctor.json").toFile());
        assertThat(doctor.get("generator").asText()).isEqualTo("m1go " + Maven.version());
    }

    @Test
    void usageMistakes_exitWithTheUsageCode_namingTheOptionTheCommandLineWay() throws Exception {
        Path dir = Maven.workDirectory("cli-usage");
        Result typo = m1go(dir, null, "reproduce", "--go-versoins=1.22");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("--go-versoins").contains("--go-versions");

        Result refused = m1go(dir, null, "reproduce", "--threads=-3", "--output-directory=" + dir.resolve("out"));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains("--threads is -3")
                .doesNotContain("m1go.threads")
                .doesNotContain("\tat ");
    }
}
