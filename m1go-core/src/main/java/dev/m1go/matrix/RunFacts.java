package dev.m1go.matrix;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values a case program reports about itself, one per stdout line: {@code M1GO_FACT key=value} (for example
 * {@code M1GO_FACT sizeof.long_double=16}). They land in the cell's {@code facts} in report.json, so that what a
 * program measured (type sizes, timings) can be compared across toolchains and runners without reading logs.
 */
final class RunFacts {

    /** The line prefix a program prints. */
    public static final String PREFIX = "M1GO_FACT ";

    static final int MAX_FACTS = 100;
    static final int MAX_VALUE = 200;

    private static final Pattern LINE =
            Pattern.compile("^M1GO_FACT ([A-Za-z0-9_.\\-]{1,80})=(.*?)\\r?$", Pattern.MULTILINE);

    private RunFacts() {}

    /**
     * The facts in a program's stdout, sorted by key. A key printed twice keeps its last value; at most
     * {@value #MAX_FACTS} keys are kept and values are cut at {@value #MAX_VALUE} characters.
     */
    public static Map<String, String> parse(String stdout) {
        if (stdout == null || !stdout.contains(PREFIX)) {
            return Map.of();
        }
        Map<String, String> facts = new TreeMap<>();
        Matcher m = LINE.matcher(stdout);
        while (m.find()) {
            if (facts.size() >= MAX_FACTS && !facts.containsKey(m.group(1))) {
                continue;
            }
            String value = m.group(2).strip();
            facts.put(m.group(1), value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
        }
        return Collections.unmodifiableMap(facts);
    }
}
