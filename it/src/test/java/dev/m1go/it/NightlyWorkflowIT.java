package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The nightly fan-out of docs/ci: the GitHub Actions workflow passes actionlint (a Go module, run through the Go
 * module proxy), and its merge step, run as written with this build's plugin, folds the reports of two hosts into one,
 * writes the step summary, and fails on a failure new since the previous night's merged report. The structure a CI
 * maintainer keeps (pinned actions, caches, time limits, schedule-only GitLab rules, no binaries among the artifacts)
 * is checked on both templates' text.
 */
class NightlyWorkflowIT {

    private static final Path ROOT = Path.of(System.getProperty("it.projects", "projects"))
            .toAbsolutePath()
            .getParent()
            .getParent();
    private static final Path WORKFLOW = ROOT.resolve("docs/ci/m1go-nightly.yml");
    private static final String ACTIONLINT = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12";

    record Result(int exit, String output) {}

    @Test
    void workflow_passesActionlint_andABrokenOneDoesNot() throws Exception {
        Components.require(Components.onPath("go"), "go on PATH");
        // One actionlint run (building it is most of the time) over the workflow and a copy with one mistake.
        Path broken = Maven.workDirectory("actionlint").resolve("broken.yml");
        Files.writeString(broken, Files.readString(WORKFLOW).replace("${{ matrix.runners }}", "${{ matrix.runnerz }}"));
        Result lint = exec(
                ROOT,
                Map.of("GOTOOLCHAIN", "local"),
                "go",
                "run",
                ACTIONLINT,
                "-no-color",
                WORKFLOW.toString(),
                broken.toString());
        assertThat(lint.exit()).as("actionlint:\n%s", lint.output()).isNotZero();
        assertThat(lint.output())
                .as("actionlint on %s", WORKFLOW)
                .doesNotContain("m1go-nightly.yml:")
                .contains("broken.yml:")
                .contains("runnerz");
    }

    @Test
    void mergeStep_foldsTwoHosts_writesTheSummary_andFailsOnANewFailureOnly() throws Exception {
        Components.require(Components.onPath("go"), "go on PATH");
        Path dir = Maven.workDirectory("nightly");
        // One real run on this machine...
        Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.cases=cgo-hello",
                        "-Dm1go.goVersions=1.26",
                        "-Dm1go.runners=native",
                        "-Dm1go.targets=linux/amd64")
                .succeeded();
        ObjectMapper json = new ObjectMapper();
        JsonNode here = json.readTree(dir.resolve("target/m1go/report.json").toFile());
        // ... and the same cells as another host would upload them (artifacts land in one directory each).
        write(dir.resolve("reports/m1go-linux-x64/report.json"), here);
        write(dir.resolve("reports/m1go-linux-arm64/report.json"), asArm64Host(here, false));

        Path summary = dir.resolve("summary.md");
        Result first = mergeStep(dir, summary);
        assertThat(first.exit()).as("merge step:\n%s", first.output()).isZero();
        JsonNode merged = json.readTree(dir.resolve("merged/report.json").toFile());
        assertThat(merged.get("hosts")).hasSize(2);
        assertThat(Files.readString(summary)).contains("linux/amd64", "linux/arm64");

