package dev.m1go.module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.core.Mappers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON events {@code go tool test2json} writes (one object per line: {@code Action}, {@code Test},
 * {@code Elapsed}, {@code Output}) into one entry per test, in the order the tests started. A test that started but
 * has no {@code pass}, {@code fail} or {@code skip} was running when the binary died.
 */
public final class GoTestEvents {

    private static final int MAX_OUTPUT = 4_000;
    private static final ObjectMapper JSON = Mappers.json();

    /** One test as the events describe it. */
    public record Test(String name, String action, double elapsedSeconds, String output) {
        public boolean finished() {
            return action.equals("pass") || action.equals("fail") || action.equals("skip");
        }
    }

    private static final java.util.regex.Pattern RESULT_LINE =
            java.util.regex.Pattern.compile("--- (?:PASS|FAIL|SKIP): \\S+ \\(([0-9.]+)s\\)");

    private GoTestEvents() {
    }

    /** The time of the test's own {@code --- PASS: TestX (0.17s)} line, for events that carry no Elapsed. */
    private static double resultLineSeconds(String output) {
        java.util.regex.Matcher m = RESULT_LINE.matcher(output);
        double seconds = 0;
        while (m.find()) {
            seconds = Double.parseDouble(m.group(1));
        }
        return seconds;
    }

    /** Every test in {@code events}; lines that are not JSON objects (a truncated last line) are ignored. */
    public static List<Test> parse(String events) {
        Map<String, String> action = new LinkedHashMap<>();
        Map<String, Double> elapsed = new LinkedHashMap<>();
        Map<String, StringBuilder> output = new LinkedHashMap<>();
        for (String line : events.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("{")) {
                continue;
            }
            JsonNode e;
            try {
                e = JSON.readTree(l);
            } catch (java.io.IOException ex) {
                continue;
            }
            String test = e.path("Test").asText("");
            if (test.isEmpty()) {
                continue;
            }
            String a = e.path("Action").asText("");
            switch (a) {
                case "run" -> action.putIfAbsent(test, "run");
                case "pass", "fail", "skip" -> {
                    action.put(test, a);
                    elapsed.put(test, e.path("Elapsed").asDouble(0));
                }
                case "output" -> {
                    action.putIfAbsent(test, "run");
                    StringBuilder sb = output.computeIfAbsent(test, k -> new StringBuilder());
                    sb.append(e.path("Output").asText(""));
                    if (sb.length() > 2 * MAX_OUTPUT) {
                        sb.delete(0, sb.length() - MAX_OUTPUT);
                    }
                }
                default -> { }
            }
        }
        List<Test> tests = new ArrayList<>();
        action.forEach((name, a) -> {
            StringBuilder sb = output.get(name);
            String text = sb == null ? "" : sb.length() > MAX_OUTPUT ? sb.substring(sb.length() - MAX_OUTPUT) : sb.toString();
            double seconds = elapsed.getOrDefault(name, 0.0);
            tests.add(new Test(name, a, seconds > 0 ? seconds : resultLineSeconds(text), text));
        });
        return List.copyOf(tests);
    }
}
