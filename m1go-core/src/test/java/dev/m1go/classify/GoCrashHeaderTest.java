package dev.m1go.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoCrashHeaderTest {

    private static GoCrashHeader read(String os, String... lines) {
        GoCrashHeader h = new GoCrashHeader(os);
        for (int i = 0; i < lines.length; i++) {
            h.accept(i, lines[i], false);
        }
        return h;
    }

    @Test
    void aSignalHeader_namesTheSignalAndThePc_andIsASignalReport() {
        GoCrashHeader h = read(
                "linux",
                "SIGSEGV: segmentation violation",
                "PC=0x4601d3 m=0 sigcode=1",
                "signal arrived during cgo execution");
        assertThat(h.started()).isTrue();
        assertThat(h.signal()).isEqualTo("SIGSEGV");
        assertThat(h.pc()).isEqualTo("0x4601d3");
        assertThat(h.cgoMarker()).isTrue();
        assertThat(h.signalReport()).isTrue();
        assertThat(h.faultSignal()).isTrue();
        assertThat(h.lineIndexes()).containsExactly(0, 1, 2);
    }

    @Test
    void aPanicWithABracketSignal_isNoSignalReport_butAFatalErrorWithOneIs() {
        GoCrashHeader panic = read(
                "linux",
                "panic: runtime error: invalid memory address [recovered]",
                "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x48f1a2]");
        assertThat(panic.panicMessage()).isEqualTo("runtime error: invalid memory address");
        assertThat(panic.signal()).isEqualTo("SIGSEGV");
        assertThat(panic.pc()).isEqualTo("0x48f1a2");
        assertThat(panic.signalReport()).isFalse();

        GoCrashHeader fatal = read(
                "linux",
                "fatal error: unexpected signal during runtime execution",
                "[signal 0xb code=0x1 addr=0x0 pc=0x0]");
        assertThat(fatal.signal()).isEqualTo("SIGSEGV");
        assertThat(fatal.signalReport()).isTrue();
    }

    @Test
    void aWindowsException_mapsItsCodeToGosSignal() {
        GoCrashHeader h = read("windows", "Exception 0xC0000005 0x0 0x0 0x7ff6");
        assertThat(h.windowsException()).isEqualTo("0xc0000005");
        assertThat(h.signal()).isEqualTo("SIGSEGV");
        assertThat(h.signalReport()).isTrue();
        assertThat(GoCrashHeader.windowsSignal("0xc0000094")).isEqualTo("SIGFPE");
        assertThat(GoCrashHeader.windowsSignal("0xdeadbeef")).isNull();
    }

    @Test
    void theFirstMessageStands_andARuntimeLineInsideAGoroutineIsNotHeader() {
        GoCrashHeader h = new GoCrashHeader("linux");
        assertThat(h.accept(0, "main.f()", false)).isFalse();
        assertThat(h.started()).isFalse();
        assertThat(h.accept(1, "PC=0x1234", false))
                .as("no PC line before the report begins")
                .isFalse();
        assertThat(h.accept(2, "fatal error: cgo argument has Go pointer to unpinned Go pointer", false))
                .isTrue();
        assertThat(h.accept(3, "fatal error: something else", false)).isTrue();
        assertThat(h.accept(4, "runtime: g 1: unexpected return pc", true)).isFalse();
        assertThat(h.accept(5, "SIGQUIT: quit", false)).isTrue();
        assertThat(h.firstLine()).isEqualTo(2);
        assertThat(h.fatalMessage()).isEqualTo("cgo argument has Go pointer to unpinned Go pointer");
        assertThat(h.cgoCheck()).isTrue();
        assertThat(h.signal()).isEqualTo("SIGQUIT");
        assertThat(h.faultSignal()).isFalse();
        assertThat(h.lines())
                .isEqualTo(List.of(
                        "fatal error: cgo argument has Go pointer to unpinned Go pointer",
                        "fatal error: something else",
                        "SIGQUIT: quit"));
    }
}
