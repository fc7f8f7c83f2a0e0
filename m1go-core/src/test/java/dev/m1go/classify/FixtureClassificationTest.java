package dev.m1go.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every fixture log classifies to the outcome and signal its {@code # expect:} header states. */
class FixtureClassificationTest {

    private final Classifier classifier = new GoCrashClassifier();

    @TestFactory
    Stream<DynamicTest> classify_everyFixture() {
        return Fixtures.all().stream()
                .map(f -> DynamicTest.dynamicTest(displayName(f), () -> {
                    Classification c = classifier.classify(f.evidence());
                    assertThat(c.outcome().name())
                            .as("outcome of %s (%s)", f.name(), c.summary())
                            .isEqualTo(f.expectedOutcome());
                    assertThat(c.signal())
                            .as("signal of %s (%s)", f.name(), c.summary())
                            .isEqualTo(f.expectedSignal());
                    if (c.outcome() != Outcome.PASS) {
                        assertThat(c.signature())
                                .as("signature")
                                .startsWith(c.outcome().name());
                        assertThat(c.summary()).as("summary").isNotBlank();
                    }
                }));
    }

    @Test
    void fixtures_areEnoughAndSayWhereTheyComeFrom() {
        List<Fixtures.Fixture> all = Fixtures.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all).allSatisfy(f -> {
            assertThat(f.log().header("source")).as(f.name()).isNotBlank();
            assertThat(f.log().header("expect")).as(f.name()).isNotBlank();
            assertThat(f.log().header("os")).as(f.name()).isIn("linux", "darwin");
            assertThat(f.name())
                    .as("name pattern case_origin_runner")
                    .matches("[a-z][A-Za-z0-9]+_[A-Za-z0-9]+(_[a-z0-9]+)?");
        });
    }

    @Test
    void fixtures_coverEveryEvidenceOutcome() {
        List<String> expected = Fixtures.all().stream()
                .map(Fixtures.Fixture::expectedOutcome)
                .distinct()
                .toList();
        assertThat(expected)
                .contains(
                        "PASS",
                        "BUILD_ERROR",
                        "LINK_ARCH_MISMATCH",
                        "LINK_ERROR",
                        "EXEC_REFUSED",
                        "CGO_SIGNAL",
                        "GO_SIGNAL",
                        "CGO_CHECK",
                        "GO_PANIC",
                        "GO_FATAL",
                        "EMULATOR_FAULT",
                        "KILLED",
                        "TIMEOUT",
                        "EXIT_NONZERO");
    }

    /** {@code sigabrtInCgo_go119_native} expecting CGO_SIGNAL becomes {@code classify_sigabrtInCgo_go119_native_isCgoSignal}. */
    static String displayName(Fixtures.Fixture f) {
        StringBuilder camel = new StringBuilder();
        for (String part : f.expectedOutcome().toLowerCase(Locale.ROOT).split("_")) {
            camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return "classify_" + f.name() + "_is" + camel;
    }
}
