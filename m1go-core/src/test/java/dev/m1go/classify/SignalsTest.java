package dev.m1go.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Signal numbers differ between Linux and macOS; names never come from a number without the OS. */
class SignalsTest {

    @Test
    void linuxAndDarwinTablesDiffer() {
        assertThat(Signals.name("linux", 7)).isEqualTo("SIGBUS");
        assertThat(Signals.name("darwin", 10)).isEqualTo("SIGBUS");
        assertThat(Signals.name("linux", 10)).isEqualTo("SIGUSR1");
        assertThat(Signals.name("darwin", 30)).isEqualTo("SIGUSR1");
        assertThat(Signals.name("linux", 31)).isEqualTo("SIGSYS");
        assertThat(Signals.name("darwin", 12)).isEqualTo("SIGSYS");
        assertThat(Signals.number("darwin", "SIGBUS")).isEqualTo(10);
        assertThat(Signals.number("linux", "BUS")).isEqualTo(7);
    }

    @Test
    void sharedNumbersAgree() {
        for (String name : new String[] {
            "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGFPE", "SIGKILL", "SIGSEGV", "SIGPIPE",
            "SIGALRM", "SIGTERM"
        }) {
            assertThat(Signals.number("linux", name)).as(name).isEqualTo(Signals.number("darwin", name));
        }
    }

    @Test
    void unknownOsOrNumberGivesNoName() {
        assertThat(Signals.name("windows", 11)).isNull();
        assertThat(Signals.name("linux", 0)).isNull();
        assertThat(Signals.name("linux", 64)).isNull();
        assertThat(Signals.number("plan9", "SIGSEGV")).isEqualTo(-1);
    }

    @Test
    void parsesPreGo17HexAndDecimal() {
        assertThat(Signals.parse("linux", "0xb")).isEqualTo("SIGSEGV");
        assertThat(Signals.parse("linux", "0xa")).isEqualTo("SIGUSR1");
        assertThat(Signals.parse("darwin", "0xa")).isEqualTo("SIGBUS");
        assertThat(Signals.parse("linux", "7")).isEqualTo("SIGBUS");
        assertThat(Signals.parse("linux", "0xzz")).isNull();
        assertThat(Signals.parse("linux", "")).isNull();
    }

    @Test
    void preGo17HexSignalInAReport_followsTheOs() {
        String report =
                "fatal error: unexpected signal during runtime execution\n" + "[signal 0xa code=0x2 addr=0x1 pc=0x2]\n";
        Classifier c = new GoCrashClassifier();
        assertThat(c.classify(Evidence.ofLog("darwin", report)).signal()).isEqualTo("SIGBUS");
        assertThat(c.classify(Evidence.ofLog("linux", report)).signal()).isEqualTo("SIGUSR1");
    }

    @Test
    void descriptions() {
        assertThat(Signals.fromDescription("Segmentation fault")).isEqualTo("SIGSEGV");
        assertThat(Signals.fromDescription("Trace/BPT trap")).isEqualTo("SIGTRAP");
        assertThat(Signals.fromDescription("abort trap")).isEqualTo("SIGABRT");
        assertThat(Signals.fromDescription("nonsense")).isNull();
    }
}
