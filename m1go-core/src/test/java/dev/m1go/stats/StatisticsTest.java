package dev.m1go.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    /** Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (score). */
    @Test
    void wilson_matchesNewcombesPublishedScoreIntervals() {
        assertInterval(Statistics.wilson(81, 263), 0.2553, 0.3662);
        assertInterval(Statistics.wilson(15, 148), 0.0624, 0.1605);
        assertInterval(Statistics.wilson(0, 20), 0.0000, 0.1611);
        assertInterval(Statistics.wilson(1, 29), 0.0061, 0.1718);
    }

    @Test
    void wilson_theIssuesWorkedExample_7of200_and0of200() {
        FailureRate qemu = Statistics.wilson(7, 200);
        assertThat(qemu.low()).isCloseTo(0.017056, within(1e-6));
        assertThat(qemu.high()).isCloseTo(0.070471, within(1e-6));
        assertThat(qemu.describe()).isEqualTo("7/200 [1.7 %–7.0 %]");
        FailureRate nativeRate = Statistics.wilson(0, 200);
        assertThat(nativeRate.low()).isZero();
        assertThat(nativeRate.high()).isCloseTo(0.018845, within(1e-6));
        assertThat(nativeRate.describe()).isEqualTo("0/200 [0 %–1.9 %]");
    }

    @Test
    void wilson_allFailed_reachesOne_andStaysInsideTheUnitInterval() {
        FailureRate all = Statistics.wilson(29, 29);
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(0.8830, within(1e-4));
        FailureRate one = Statistics.wilson(1, 1);
        assertThat(one.low()).isBetween(0.0, 1.0);
        assertThat(one.high()).isEqualTo(1.0);
    }

    @Test
    void wilson_rejectsImpossibleCounts() {
        assertThatThrownBy(() -> Statistics.wilson(3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3/2");
        assertThatThrownBy(() -> Statistics.wilson(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Values of R's fisher.test(matrix(c(a, b, c, d), 2))$p.value, computed exactly with rational arithmetic. */
    @Test
    void fisher_matchesRsFisherTest() {
        // the issue's example: qemu 7/200 vs native 0/200
        assertThat(Statistics.fisherTwoSided(7, 200, 0, 200)).isCloseTo(0.0148130, within(1e-6));
        // Fisher's lady tasting tea: 3 of 4 right vs 1 of 4
        assertThat(Statistics.fisherTwoSided(3, 4, 1, 4)).isCloseTo(0.4857143, within(1e-6));
        // Wikipedia's dieting example (1 of 10 men, 11 of 14 women... as the 2x2 table 1 9 / 11 3): 0.002759
        assertThat(Statistics.fisherTwoSided(1, 10, 11, 14)).isCloseTo(0.0027595, within(1e-7));
        assertThat(Statistics.fisherTwoSided(1, 12, 9, 12)).isCloseTo(0.0027595, within(1e-7));
        // large counts go through Stirling's series: 50/1000 vs 30/1000
        assertThat(Statistics.fisherTwoSided(50, 1000, 30, 1000)).isCloseTo(0.0295624, within(1e-6));
    }

    @Test
    void fisher_noDifferenceOrNoFailures_isOne() {
        assertThat(Statistics.fisherTwoSided(0, 20, 0, 20)).isEqualTo(1.0);
        assertThat(Statistics.fisherTwoSided(1, 20, 0, 20)).isCloseTo(1.0, within(1e-12));
        assertThat(Statistics.fisherTwoSided(5, 5, 5, 5)).isEqualTo(1.0);
    }

    @Test
    void fisher_isSymmetricInItsGroups() {
        assertThat(Statistics.fisherTwoSided(0, 200, 7, 200))
                .isCloseTo(Statistics.fisherTwoSided(7, 200, 0, 200), within(1e-12));
    }

    @Test
    void logFactorial_stirlingAgreesWithTheTableAtItsEdge() {
        double summed = 0;
        for (int i = 2; i <= 2000; i++) {
            summed += Math.log(i);
        }
        assertThat(Statistics.logFactorial(2000)).isCloseTo(summed, within(1e-9));
    }

    @Test
    void formatP_andPercent_readAsTheReportsPrintThem() {
        assertThat(Statistics.formatP(0.014813)).isEqualTo("0.015");
        assertThat(Statistics.formatP(0.0027595)).isEqualTo("0.0028");
        assertThat(Statistics.formatP(0.0002)).isEqualTo("< 0.001");
        assertThat(FailureRate.percent(0.05)).isEqualTo("5.0 %");
        assertThat(FailureRate.percent(0.0004)).isEqualTo("0.04 %");
    }

    private static void assertInterval(FailureRate r, double low, double high) {
        assertThat(r.low()).as("low of " + r).isCloseTo(low, within(5e-5));
        assertThat(r.high()).as("high of " + r).isCloseTo(high, within(5e-5));
    }
}
