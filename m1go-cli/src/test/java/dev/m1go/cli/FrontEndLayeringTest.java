package dev.m1go.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The m1go command is a front end: it reaches the core only through the use cases ({@code dev.m1go.app}), the types
 * every layer shares ({@code dev.m1go.core}) and the settings ({@code dev.m1go.settings}), plus the publishing
 * settings of a merge. A command that starts the engine, a runner or a report writer itself fails here.
 */
class FrontEndLayeringTest {

    private static final Set<String> PACKAGES = Set.of("app", "core", "settings");
    private static final Set<String> TYPES = Set.of("reproduce.Publish");
    private static final Pattern USE = Pattern.compile("\\bdev\\.m1go\\.([a-z]+)\\.([A-Z]\\w*)");

    @Test
    void theCommands_useOnlyTheUseCasesAndTheSettings() throws IOException {
        Set<String> offenders = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                    if (!PACKAGES.contains(m.group(1)) && !TYPES.contains(m.group(1) + "." + m.group(2))) {
                        offenders.add(f.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertThat(used).as("the scan sees the command's uses of the core").contains("app", "core");
        assertThat(offenders).isEmpty();
    }
}
