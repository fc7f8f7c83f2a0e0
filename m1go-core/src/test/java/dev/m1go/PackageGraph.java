package dev.m1go;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which top-level package of {@code dev.m1go} uses which, read from the sources. A package and its subpackages are
 * one node ({@code dev.m1go.runner.container} is {@code runner}); types directly in {@code dev.m1go} are the node
 * {@code dev.m1go}. A use is any {@code dev.m1go.x} in code: an import, a static import, or a fully qualified name
 * written inline. Comments (javadoc's {@code {@link}} included) and string, character and text-block literals are
 * blanked first, so they make no edge. Unqualified names need no scan: across packages they need an import.
 *
 * @param edges for each package, the packages it uses, each with where ({@code file:line}), sorted
 */
record PackageGraph(Map<String, Map<String, List<String>>> edges) {

    static final String ROOT = "dev.m1go";

    private static final Pattern REFERENCE =
            Pattern.compile("(?<![\\w$.])dev\\s*\\.\\s*m1go\\s*\\.\\s*([A-Za-z_$][\\w$]*)");

    /** The graph of the sources under {@code root}, the directory of package {@code dev.m1go}. */
    static PackageGraph read(Path root) throws IOException {
        Map<String, Map<String, List<String>>> edges = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path source : sources) {
            Path relative = root.relativize(source);
            String from =
                    relative.getNameCount() == 1 ? ROOT : relative.getName(0).toString();
            String code;
            try {
                code = code(Files.readString(source));
            } catch (IOException e) {
                throw new UncheckedIOException(source.toString(), e);
            }
            Matcher m = REFERENCE.matcher(code);
            while (m.find()) {
                String name = m.group(1);
                String to = Character.isUpperCase(name.charAt(0)) ? ROOT : name;
                if (!to.equals(from)) {
                    int line = 1
                            + (int) code.substring(0, m.start())
                                    .chars()
                                    .filter(c -> c == '\n')
                                    .count();
                    edges.computeIfAbsent(from, k -> new TreeMap<>())
                            .computeIfAbsent(to, k -> new ArrayList<>())
                            .add(relative.toString().replace('\\', '/') + ":" + line);
                }
            }
        }
        return new PackageGraph(edges);
    }

    /**
     * The source with comments and literals blanked: each character of them becomes a space, line breaks stay, so
     * line numbers and offsets are those of the source.
     */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int n = source.length();
        int i = 0;
        while (i < n) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = literalEnd(source, i + 3, "\"\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = literalEnd(source, i + 1, String.valueOf(source.charAt(i)));
            } else {
                out.append(source.charAt(i++));
                continue;
            }
            for (; i < end; i++) {
                out.append(source.charAt(i) == '\n' ? '\n' : ' ');
            }
        }
        return out.toString();
    }

    /** Where a literal opened before {@code from} ends: after its closing {@code quote}, escapes skipped. */
    private static int literalEnd(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return source.length();
    }

    /** The graph without the evidence: each package and the packages it uses. */
    Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        edges.forEach((from, to) -> uses.put(from, new TreeSet<>(to.keySet())));
        return uses;
    }

    /** Every cycle of this graph; see {@link #cycles(Map)}. */
    List<List<String>> cycles() {
        return cycles(uses());
    }

    /**
     * Every elementary cycle of {@code graph}, each as its path from its alphabetically first package back to it
     * ({@code [matrix, module, matrix]}), sorted; none when the graph is acyclic.
     */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        List<List<String>> cycles = new ArrayList<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            Deque<String> path = new ArrayDeque<>();
            path.addLast(start);
            walk(graph, start, start, path, cycles);
        }
        cycles.sort((a, b) -> String.join(" ", a).compareTo(String.join(" ", b)));
        return cycles;
    }

    /** Paths from {@code at} back to {@code start} through packages after {@code start} only: each cycle once. */
    private static void walk(
            Map<String, Set<String>> graph, String start, String at, Deque<String> path, List<List<String>> cycles) {
        for (String next : new TreeSet<>(graph.getOrDefault(at, Set.of()))) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                cycles.add(cycle);
            } else if (next.compareTo(start) > 0 && !path.contains(next)) {
                path.addLast(next);
                walk(graph, start, next, path, cycles);
                path.removeLast();
            }
        }
    }

    /** The cycles, one a line ({@code matrix -> module -> matrix}), then where each of their edges comes from. */
    String describe(List<List<String>> cycles) {
        StringBuilder s = new StringBuilder();
        Set<String> shown = new TreeSet<>();
        for (List<String> cycle : cycles) {
            s.append(String.join(" -> ", cycle)).append('\n');
            for (int i = 0; i + 1 < cycle.size(); i++) {
                shown.add(cycle.get(i) + " -> " + cycle.get(i + 1));
            }
        }
        for (String edge : shown) {
            String[] ends = edge.split(" -> ");
            List<String> where = edges.get(ends[0]).get(ends[1]);
            s.append("  ")
                    .append(edge)
                    .append(": ")
                    .append(String.join(", ", where.subList(0, Math.min(5, where.size()))))
                    .append(where.size() > 5 ? ", … (" + where.size() + " uses)" : "")
                    .append('\n');
        }
        return s.toString();
    }
}
