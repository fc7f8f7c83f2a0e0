package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.cases.CaseDefinitionException;
import dev.m1go.cases.CaseLoader;
import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.core.Log;
import dev.m1go.core.UserError;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import dev.m1go.toolchain.Toolchain;
import dev.m1go.toolchain.ToolchainSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduce use case over fakes: a made-up host, a case source and a toolchain source, and a process runner that
 * must never be called. What reaches the report and the user's errors comes from the sources given.
 */
class ReproduceTest {

    private static final ProcessRunner NO_PROCESSES = spec -> {
        throw new AssertionError("no process expected: " + spec.display());
    };
    private static final Host HOST = new Host(
            Os.LINUX,
            Arch.AMD64,
            "x86_64",
            "amd64",
            "6.1.0-fake",
            null,
            List.of(),
            List.of(),
            Map.of(),
            new TreeMap<>());

    @TempDir
    Path tmp;

    private final List<String> lines = new ArrayList<>();
    private final List<List<Path>> goRootsAsked = new ArrayList<>();

    private Reproduce reproduce(List<Toolchain> toolchains, Reproduce.CaseSource cases) {
        ToolchainSource source = (host, launcher, env, home, roots, logDir) -> {
            assertThat(host).isSameAs(HOST);
            goRootsAsked.add(roots);
            return toolchains;
        };
        Log log = new Log() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }
        };
        return new Reproduce(
                NO_PROCESSES,
                new GoCrashClassifier(),
                h -> List.of(),
                (env, logDir) -> HOST,
                cases,
                source,
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
                log);
    }

    private ReproduceSettings settings(String goVersions, boolean failIfNoToolchains, List<String> runners) {
        return ReproduceSettings.builder(
                        tmp.resolve("out"),
                        tmp.resolve("cache"),
                        Map.of("PATH", tmp.resolve("empty-path").toString()),
                        tmp)
                .goRoots(List.of("~/go-extra"))
                .goVersions(goVersions)
                .failIfNoToolchains(failIfNoToolchains)
                .cases(List.of("cgo-hello"))
                .runners(runners)
                .targets(List.of("linux/amd64"))
                .buildTimeoutSeconds(300)
                .threads(1)
                .build();
    }

    private static Toolchain go(String version) {
        return new Toolchain(version, Path.of("/fake/" + version), Arch.AMD64, "PATH", Map.of(), null);
    }

    private static List<dev.m1go.cases.ReproCase> bundled(Path dir, List<String> ids) throws CaseDefinitionException {
        return new CaseLoader().load(dir, ids);
    }

    @Test
    void noToolchainMatchingGoVersions_namesTheFoundOnes_andTheGoRootsReachTheSourceWithHomeExpanded() {
        Reproduce r = reproduce(List.of(go("go1.21.13"), go("go1.22.12")), ReproduceTest::bundled);
        assertThatThrownBy(() -> r.run(settings("1.23", true, List.of("native"))))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("no toolchain matches m1go.goVersions=1.23 (found: go1.21.13, go1.22.12)");
        // asked once for the wanted versions, then once more for every toolchain, to list what there is
        assertThat(goRootsAsked).hasSize(2).containsOnly(List.of(tmp.resolve("go-extra")));
    }

    @Test
    void aBrokenCaseDefinition_fromTheCaseSource_isAUserError() {
        Reproduce r = reproduce(List.of(go("go1.22.12")), (dir, ids) -> {
            throw new CaseDefinitionException("case.yaml of my-case: expect.outcome 'PASSS' is not an outcome");
        });
        assertThatThrownBy(() -> r.run(settings(null, true, List.of("native"))))
                .isInstanceOf(UserError.class)
                .hasMessage("case.yaml of my-case: expect.outcome 'PASSS' is not an outcome");
    }

    @Test
    void everyCellSkipped_onTheGivenHost_isNothingToRun_withTheReason() {
        Reproduce r = reproduce(List.of(go("go1.22.12")), ReproduceTest::bundled);
        assertThatThrownBy(() -> r.run(settings(null, true, List.of("qemu"))))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("none of the runners qemu applies to the targets linux/amd64");
    }

    @Test
    void noToolchainsAllowed_writesAnEmptyReport_describingTheGivenHost() throws Exception {
        Reproduce r = reproduce(List.of(), ReproduceTest::bundled);
        Reproduce.Result result = r.run(settings(null, false, List.of("native")));
        assertThat(result.report().cells()).isEmpty();
        JsonNode json =
                new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile());
        assertThat(json.path("startedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.toString()).contains("6.1.0-fake");
        assertThat(json.path("cases").toString()).contains("cgo-hello");
        assertThat(lines)
                .contains("m1go: no Go toolchain found; writing an empty report because "
                        + "m1go.failIfNoToolchains is false.");
    }
}
