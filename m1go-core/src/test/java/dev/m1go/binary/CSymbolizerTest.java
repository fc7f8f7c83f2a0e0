package dev.m1go.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.CrashAddresses;
import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.host.Arch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled crash cases built with the real Go toolchain and C compilers, run natively and under qemu-user, and
 * their faulting PCs symbolized against their own binaries: every C crash names the C function and line.
 */
class CSymbolizerTest {

    @TempDir
    static Path work;

    private static String source(String caseId) throws IOException {
        try (InputStream in =
                CSymbolizerTest.class.getClassLoader().getResourceAsStream("m1go/cases/" + caseId + "/main.go")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int lineOf(String source, String text) {
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the case source");
    }

    /** Builds the case for {@code goarch}, runs it (under qemu for arm64), returns [binary, stderr]. */
    private static Object[] crash(String caseId, Arch arch) throws Exception {
        Path go = NativeTools.require("go");
        Path dir = Files.createDirectories(work.resolve(caseId + "-" + arch.goarch()));
        Files.writeString(dir.resolve("main.go"), source(caseId));
        Files.writeString(dir.resolve("go.mod"), "module example.com/" + caseId + "\n\ngo 1.19\n");
        Map<String, String> env = new HashMap<>(
                Map.of("GOARCH", arch.goarch(), "CGO_ENABLED", "1", "GOTOOLCHAIN", "local", "GOFLAGS", "-mod=mod"));
        List<String> runArgv = List.of(dir.resolve("crash").toString());
        if (arch != Arch.AMD64) {
            Path cc = NativeTools.require(arch.gnuTriple() + "-gcc");
            Path qemu = NativeTools.require("qemu-" + arch.qemu(), "qemu-" + arch.qemu() + "-static");
            env.put("CC", cc.toString());
            runArgv = List.of(
                    qemu.toString(),
                    "-L",
                    "/usr/" + arch.gnuTriple(),
                    dir.resolve("crash").toString());
        }
        NativeTools.run(dir, env, go.toString(), "build", "-o", "crash", ".");
        Process p = new ProcessBuilder(runArgv)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.getOutputStream().close();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Object[] {dir.resolve("crash"), stderr};
    }

    private static CSymbolizer.Result symbolize(Path binary, Arch arch, String stderr) {
        CSymbolizer s = new CSymbolizer(
                Map.of("PATH", System.getenv("PATH")),
                new CommonsExecProcessRunner(),
                Arch.AMD64,
                work.resolve("logs"));
        return s.symbolize(binary, arch, CrashAddresses.of(stderr, "linux"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "c-segv, AMD64, m1go_segv, = 42;",
        "c-segv, ARM64, m1go_segv, = 42;",
        "c-sigbus, AMD64, m1go_sigbus, return p[page];"
    })
    void crashInTheCasesOwnC_namesFunctionAndLine(String caseId, Arch arch, String function, String line)
            throws Exception {
        Object[] c = crash(caseId, arch);
        CSymbolizer.Result r = symbolize((Path) c[0], arch, (String) c[1]);
        assertThat(r.frames()).as("%s\n%s", r.note(), c[1]).isNotEmpty();
        CFrame top = r.frames().get(0);
        assertThat(top.function()).as(r.note()).isEqualTo(function);
        assertThat(top.file()).endsWith("main.go");
        assertThat(top.line()).isEqualTo(lineOf(source(caseId), line));
        assertThat(r.summary()).isEqualTo("crashed in " + function + " (main.go:" + top.line() + ")");
        assertThat(CSymbolizer.locator((Path) c[0]).inC(top.pc(), List.of())).isTrue();
    }

    @ParameterizedTest(name = "c-abort on {0}")
    @CsvSource({"AMD64", "ARM64"})
    void abortInLibc_staysUnsymbolized_andNamesTheCallingCFunction(Arch arch) throws Exception {
        Object[] c = crash("c-abort", arch);
        CSymbolizer.Result r = symbolize((Path) c[0], arch, (String) c[1]);
        assertThat(r.note())
                .as("%s %s\n%s", r.note(), r.frames(), c[1])
                .isNotNull()
                .contains("outside")
                .contains("shared library");
        assertThat(r.frames()).hasSize(2);
        assertThat(r.frames().get(0).function()).isNull();
        assertThat(r.frames().get(1).function()).isEqualTo("m1go_abort");
        assertThat(r.frames().get(1).line()).isEqualTo(lineOf(source("c-abort"), "abort();"));
        assertThat(r.summary())
                .startsWith("crashed outside the binary at 0x")
                .endsWith("called from m1go_abort (main.go:" + lineOf(source("c-abort"), "abort();") + ")");
    }

    @Test
    void memo_answersTheSameQuestionWithoutTheTool_andAChangedBinaryIsAskedAgain() throws Exception {
        Object[] c = crash("c-segv", Arch.AMD64);
        Path memo = work.resolve("memo-" + System.nanoTime());
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        CommonsExecProcessRunner real = new CommonsExecProcessRunner();
        dev.m1go.exec.ProcessRunner counting = spec -> {
            started.incrementAndGet();
            return real.run(spec);
        };
        CSymbolizer s = new CSymbolizer(
                Map.of("PATH", System.getenv("PATH")), counting, Arch.AMD64, work.resolve("logs"), memo);
        CrashAddresses a = CrashAddresses.of((String) c[1], "linux");

        CSymbolizer.Result first = s.symbolize((Path) c[0], Arch.AMD64, a);
        int asked = started.get();
        CSymbolizer.Result again = s.symbolize((Path) c[0], Arch.AMD64, a);

        assertThat(asked).isPositive();
        assertThat(first.frames()).isNotEmpty();
        assertThat(again).isEqualTo(first);
        assertThat(started).as("the second answer comes from the memo").hasValue(asked);

        Path changed = Files.copy((Path) c[0], work.resolve("crash-changed-" + System.nanoTime()));
        Files.write(changed, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        s.symbolize(changed, Arch.AMD64, a);
        assertThat(started.get())
                .as("another binary content is another question")
                .isGreaterThan(asked);
    }

    @Test
    void memo_thatCannotBeWritten_stillGivesTheFrames() throws Exception {
        Object[] c = crash("c-segv", Arch.AMD64);
        Path notADirectory =
                Files.writeString(work.resolve("memo-file-" + System.nanoTime()), "a file, not a directory");
        CSymbolizer s = new CSymbolizer(
                Map.of("PATH", System.getenv("PATH")),
                new CommonsExecProcessRunner(),
                Arch.AMD64,
                work.resolve("logs"),
                notADirectory.resolve("symbols"));
        CSymbolizer.Result r = s.symbolize((Path) c[0], Arch.AMD64, CrashAddresses.of((String) c[1], "linux"));
        assertThat(r.frames()).as(r.note()).isNotEmpty();
        assertThat(r.frames().get(0).function()).isEqualTo("m1go_segv");
    }

    @Test
    void missingSymbolizer_isAClearSkipReason() {
        CSymbolizer s = new CSymbolizer(
                Map.of("PATH", work.toString()), new CommonsExecProcessRunner(), Arch.AMD64, work.resolve("logs"));
        String[] why = new String[1];
        assertThat(s.tool(Arch.ARM64, why)).isEmpty();
        assertThat(why[0]).contains("aarch64-linux-gnu-addr2line").contains("llvm-symbolizer");
    }

    @Test
    void malformedBinary_isANoteNamingTheField() throws IOException {
        Path cut = Files.write(work.resolve("cut"), HostileFiles.elf(40, HostileFiles.buildIdNote(20, 20)));
        CSymbolizer s = new CSymbolizer(
                Map.of("PATH", work.toString()), new CommonsExecProcessRunner(), Arch.AMD64, work.resolve("logs"));
        CSymbolizer.Result r =
                s.symbolize(cut, Arch.AMD64, new CrashAddresses("0x401000", List.of(), null, null, true));
        assertThat(r.frames()).isEmpty();
        assertThat(r.note()).startsWith("not readable as ELF: ELF header of cut: e_shnum 40 section headers");
    }

    @Test
    void parseOutput_addr2lineAndLlvmSymbolizerForms() {
        List<CFrame> gnu = CSymbolizer.parseOutput(
                "0x0000000000482834\nm1go_segv\n/tmp/x/main.go:9\n"
                        + "_cgo_b50e_Cfunc_m1go_segv\n/tmp/go-build/cgo-gcc-prolog:51 (discriminator 1)\n0x0000000000000010\n??\n??:0\n");
        assertThat(gnu)
                .containsExactly(
                        new CFrame("0x482834", "m1go_segv", "/tmp/x/main.go", 9),
                        new CFrame("0x482834", "_cgo_b50e_Cfunc_m1go_segv", "/tmp/go-build/cgo-gcc-prolog", 51),
                        new CFrame("0x10", null, null, null));
        assertThat(CSymbolizer.parseOutput("0x482834\nm1go_segv\n/tmp/x/main.go:9:5\n\n"))
                .containsExactly(new CFrame("0x482834", "m1go_segv", "/tmp/x/main.go", 9));
        assertThat(CSymbolizer.isGoSymbol("runtime.wirep")).isTrue();
        assertThat(CSymbolizer.isGoSymbol("m1go_segv.part.0")).isFalse();
        assertThat(CSymbolizer.isGoSymbol("_cgo_b50e_Cfunc_m1go_segv")).isFalse();
    }
}
