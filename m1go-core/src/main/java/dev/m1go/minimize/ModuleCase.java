package dev.m1go.minimize;

import dev.m1go.cases.ReproCase;
import dev.m1go.core.Log;
import dev.m1go.core.UserError;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Module mode: the failing test or main package of a module, as a standalone case. */
final class ModuleCase {

    /**
     * A package of the user's module as a case of its own.
     *
     * @param reportId   the case id its cells have in a report of {@code m1go:reproduce} ({@code store.test})
     * @param name       the minimized case's directory name
     * @param what       one phrase for logs and the README
     * @param provenance rows of the README's provenance table
     */
    record Standalone(ReproCase reproCase, String reportId, String name, String what, Map<String, String> provenance) {
    }

    private final ProcessRunner processes;
    private final Map<String, String> environment;
    private final Path home;
    private final Log log;

    ModuleCase(ProcessRunner processes, Map<String, String> environment, Path home, Log log) {
        this.processes = processes;
        this.environment = environment;
        this.home = home;
        this.log = log;
    }

    Standalone standalone(MinimizeSettings.ModuleTarget target, Toolchain lister, Path dir)
            throws UserError, IOException {
        throw new UserError("m1go:minimize of a module's test is not available yet: reduce a case with m1go.cases");
    }
}
