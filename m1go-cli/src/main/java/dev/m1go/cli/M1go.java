package dev.m1go.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code m1go} command: the subcommands over the m1go engine, as the Maven plugin's goals are.
 *
 * <p>The exit status is one of {@link ExitCodes}; {@link ErrorHandler} says which failure gives which.
 *
 * <p>Colour: picocli's {@code Help.Ansi.AUTO}, never forced on here. Help and error messages are coloured only when
 * the JVM has a console (standard input and output both a terminal), so nothing piped or redirected gets escape
 * sequences. picocli 4.7 honours {@code NO_COLOR} itself: set to any value, even empty, it switches colour off; so
 * does {@code -Dpicocli.ansi=false} (in {@code M1GO_OPTS}), and {@code CLICOLOR_FORCE} (not 0) or
 * {@code -Dpicocli.ansi=true} switch it on.
 */
@Command(
        name = "m1go",
        mixinStandardHelpOptions = true,
        versionProvider = M1go.Version.class,
        description = "Turns \"it crashes on my M1\" into a measured matrix: builds cgo reproducers with every Go "
                + "toolchain for every target, runs them natively and under translation (Rosetta 2, qemu-user, "
                + "binfmt_misc, --platform containers), and classifies every outcome.",
        subcommands = {
            ReproduceCommand.class,
            MergeCommand.class,
            ClassifyCommand.class,
            InspectCommand.class,
            DoctorCommand.class,
            MinimizeCommand.class,
            AutoComplete.GenerateCompletion.class,
        })
public final class M1go implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@code m1go} as {@link #main} runs it: its subcommands, version, error handling and exit codes. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new M1go()));
    }

    /**
     * Sets error handling and the version on {@code cmd} and the subcommands it has so far. Subcommands added later
     * get the version only by setting their own, but they share the error handling: picocli asks the top-level
     * command's handlers whichever subcommand fails.
     */
    static CommandLine configure(CommandLine cmd) {
        ErrorHandler errors = new ErrorHandler();
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionExceptionHandler(errors);
        // `m1go generate-completion` prints the completion script; picocli hides it, but it is the way to complete
        // m1go in a shell when it was not installed from the distribution (completion/m1go_completion).
        CommandLine completion = cmd.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        versionEverywhere(cmd, new Version());
        // every option's help is the core's description of its setting, its settings named as options
        cmd.setResourceBundle(new Descriptions());
        return cmd;
    }

    /** Without it a subcommand's --version, from mixinStandardHelpOptions, would print nothing. */
    private static void versionEverywhere(CommandLine cmd, IVersionProvider version) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (sub.getCommandSpec().versionProvider() == null
                    && sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().versionProvider(version);
            }
            versionEverywhere(sub, version);
        }
    }

    /** {@code m1go} alone: the usage, on standard error since nothing was run. */
    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        cmd.usage(cmd.getErr());
        return ExitCodes.USAGE;
    }

    /** {@code m1go --version}: m1go's version, then the Java that runs it. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            // picocli reads each line as a format string with markup: a '%' must not be read as a conversion.
            return new String[] {
                ("m1go " + version()).replace("%", "%%"),
                ("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + " "
                                + System.getProperty("java.vm.name") + ") on " + System.getProperty("os.name") + " "
                                + System.getProperty("os.arch"))
                        .replace("%", "%%"),
            };
        }
    }

    /**
     * The version of m1go: the jar manifest's Implementation-Version, else (classes outside the jar: tests, an IDE)
     * the version Maven wrote into {@code version.properties}, else "dev".
     */
    static String version() {
        String v = M1go.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = M1go.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "dev";
    }
}
