package dev.m1go.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.core.UserError;
import org.junit.jupiter.api.Test;

class FailOnTest {

    @Test
    void default_isError_failingOnErrorsOnly() throws UserError {
        FailOn f = FailOn.parse(null);
        assertThat(f).isEqualTo(FailOn.ERROR);
        assertThat(f.fails(Severity.ERROR)).isTrue();
        assertThat(f.fails(Severity.WARNING)).isFalse();
        assertThat(f.fails(Severity.INFO)).isFalse();
    }

    @Test
    void warning_failsOnWarningsAndErrors_never_failsOnNothing() throws UserError {
        assertThat(FailOn.parse("Warning").fails(Severity.WARNING)).isTrue();
        assertThat(FailOn.parse("warning").fails(Severity.INFO)).isFalse();
        assertThat(FailOn.parse("never").fails(Severity.ERROR)).isFalse();
    }

    @Test
    void unknownValue_isUserError_namingTheProperty() {
        assertThatThrownBy(() -> FailOn.parse("sometimes"))
                .isInstanceOf(UserError.class)
                .hasMessage("m1go.doctor.failOn is 'sometimes': use warning, error (the default) or never");
    }
}
