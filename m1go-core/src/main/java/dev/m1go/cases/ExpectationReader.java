package dev.m1go.cases;

import dev.m1go.classify.Outcome;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.toolchain.GoVersionRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Turns an {@code expect:} block, as written in {@code case.yaml} or {@code m1go.yaml}, into an {@link Expectation}:
 * {@code outcome} or {@code anyOf}, {@code signal}, {@code because}, {@code output}/{@code outputNot} and the
 * {@code when:} rules. Every error names the file and the field.
 */
final class ExpectationReader {

    private static final Set<String> SIGNALS = Set.of(
            "SIGSEGV", "SIGBUS", "SIGABRT", "SIGILL", "SIGFPE", "SIGTRAP", "SIGKILL", "SIGQUIT", "SIGTERM", "SIGSYS",
            "SIGPIPE", "SIGURG", "SIGPROF", "SIGUSR1", "SIGUSR2", "SIGINT", "SIGHUP", "SIGALRM", "SIGCHLD");
    private static final List<String> RUNNERS = List.of("native", "rosetta", "qemu", "binfmt", "container");

    private ExpectationReader() {}

    /**
     * @param where    the file, as error messages name it
     * @param field    the block's path in the file ({@code expect})
     * @param variants the variants rules may name
     */
    static Expectation read(String where, String field, CaseDescriptor.ExpectPart e, List<Variant> variants)
            throws CaseDefinitionException {
        if (e == null) {
            throw missing(where, field, "what should happen, at least '" + field + ": {outcome: PASS}'");
        }
        Pattern output = pattern(where, field + ".output", e.output());
        Pattern outputNot = pattern(where, field + ".outputNot", e.outputNot());
        Expectation.Expected otherwise =
                expected(where, field, e.outcome(), e.anyOf(), e.signal(), e.because(), output, outputNot);
        List<Expectation.Rule> rules = new ArrayList<>();
        List<CaseDescriptor.RulePart> when = e.when() == null ? List.of() : e.when();
        for (int i = 0; i < when.size(); i++) {
            rules.add(rule(where, field + ".when[" + i + "]", when.get(i), variants, output, outputNot));
        }
        return new Expectation(otherwise, rules, maxFailureRate(where, field + ".maxFailureRate", e.maxFailureRate()));
    }

    private static Double maxFailureRate(String where, String field, Double given) throws CaseDefinitionException {
        if (given != null && (given.isNaN() || given < 0 || given >= 1)) {
            throw new CaseDefinitionException(
                    where + ": field '" + field + "' is " + given + ": give the share of runs "
                            + "that may fail, from 0 up to (not including) 1, e.g. 0.1 for one run in ten");
        }
        return given;
    }

    private static Expectation.Rule rule(
            String where,
            String field,
            CaseDescriptor.RulePart r,
            List<Variant> variants,
            Pattern output,
            Pattern outputNot)
            throws CaseDefinitionException {
        GoVersionRange go = null;
        if (r.go() != null) {
            try {
                go = GoVersionRange.parse(r.go());
            } catch (IllegalArgumentException ex) {
                throw new CaseDefinitionException(where + ": field '" + field + ".go': " + ex.getMessage());
            }
        }
        if (r.variant() != null && variants.stream().noneMatch(v -> v.name().equals(r.variant()))) {
            throw new CaseDefinitionException(where + ": field '" + field + ".variant' is '" + r.variant()
                    + "', which is not a variant here ("
                    + variants.stream().map(Variant::name).collect(Collectors.joining(", ")) + ")");
        }
        if (r.cc() != null && !r.cc().equals("gcc") && !r.cc().equals("clang")) {
            throw new CaseDefinitionException(
                    where + ": field '" + field + ".cc' is '" + r.cc() + "': use gcc or clang");
        }
        if (r.runner() != null && !RUNNERS.contains(r.runner())) {
            throw new CaseDefinitionException(where + ": field '" + field + ".runner' is '" + r.runner() + "': use "
                    + String.join(", ", RUNNERS.subList(0, RUNNERS.size() - 1)) + " or container");
        }
        Pattern ownOutput = r.output() == null ? output : pattern(where, field + ".output", r.output());
        Pattern ownOutputNot = r.outputNot() == null ? outputNot : pattern(where, field + ".outputNot", r.outputNot());
        return new Expectation.Rule(
                go,
                arch(where, field + ".toolchainArch", r.toolchainArch()),
                r.os() == null
                        ? null
                        : Os.parse(r.os())
                                .orElseThrow(() -> new CaseDefinitionException(
                                        where + ": field '" + field + ".os' is '" + r.os() + "': use linux or darwin")),
                arch(where, field + ".goarch", r.goarch()),
                r.runner(),
                r.variant(),
                r.cc(),
                expected(where, field, r.outcome(), r.anyOf(), r.signal(), r.because(), ownOutput, ownOutputNot));
    }

