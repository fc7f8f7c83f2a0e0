package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.core.Log;
import dev.m1go.core.UserError;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stress parameters are checked before anything runs, and each message names the property to change. */
class StressSettingsTest {

    @TempDir
    Path dir;

    private void run(ReproduceSettings.StressSettings stress) throws Exception {
        ReproduceSettings s = ReproduceSettings.builder(dir.resolve("out"), dir.resolve("cache"), Map.of(), dir)
                .threads(1)
                .stress(stress)
                .build();
        new Reproduce(
                        spec -> {
                            throw new AssertionError("nothing may run before the settings are checked: " + spec.argv());
                        },
                        new GoCrashClassifier(),
                        h -> List.of(),
                        Clock.systemUTC(),
                        new Log() {
                            @Override
                            public void info(String message) {}

                            @Override
                            public void warn(String message) {}
                        })
                .run(s);
    }

    @Test
    void negativeRuns_namesTheProperty() {
        assertThatThrownBy(() -> run(new ReproduceSettings.StressSettings(-1, 0, false, 0)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.stress.runs is -1");
    }

    @Test
    void negativeSeconds_namesTheProperty() {
        assertThatThrownBy(() -> run(new ReproduceSettings.StressSettings(0, -5, false, 0)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.stress.seconds is -5");
    }

    @Test
    void loadWithoutStressMode_saysHowToTurnItOn() {
        assertThatThrownBy(() -> run(new ReproduceSettings.StressSettings(0, 0, false, 2)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("m1go.stress.load needs stress mode")
                .hasMessageContaining("m1go.stress.runs=N");
    }

    @Test
    void stopOnFailureWithoutStressMode_saysHowToTurnItOn() {
        assertThatThrownBy(() -> run(new ReproduceSettings.StressSettings(0, 0, true, 0)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("m1go.stress.stopOnFailure needs stress mode");
    }
}
