package dev.m1go.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.m1go.core.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The optional {@code m1go.yaml} at a module's root: expectations per package and per test-name pattern, with the
 * same {@code expect:} blocks (and {@code when:} rules) as a case.
 *
 * <pre>
 * packages:
 *   ./cmd/server:
 *     expect: {outcome: PASS, when: [{runner: qemu, anyOf: [PASS, EMULATOR_FAULT]}]}
 * tests:
 *   - package: ./store        # optional: every package when left out
 *     name: "^TestMmap"       # a regular expression over the test name (subtests: TestX/sub)
 *     expect: {outcome: PASS}
 * </pre>
 */
public final class ModuleConfig {

    public static final String FILE = "m1go.yaml";

    private final Map<String, Expectation> packages;
    private final List<Rule> tests;

    private ModuleConfig(Map<String, Expectation> packages, List<Rule> tests) {
        this.packages = packages;
        this.tests = tests;
    }

    record Descriptor(Map<String, PackagePart> packages, List<TestPart> tests) {}

    record PackagePart(CaseDescriptor.ExpectPart expect) {}

    record TestPart(
            @com.fasterxml.jackson.annotation.JsonProperty("package")
            String pkg,

            String name,
            CaseDescriptor.ExpectPart expect) {}

    private record Rule(String pkg, ModuleUnit.TestRule rule) {}

    public static ModuleConfig empty() {
        return new ModuleConfig(Map.of(), List.of());
    }

    /** {@code m1go.yaml} in {@code moduleRoot}, or an empty configuration when there is none. */
    public static ModuleConfig read(Path moduleRoot) throws IOException, CaseDefinitionException {
        Path file = moduleRoot.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        String where = file.toString();
        Descriptor d;
        try {
            d = Mappers.yaml().readValue(Files.readString(file), Descriptor.class);
        } catch (JsonProcessingException e) {
            throw new CaseDefinitionException(
                    where + ": " + e.getOriginalMessage().split("\n")[0]
                            + " (fields allowed: packages.<./pkg>.expect, tests[].package, tests[].name, tests[].expect)");
        }
        if (d == null) {
            return empty();
        }
        List<Variant> variants = List.of(Variant.defaultVariant());
        Map<String, Expectation> packages = new TreeMap<>();
        if (d.packages() != null) {
            for (Map.Entry<String, PackagePart> p : d.packages().entrySet()) {
                String field = "packages." + p.getKey() + ".expect";
                packages.put(
                        normalize(p.getKey()),
                        ExpectationReader.read(
                                where,
                                field,
                                p.getValue() == null ? null : p.getValue().expect(),
                                variants));
            }
        }
        List<Rule> tests = new ArrayList<>();
        List<TestPart> parts = d.tests() == null ? List.of() : d.tests();
        for (int i = 0; i < parts.size(); i++) {
            TestPart t = parts.get(i);
            String field = "tests[" + i + "]";
            if (t.name() == null || t.name().isBlank()) {
                throw ExpectationReader.missing(
                        where, field + ".name", "a regular expression over test names, " + "for example ^TestMmap");
            }
            Pattern name;
            try {
                name = Pattern.compile(t.name());
            } catch (PatternSyntaxException e) {
                throw new CaseDefinitionException(where + ": field '" + field + ".name' is not a valid regular "
                        + "expression (" + e.getDescription() + "): " + t.name());
            }
            tests.add(new Rule(
                    t.pkg() == null ? null : normalize(t.pkg()),
                    new ModuleUnit.TestRule(
                            name, ExpectationReader.read(where, field + ".expect", t.expect(), variants))));
        }
        return new ModuleConfig(packages, tests);
    }

    /** {@code ./cmd/x}, {@code cmd/x} and {@code ./cmd/x/} all name {@code ./cmd/x}; the root is {@code .}. */
    public static String normalize(String pkg) {
        String p = pkg.strip().replace('\\', '/');
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals(".") || p.equals("./")) {
            return ".";
        }
        return p.startsWith("./") ? p : "./" + p;
    }

    /** The expectation for a package's cell, if {@code m1go.yaml} gives one. */
    public Optional<Expectation> packageExpectation(String pkg) {
        return Optional.ofNullable(packages.get(normalize(pkg)));
    }

    /** The test rules that apply to a package, in file order. */
    public List<ModuleUnit.TestRule> testRules(String pkg) {
        String p = normalize(pkg);
        return tests.stream()
                .filter(r -> r.pkg() == null || r.pkg().equals(p))
                .map(Rule::rule)
                .toList();
    }
}
