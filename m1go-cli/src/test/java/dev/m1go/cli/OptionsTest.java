package dev.m1go.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.app.Defaults;
import dev.m1go.settings.Frontend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command's options are the goals' settings: each named by the one rule ({@link Frontend#option}), each
 * described by the core's text, each defaulting to the core's default, and none of a goal's settings missing (but
 * {@code m1go.goToolchains}, which selects from Maven's toolchains.xml).
 */
class OptionsTest {

    /**
     * Settings whose command-line form differs: {@code m1go.goToolchains} selects from Maven's toolchains.xml and has
     * no option; {@code --args} is repeated once per argument (Maven's comma list cannot carry an empty one).
     */
    private static final Set<String> MAVEN_ONLY = Set.of("reproduce.m1go.goToolchains", "reproduce.m1go.args");

    @ParameterizedTest
    @ValueSource(strings = {"reproduce", "merge", "classify", "inspect", "doctor", "minimize"})
    void everySettingOfTheGoal_isAnOptionNamedByTheRule_withTheCoresDefault(String goal) {
        CommandLine command = M1go.commandLine().getSubcommands().get(goal);
        Set<String> keys = new TreeSet<>();
        for (OptionSpec o : command.getCommandSpec().options()) {
            String descriptionKey = o.descriptionKey();
            if (descriptionKey == null || descriptionKey.isEmpty() || descriptionKey.startsWith("mixinStandard")) {
                continue;
            }
            assertThat(descriptionKey).startsWith(goal + ".");
            String key = descriptionKey.substring(goal.length() + 1);
            keys.add(descriptionKey);
            assertThat(o.longestName())
                    .as(descriptionKey)
                    .isEqualTo(Frontend.option(key).split(" ")[0]);
            assertThat(o.description()).as("the help of %s", o.longestName()).isNotEmpty();
            assertThat(String.join(" ", o.description()))
                    .as("the help of %s", o.longestName())
                    .doesNotContain("m1go." + key.substring(5));
            String coreDefault = Defaults.of(goal).get(key);
            if (coreDefault != null && !key.equals("m1go.outputDirectory")) {
                assertThat(o.defaultValue())
                        .as("default of %s", o.longestName())
                        .isEqualTo(coreDefault);
            }
        }
        ResourceBundle core = ResourceBundle.getBundle(Frontend.DESCRIPTIONS);
        Set<String> expected = new TreeSet<>();
        core.keySet().stream()
                .filter(k -> k.startsWith(goal + "."))
                .filter(k -> !MAVEN_ONLY.contains(k))
                .forEach(expected::add);
        assertThat(keys).isEqualTo(expected);
        if (goal.equals("reproduce")) {
            assertThat(command.getCommandSpec().findOption("--args")).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--threads=many", "--timeout-seconds", "--fail-if-no-cells=perhaps"})
    void aBadValue_isAUsageError_namingTheOption(String given) {
        StringWriter err = new StringWriter();
        CommandLine m1go = M1go.commandLine();
        m1go.setErr(new PrintWriter(err));
        int code = m1go.execute("reproduce", given);
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(given.split("=")[0]).contains("Try 'm1go reproduce --help'");
    }
}
