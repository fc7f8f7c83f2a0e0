package dev.m1go.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.core.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Parameters;

class M1goTest {
    private static final String[] SUBCOMMANDS = {"reproduce", "merge", "classify", "inspect", "doctor"};

    record Run(int exit, String out, String err) {}

    /** A subcommand of the test only: throws what its argument names, as a use case would. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        @Parameters(index = "0")
        String what;

        @Override
        public Integer call() throws Exception {
            switch (what) {
                case "user" -> throw new UserError("m1go.goVersions: no toolchain matches 1.99");
                case "io" -> throw new IOException("cannot write /out/report.json: No space left on device");
                case "unchecked-io" -> throw new UncheckedIOException(new NoSuchFileException("/no/such/report.json"));
                case "interrupted" -> throw new InterruptedException();
                case "bug" -> throw new IllegalStateException("a cell without a target");
                case "failing" -> {
                    return ExitCodes.FAILING;
                }
                default -> {
                    return ExitCodes.SUCCESS;
                }
            }
        }
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static Run run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run m1go(String... args) {
        return run(M1go.commandLine(), args);
    }

    /** m1go with the test's {@code fail} subcommand, configured as {@link M1go#main} does. */
    private static Run m1goWithFail(String... args) {
        CommandLine cmd = new CommandLine(new M1go());
        cmd.addSubcommand(new Fail());
        return run(M1go.configure(cmd), args);
    }

    @Test
    void aMisspeltSubcommandIsAUsageErrorThatSuggestsTheRightOne() {
        Run r = m1go("reproduse");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE).isEqualTo(2);
        assertThat(r.err())
                .contains("'reproduse'")
                .contains("reproduce")
                .contains("Try 'm1go --help'")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMisspeltOptionIsAUsageErrorThatSuggestsTheRightOne() {
        Run r = m1go("--versoin");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .startsWith("m1go: ")
                .contains("'--versoin'")
                .contains("--version")
                .contains("Try 'm1go --help'")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aSubcommandsUsageErrorPointsAtThatSubcommandsHelp() {
        Run r = m1go("merge", "--no-such-option");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'--no-such-option'").contains("Try 'm1go merge --help'");
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        Run r = m1goWithFail("fail");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Missing required parameter").contains("Try 'm1go fail --help'");
    }

    @Test
    void m1goAloneShowsTheUsageOnStandardErrorAsAUsageError() {
        Run r = m1go();

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Usage: m1go").contains(SUBCOMMANDS);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void versionNamesM1goAndTheJava() {
        Run r = m1go("--version");

        assertThat(r.exit()).isEqualTo(ExitCodes.SUCCESS);
        // Outside the jar (target/classes) the version is the one Maven filtered into version.properties.
        assertThat(r.out())
                .containsPattern("\\Am1go \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R")
                .contains("Java " + Runtime.version());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aSubcommandsVersionIsM1gos() {
        Run r = m1go("doctor", "--version");

        assertThat(r.exit()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(r.out()).startsWith("m1go " + M1go.version());
    }

    @Test
    void helpDescribesM1goAndListsItsSubcommands() {
        Run r = m1go("--help");

        assertThat(r.exit()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(r.out())
                .contains("Usage: m1go")
                .contains("measured matrix")
                .contains(SUBCOMMANDS)
                .contains("generate-completion");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void eachSubcommandHasHelp() {
        for (String sub : SUBCOMMANDS) {
            Run r = m1go(sub, "--help");

            assertThat(r.exit()).as(sub).isEqualTo(ExitCodes.SUCCESS);
            assertThat(r.out()).as(sub).contains("Usage: m1go " + sub);
        }
    }

    @Test
    void aUserErrorIsItsMessageAndAUsageError() {
        Run r = m1goWithFail("fail", "user");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("m1go: m1go.goVersions: no toolchain matches 1.99" + System.lineSeparator());
    }

    @Test
    void anIoFailureIsItsMessageAndAnEnvironmentError() {
        Run r = m1goWithFail("fail", "io");

        assertThat(r.exit()).isEqualTo(ExitCodes.ENVIRONMENT).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo("m1go: cannot write /out/report.json: No space left on device" + System.lineSeparator());
    }

    @Test
    void anUncheckedIoFailureNamesItsKindWhenTheMessageIsOnlyAPath() {
        Run r = m1goWithFail("fail", "unchecked-io");

        assertThat(r.exit()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(r.err()).isEqualTo("m1go: NoSuchFileException: /no/such/report.json" + System.lineSeparator());
    }

    @Test
    void anInterruptIs130() {
        Run r = m1goWithFail("fail", "interrupted");

        assertThat(r.exit()).isEqualTo(ExitCodes.INTERRUPTED).isEqualTo(130);
        assertThat(r.err()).isEqualTo("m1go: interrupted" + System.lineSeparator());
        assertThat(Thread.currentThread().isInterrupted())
                .as("interrupt status restored")
                .isTrue();
    }

    @Test
    void anUnexpectedExceptionShowsItsTraceAndIsAnEnvironmentErrorNotAFailingRun() {
        Run r = m1goWithFail("fail", "bug");

        assertThat(r.exit()).isEqualTo(ExitCodes.ENVIRONMENT).isNotEqualTo(ExitCodes.FAILING);
        assertThat(r.err())
                .startsWith("m1go: unexpected error")
                .contains("java.lang.IllegalStateException: a cell without a target")
                .contains("\tat dev.m1go.cli.M1goTest$Fail.call");
    }

    @Test
    void aCommandsOwnStatusIsTheExitStatus() {
        assertThat(m1goWithFail("fail", "failing").exit())
                .isEqualTo(ExitCodes.FAILING)
                .isEqualTo(1);
        assertThat(m1goWithFail("fail", "ok").exit())
                .isEqualTo(ExitCodes.SUCCESS)
                .isEqualTo(0);
    }

    @Test
    void colourIsLeftToPicocliAutoDetection() {
        // AUTO: colour on a terminal only, and off with NO_COLOR; nothing here may force it on.
        CommandLine cmd = M1go.commandLine();

        assertThat(cmd.getColorScheme().ansi()).isEqualTo(Ansi.AUTO);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            assertThat(sub.getColorScheme().ansi()).as(sub.getCommandName()).isEqualTo(Ansi.AUTO);
        }
    }
}