        // The next night: its merged report is the baseline; one cell fails that passed before.
        write(dir.resolve("baseline/report.json"), merged);
        write(dir.resolve("reports/m1go-linux-arm64/report.json"), asArm64Host(here, true));
        Result second = mergeStep(dir, summary);
        assertThat(second.exit()).as("merge step:\n%s", second.output()).isNotZero();
        assertThat(second.output())
                .contains("new since the baseline")
                .contains("cgo-hello")
                .as("merge's advice names what merge reads")
                .contains("Set -Dm1go.failOn=never to report without failing")
                .doesNotContain("failOnRegression");
    }

    /**
     * What a CI maintainer keeps, checked on the workflow's text (no network): every action pinned to a commit SHA
     * with its tag beside it, one night at a time, time limits, the Go releases and m1go's builds cached, a pinned
     * and checked Maven, the plugin built only where its sources are, and a baseline from scheduled nights on the
     * default branch only.
     */
    @Test
    void workflow_pinsItsActions_cachesToolchainsAndBuilds_andTakesItsBaselineFromScheduledNights() throws Exception {
        String text = Files.readString(WORKFLOW);
        Matcher uses = Pattern.compile("uses: *([\\w.-]+/[\\w.-]+)@(\\S+)(.*)").matcher(text);
        List<String> actions = new ArrayList<>();
        while (uses.find()) {
            actions.add(uses.group(1));
            assertThat(uses.group(2))
                    .as("%s is pinned to a full commit SHA", uses.group(1))
                    .matches("[0-9a-f]{40}");
            assertThat(uses.group(3))
                    .as("%s names its release tag", uses.group(1))
                    .matches(" +# v\\d+\\.\\d+\\.\\d+");
        }
        assertThat(actions)
                .contains(
                        "actions/checkout",
                        "actions/setup-java",
                        "actions/setup-go",
                        "actions/cache",
                        "actions/upload-artifact",
                        "actions/download-artifact");

        JsonNode wf = new YAMLMapper().readTree(WORKFLOW.toFile());
        assertThat(wf.path("concurrency").path("group").asText()).isNotBlank();
        assertThat(wf.path("concurrency").path("cancel-in-progress").isBoolean())
                .isTrue();
        assertThat(wf.path("concurrency").path("cancel-in-progress").asBoolean())
                .as("a night is never cancelled")
                .isFalse();
        assertThat(wf.path("env").path("MAVEN_VERSION").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(wf.path("env").path("GO_VERSIONS_ROSETTA").asText().trim().split(" +"))
                .as("amd64 Go releases run by Rosetta")
                .hasSizeGreaterThanOrEqualTo(2);
        for (String job : List.of("measure", "merge")) {
            JsonNode j = wf.path("jobs").path(job);
            assertThat(j.path("timeout-minutes").asInt())
                    .as(job + " timeout-minutes")
                    .isPositive();
            String steps = j.path("steps").toString();
            assertThat(steps).as(job + " checks its Maven").contains("mvn -B -v", "Apache Maven $MAVEN_VERSION");
            for (JsonNode s : j.path("steps")) {
                if (s.path("name").asText().equals("Build the plugin")) {
                    assertThat(s.path("if").asText())
                            .as(job + ": only where the plugin's sources are")
                            .isEqualTo("hashFiles('m1go-maven-plugin/pom.xml') != ''");
                }
            }
        }
        List<String> cached = new ArrayList<>();
        String measureRun = "";
        for (JsonNode s : wf.path("jobs").path("measure").path("steps")) {
            if (s.path("uses").asText().startsWith("actions/cache@")) {
                cached.add(s.path("with").path("path").asText());
                assertThat(s.path("with").path("key").asText())
                        .as("a cache key names the machine")
                        .containsAnyOf("matrix.host", "runner.os");
            }
            if (s.path("name").asText().equals("Measure")) {
                measureRun = s.path("run").asText();
            }
        }
        assertThat(String.join("\n", cached))
                .contains("golang.org/toolchain@*", "toolchain/@v/*.ziphash", "~/sdk", "${{ env.M1GO_CACHE }}");
        assertThat(measureRun).contains("-Dm1go.cacheDirectory=\"$M1GO_CACHE\"");
        String baseline = "";
        for (JsonNode s : wf.path("jobs").path("merge").path("steps")) {
            if (s.path("name").asText().startsWith("Baseline")) {
                baseline = s.path("run").asText();
            }
        }
        assertThat(baseline).contains("gh run list", "--branch \"$branch\"", "--event schedule", "--status success");
    }

    /**
     * No GitLab linter runs offline; the example is at least valid YAML that runs on schedules and web runs only,
     * gives every job an image, a time limit and expiring artifacts, keeps no binaries, caches m1go's builds and the
     * Go releases, measures binfmt on no shared runner, and whose merge job waits for every host.
     */
    @Test
    void gitlabExample_runsOnSchedulesOnly_keepsNoBinaries_andMergesEveryMeasureJob() throws Exception {
        JsonNode ci =
                new YAMLMapper().readTree(ROOT.resolve("docs/ci/gitlab-ci.yml").toFile());
        List<String> rules = new ArrayList<>();
        ci.path("workflow")
                .path("rules")
                .forEach(r -> rules.add(r.path("if").asText() + r.path("when").asText()));
        assertThat(rules)
                .containsExactlyInAnyOrder("$CI_PIPELINE_SOURCE == \"schedule\"", "$CI_PIPELINE_SOURCE == \"web\"");

        Map<String, JsonNode> jobs = new java.util.LinkedHashMap<>();
        ci.fieldNames().forEachRemaining(name -> {
            if (!name.startsWith(".")
                    && !List.of("workflow", "stages", "variables", "default", "include")
                            .contains(name)) {
                jobs.put(name, resolved(ci, name));
            }
        });
        List<String> measure = new ArrayList<>();
        jobs.forEach((name, job) -> {
            assertThat(job.path("image").asText()).as(name + " image").isNotBlank();
            assertThat(job.path("timeout").asText()).as(name + " timeout").isNotBlank();
            assertThat(job.path("artifacts").path("expire_in").asText())
                    .as(name + " expire_in")
                    .isNotBlank();
            assertThat(job.path("artifacts").path("paths").toString())
                    .as(name + " artifacts")
                    .doesNotContain("build")
                    .doesNotContain("\"reports/\"");
            if ("measure".equals(job.path("stage").asText())) {
                measure.add(name);
                assertThat(job.path("artifacts").path("paths").toString())
                        .as(name + " artifacts")
                        .contains("report.json", "report.md", "report.html", "TEST-m1go.xml", "logs/");
                assertThat(job.path("cache").toString())
                        .as(name + " caches")
                        .contains(".cache/m1go/", "golang.org/", "toolchain/@v/*.ziphash");
                assertThat(job.path("script").toString()).as(name + " script").contains("-Dm1go.cacheDirectory=");
                assertThat(job.path("variables").path("RUNNERS").asText())
                        .as(name + ": binfmt needs a privileged " + "runner")
                        .isNotBlank()
                        .doesNotContain("binfmt");
            }
        });
        assertThat(measure).hasSizeGreaterThanOrEqualTo(3);
        List<String> needs = new ArrayList<>();
        ci.path("m1go-merge").path("needs").forEach(n -> needs.add(n.asText()));
        assertThat(needs).containsExactlyInAnyOrderElementsOf(measure);
        assertThat(ci.path("m1go-merge").path("script").toString()).contains(":merge", "-Dm1go.failOn=new");
    }

    /** A GitLab job with what it {@code extends} merged in as GitLab does: hashes deeply, the job's own keys last. */
    private static JsonNode resolved(JsonNode ci, String name) {
        JsonNode job = ci.path(name);
        ObjectNode out = new ObjectMapper().createObjectNode();
        JsonNode ext = job.path("extends");
        List<String> parents = new ArrayList<>();
        if (ext.isTextual()) {
            parents.add(ext.asText());
        }
        ext.forEach(e -> parents.add(e.asText()));
        for (String p : parents) {
            deepMerge(out, resolved(ci, p));
        }
        deepMerge(out, job);
        out.remove("extends");
        return out;
    }

    private static void deepMerge(ObjectNode into, JsonNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode have = into.get(e.getKey());
            if (have instanceof ObjectNode h && e.getValue().isObject()) {
                deepMerge(h, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    /** The merge step's script, run by bash as Actions runs it, with {@code mvn} being this build's offline Maven. */
    private static Result mergeStep(Path dir, Path summary) throws Exception {
        JsonNode steps = new YAMLMapper()
                .readTree(WORKFLOW.toFile())
                .path("jobs")
                .path("merge")
                .path("steps");
        String script = null;
        for (JsonNode s : steps) {
            if ("Merge".equals(s.path("name").asText())) {
                script = s.path("run").asText();
            }
        }
        assertThat(script).as("the workflow's merge job has a step named Merge").isNotNull();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(
                mvn,
                "#!/bin/sh\nexec "
                        + Maven.command().stream().map(NightlyWorkflowIT::quote).collect(Collectors.joining(" "))
                        + " \"$@\"\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.deleteIfExists(summary);
        return exec(
                dir,
                Map.of(
                        "PATH",
                        bin + ":" + System.getenv("PATH"),
                        "M1GO_VERSION",
                        Maven.version(),
                        "GITHUB_STEP_SUMMARY",
                        summary.toString()),
                "bash",
                "--noprofile",
                "--norc",
                "-eo",
                "pipefail",
                "-c",
                script);
    }

    /** The report as an arm64 Linux machine would have written it; {@code regress}: cgo-hello crashed there. */
    private static JsonNode asArm64Host(JsonNode report, boolean regress) {
        ObjectNode r = report.deepCopy();
        ((ObjectNode) r.get("host"))
                .put("arch", "arm64")
                .put("unameMachine", "aarch64")
                .put("jvmArch", "aarch64");
        if (regress) {
            for (JsonNode c : r.get("cells")) {
                if (c.get("case").asText().equals("cgo-hello")) {
                    ((ObjectNode) c)
                            .put("outcome", "CGO_SIGNAL")
                            .put("signal", "SIGSEGV")
                            .put("verdict", "UNEXPECTED")
                            .put("signature", "CGO_SIGNAL SIGSEGV | main._Cfunc_hello < main.main");
                }
            }
        }
        return r;
    }

    private static void write(Path file, JsonNode node) throws IOException {
        Files.createDirectories(file.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), node);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Result exec(Path dir, Map<String, String> env, String... argv) throws Exception {
        List<String> command = new ArrayList<>(List.of(argv));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("MAVEN_ARGS");
        Path log = Files.createTempFile(Maven.workDirectory("nightly-logs"), "exec", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", argv) + " ran for 10 minutes");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