    private static Arch arch(String where, String field, String value) throws CaseDefinitionException {
        if (value == null) {
            return null;
        }
        return Arch.parse(value)
                .orElseThrow(() -> new CaseDefinitionException(
                        where + ": field '" + field + "' is '" + value + "': use a GOARCH such as amd64 or arm64"));
    }

    private static Pattern pattern(String where, String field, String regex) throws CaseDefinitionException {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex, Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            throw new CaseDefinitionException(where + ": field '" + field + "' is not a valid regular expression ("
                    + e.getDescription() + " near index " + e.getIndex() + "): " + regex);
        }
    }

    private static Expectation.Expected expected(
            String where,
            String field,
            String outcome,
            List<String> anyOf,
            String signal,
            String because,
            Pattern output,
            Pattern outputNot)
            throws CaseDefinitionException {
        if (outcome != null && anyOf != null) {
            throw new CaseDefinitionException(where + ": fields '" + field + ".outcome' and '" + field + ".anyOf' are "
                    + "both given: use outcome for one expected outcome, anyOf for a list of them");
        }
        if (outcome == null && (anyOf == null || anyOf.isEmpty())) {
            throw missing(
                    where,
                    field + ".outcome",
                    "one of " + outcomeNames() + " (or '" + field + ".anyOf: [..]' with several)");
        }
        List<Outcome> outcomes = new ArrayList<>();
        if (outcome != null) {
            outcomes.add(outcome(where, field + ".outcome", outcome));
        } else {
            for (int i = 0; i < anyOf.size(); i++) {
                outcomes.add(outcome(where, field + ".anyOf[" + i + "]", anyOf.get(i)));
            }
        }
        if (signal != null && !SIGNALS.contains(signal)) {
            throw new CaseDefinitionException(where + ": field '" + field + ".signal' is '" + signal
                    + "': use a signal " + "name such as SIGSEGV, SIGBUS or SIGABRT");
        }
        return new Expectation.Expected(outcomes.stream().distinct().toList(), signal, because, output, outputNot);
    }

    private static Outcome outcome(String where, String field, String name) throws CaseDefinitionException {
        Outcome o;
        try {
            o = Outcome.valueOf(name == null ? "" : name.trim());
        } catch (IllegalArgumentException e) {
            throw new CaseDefinitionException(where + ": field '" + field + "' is '" + name + "', which is not an "
                    + "outcome: use one of " + outcomeNames());
        }
        if (o == Outcome.SKIPPED) {
            throw new CaseDefinitionException(where + ": field '" + field + "' is SKIPPED: skips come from the "
                    + "machine (a runner or compiler that is missing), an expectation cannot name one");
        }
        return o;
    }

    private static String outcomeNames() {
        return Arrays.stream(Outcome.values())
                .filter(o -> o != Outcome.SKIPPED)
                .map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    static CaseDefinitionException missing(String where, String field, String what) {
        return new CaseDefinitionException(where + ": field '" + field + "' is missing: give " + what);
    }
}
