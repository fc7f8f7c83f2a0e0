package dev.m1go.module;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * What module mode reads of a user's module and of its test binaries, on real files and on whatever a
 * coverage-guided fuzzer makes of them: {@code go test -json} events (test2json) and the {@code replace} directives
 * of {@code go.mod} and {@code vendor/modules.txt}. Every input is read, within the bounds {@link GoTestEvents}
 * states; nothing is thrown.
 *
 * <p>In every build the inputs under {@code ModuleFuzzTestInputs/<method>/} run as regression tests: real files and
 * each input a fuzzing run once found wrong. {@code scripts/fuzz.sh} fuzzes each method.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModuleFuzzTest {

    private static final Path MODULE = Path.of("/work/module");

    /** The events of one test binary, as module mode reads {@code run-1.test2json}. */
    @FuzzTest(maxDuration = "15s")
    void testEvents(byte[] data) throws IOException {
        GoTestEvents.Events events = GoTestEvents.read(new ByteArrayInputStream(data));
        assertThat(events.tests().size()).isLessThanOrEqualTo(GoTestEvents.MAX_TESTS);
        for (GoTestEvents.Test t : events.tests()) {
            assertThat(t.name()).isNotEmpty();
            assertThat(t.elapsedSeconds())
                    .as("seconds of %s", t.name())
                    .isFinite()
                    .isNotNegative();
            assertThat(t.output().length())
                    .isLessThanOrEqualTo(GoTestEvents.HEAD_CHARS + GoTestEvents.TAIL_CHARS + 200);
        }
        events.note();
    }

    /**
     * The copy's {@code go.mod} and {@code vendor/modules.txt} with replacements outside the module made absolute:
     * every line stays a line, and a rewritten file needs no second rewriting.
     */
    @FuzzTest(maxDuration = "15s")
    void goModReplaces(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        String goMod = GoModReplaces.goMod(text, MODULE);
        assertThat(goMod.lines().count()).isEqualTo(text.lines().count());
        assertThat(GoModReplaces.goMod(goMod, MODULE)).isEqualTo(goMod);
        String modulesTxt = GoModReplaces.modulesTxt(text, MODULE);
        assertThat(modulesTxt.lines().count()).isEqualTo(text.lines().count());
        assertThat(GoModReplaces.modulesTxt(modulesTxt, MODULE)).isEqualTo(modulesTxt);
    }
}
