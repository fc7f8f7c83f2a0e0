package dev.m1go.binary;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.m1go.classify.GoFramePc;
import dev.m1go.classify.PcLocator;
import dev.m1go.host.Arch;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The binary readers on real files and on whatever a coverage-guided fuzzer makes of them: ELF (program and section
 * headers, {@code PT_INTERP}, {@code DT_NEEDED}, the build-ID note, the symbol table), thin and universal Mach-O, ar
 * archives with GNU long-name tables and BSD names, and Go's build information. A file is either read or one
 * {@link Bytes.Malformed} naming the field; anything else thrown is a fault of m1go's, and no file costs more memory
 * than a small multiple of its own size.
 *
 * <p>In every build the inputs under {@code BinaryFuzzTestInputs/<method>/} run as regression tests: real files built
 * for the purpose and each input a fuzzing run once found wrong. {@code scripts/fuzz.sh} fuzzes each method.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BinaryFuzzTest {

    private static final String NAME = "fuzz.bin";

    /** Memory a file may cost: a few times its size, and a little over for the rendering. */
    private static long allowance(int size) {
        return 64L * size + (16 << 20);
    }

    private static Bytes bytes(byte[] data) {
        return new Bytes(ByteBuffer.wrap(data), ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code m1go:inspect} on one file: its facts, the findings for every target, the JSON line and the table. */
    @FuzzTest(maxDuration = "15s")
    void inspect(byte[] data) {
        withinAllowance(data, () -> inspectOnce(data));
    }

    private static void inspectOnce(byte[] data) {
        BinaryFacts facts;
        try {
            facts = BinaryInspector.parse(bytes(data), NAME);
        } catch (Bytes.Malformed e) {
            assertThat(e.finding(NAME)).contains(NAME);
            return;
        }
        assertThat(facts.file()).isEqualTo(NAME);
        List<String> findings = new ArrayList<>(BinaryInspector.findings(facts, null));
        for (Arch target : Arch.values()) {
            findings.addAll(BinaryInspector.findings(facts, target));
        }
        BinaryFacts withFindings = facts.withFindings(findings);
        BinaryInspector.json(withFindings);
        BinaryInspector.table(List.of(withFindings));
    }

    /**
     * What C-frame symbolization reads of an ELF file: the symbol table, the executable segments, and the answers of
     * its {@link PcLocator} for addresses the file itself names.
     */
    @FuzzTest(maxDuration = "15s")
    void elfSymbols(byte[] data) {
        withinAllowance(data, () -> elfSymbolsOnce(data));
    }

    private static void elfSymbolsOnce(byte[] data) {
        Bytes b = bytes(data);
        if (!ElfFile.is(b)) {
            return;
        }
        ElfFile elf;
        try {
            elf = ElfFile.of(b);
        } catch (Bytes.Malformed e) {
            return;
        }
        PcLocator locator = CSymbolizer.locator(elf);
        List<GoFramePc> frames = new ArrayList<>(List.of(new GoFramePc("main.main", 0x10, 0x401010)));
        List<Long> pcs = new ArrayList<>(List.of(0L, 0x401000L, -1L));
        try {
            List<ElfFile.Symbol> functions = elf.functions();
            functions.stream().limit(4).forEach(s -> frames.add(new GoFramePc(s.name(), 0x10, s.value() + 0x1010)));
            functions.stream().limit(8).forEach(s -> pcs.add(s.value() + s.size() / 2));
            elf.executableSegments().stream().limit(4).forEach(s -> pcs.add(s[0] + s[1] - 1));
        } catch (Bytes.Malformed e) {
            // the symbol table or a program header is malformed: the locator must still answer
        }
        for (long pc : pcs) {
            locator.inC("0x" + Long.toHexString(pc), frames);
            locator.inC("0x" + Long.toHexString(pc + 0x1000), List.of());
        }
    }

    /** Go's build information blob as it stands in {@code .go.buildinfo} or {@code __go_buildinfo}. */
    @FuzzTest(maxDuration = "15s")
    void goBuildInfo(byte[] data) {
        try {
            GoBuildInfo info = GoBuildInfo.read(bytes(data), 0);
            if (info != null) {
                info.setting("GOARCH");
            }
        } catch (Bytes.Malformed e) {
            assertThat(e.finding(NAME)).contains(NAME);
        }
    }

    /**
     * Runs {@code read} on {@code data} and checks the bytes it allocated against {@link #allowance}. The first time a
     * path runs, its classes load on this thread (and, under the fuzzer, are instrumented), which costs far more than
     * any file: an input over the allowance is read once more, and that second reading counts.
     */
    private static void withinAllowance(byte[] data, Runnable read) {
        if (allocatedBy(read) < allowance(data.length)) {
            return;
        }
        assertThat(allocatedBy(read))
                .as("bytes allocated reading a %d-byte file", data.length)
                .isLessThan(allowance(data.length));
    }

    private static long allocatedBy(Runnable r) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        r.run();
        return mx.getThreadAllocatedBytes(id) - before;
    }
}
