package dev.m1go.cases;

import dev.m1go.classify.Outcome;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.toolchain.GoVersionRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a case expects: a default outcome (and signal), and rules that change it for some cells. The first rule whose
 * conditions all hold wins; a condition left out holds for every cell.
 *
 * @param maxFailureRate for an intermittent case ({@code expect.maxFailureRate}): the share of runs that may end
 *                       otherwise than expected; a cell contradicts the expectation only when the 95 % Wilson interval
 *                       of its failure rate lies wholly above it. {@code null}: every run must match.
 */
public record Expectation(Expected otherwise, List<Rule> rules, Double maxFailureRate) {

    public Expectation {
        Objects.requireNonNull(otherwise, "otherwise");
        rules = List.copyOf(rules);
        if (maxFailureRate != null && (maxFailureRate < 0 || maxFailureRate > 1)) {
            throw new IllegalArgumentException("maxFailureRate must lie in [0, 1]");
        }
    }

    public Expectation(Expected otherwise, List<Rule> rules) {
        this(otherwise, rules, null);
    }

    /** An expected outcome, optionally with a signal name, and why (shown in reports). */
    public record Expected(Outcome outcome, String signal, String because) {
        public Expected {
            Objects.requireNonNull(outcome, "outcome");
        }

        public boolean matches(Outcome actual, String actualSignal) {
            return outcome == actual && (signal == null || signal.equals(actualSignal));
        }

        @Override
        public String toString() {
            return outcome + (signal == null ? "" : " " + signal);
        }
    }

    /** Conditions (each {@code null} = any) and the outcome when they all hold. */
    public record Rule(GoVersionRange go, Arch toolchainArch, Os goos, Arch goarch, String runner, String variant,
                       String cc, Expected then) {
        public Rule {
            Objects.requireNonNull(then, "then");
        }

        boolean applies(CellFacts c) {
            return (go == null || go.contains(c.go()))
                    && (toolchainArch == null || toolchainArch == c.toolchainArch())
                    && (goos == null || goos == c.goos())
                    && (goarch == null || goarch == c.goarch())
                    && (runner == null || runner.equals(c.runner()))
                    && (variant == null || variant.equals(c.variant()))
                    && (cc == null || cc.equals(c.ccFamily()));
        }
    }

    public Expected resolve(CellFacts cell) {
        Optional<Rule> rule = rules.stream().filter(r -> r.applies(cell)).findFirst();
        return rule.map(Rule::then).orElse(otherwise);
    }
}
