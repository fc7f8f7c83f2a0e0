package dev.m1go.app;

import dev.m1go.core.Log;
import dev.m1go.settings.Frontend;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a use case runs: the front end that asked (how its users name settings, the tool name for reports), the
 * environment and home directory the programs under test see, the directory relative inputs start from, standard
 * output (for {@code m1go.issueBody} and JSON lines) and the log. The log given here receives every line with its
 * settings already named the front end's way.
 */
public record Context(
        Frontend frontend,
        Map<String, String> environment,
        Path home,
        Path workingDirectory,
        PrintStream out,
        Log log) {

    public Context {
        Objects.requireNonNull(frontend, "frontend");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(home, "home");
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(out, "out");
        log = rendering(Objects.requireNonNull(log, "log"), frontend);
    }

    /** This process: its environment, {@code user.home}, the current directory and {@link System#out}. */
    public static Context ofThisProcess(Frontend frontend, Log log) {
        return new Context(
                frontend, System.getenv(), Path.of(System.getProperty("user.home")), Path.of(""), System.out, log);
    }

    /** The same context with another environment (a front end's network settings applied, say). */
    public Context withEnvironment(Map<String, String> environment) {
        return new Context(frontend, environment, home, workingDirectory, out, log);
    }

    /** A core message with its settings named the front end's way. */
    public String render(String message) {
        return frontend.render(message);
    }

    private static Log rendering(Log log, Frontend frontend) {
        if (log instanceof Rendering r && r.frontend == frontend) {
            return log;
        }
        return new Rendering(log, frontend);
    }

    private record Rendering(Log log, Frontend frontend) implements Log {
        @Override
        public void info(String message) {
            log.info(frontend.render(message));
        }

        @Override
        public void warn(String message) {
            log.warn(frontend.render(message));
        }

        @Override
        public void debug(String message) {
            log.debug(frontend.render(message));
        }
    }
}
