package dev.m1go.cases;

import dev.m1go.classify.Outcome;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.toolchain.GoVersionRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /**
     * The outcomes a cell may legitimately end in (one, or several with {@code anyOf}), optionally with a signal name,
     * why (shown in reports), and regular expressions its combined output must ({@code output}) or must not
     * ({@code outputNot}) match; {@code null} patterns check nothing.
     */
    public record Expected(List<Outcome> outcomes, String signal, String because, Pattern output, Pattern outputNot) {
        public Expected {
            outcomes = List.copyOf(outcomes);
            if (outcomes.isEmpty()) {
                throw new IllegalArgumentException("an expectation needs at least one outcome");
            }
        }

        public Expected(Outcome outcome, String signal, String because) {
            this(List.of(Objects.requireNonNull(outcome, "outcome")), signal, because, null, null);
        }

        /** The first (for {@code outcome:} the only) expected outcome. */
        public Outcome outcome() {
            return outcomes.get(0);
        }

        public boolean matches(Outcome actual, String actualSignal) {
            return outcomes.contains(actual) && (signal == null || signal.equals(actualSignal));
        }

        /**
         * Why {@code text} (a run's stdout and stderr) contradicts {@code output}/{@code outputNot}, or empty when it
         * does not.
         */
        public Optional<String> outputMismatch(String text) {
            if (output != null && !output.matcher(text).find()) {
                return Optional.of("output does not match expect.output /" + output.pattern() + "/");
            }
            if (outputNot != null) {
                Matcher m = outputNot.matcher(text);
                if (m.find()) {
                    return Optional.of("output matches expect.outputNot /" + outputNot.pattern() + "/ at: "
                            + lineAt(text, m.start()));
                }
            }
            return Optional.empty();
        }

        private static String lineAt(String text, int at) {
            int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
            int end = text.indexOf('\n', at);
            String line = text.substring(start <= at ? start : 0, end < 0 ? text.length() : end)
                    .strip();
            return line.length() > 200 ? line.substring(0, 200) + "…" : line;
        }

        @Override
        public String toString() {
            return outcomes.stream().map(Enum::name).collect(Collectors.joining(" or "))
                    + (signal == null ? "" : " " + signal);
        }
    }

    /** Conditions (each {@code null} = any) and the outcome when they all hold. */
    public record Rule(
            GoVersionRange go,
            Arch toolchainArch,
            Os goos,
            Arch goarch,
            String runner,
            String variant,
            String cc,
            Expected then) {
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
