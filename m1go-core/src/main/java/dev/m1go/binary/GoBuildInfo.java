package dev.m1go.binary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's build information embedded in a binary since Go 1.13 and in this inline form since Go 1.18: the same data
 * {@code go version -m} prints.
 *
 * @param goVersion the toolchain ({@code go1.22.12})
 * @param path      the main package's import path
 * @param module    the main module ({@code example.com/m (devel)})
 * @param deps      the dependencies ({@code golang.org/x/sys v0.1.0}), replacements shown as {@code => …}
 * @param settings  the build settings: {@code GOOS}, {@code GOARCH}, {@code CGO_ENABLED}, {@code CGO_CFLAGS},
 *                  {@code CGO_LDFLAGS}, {@code -ldflags}, {@code -tags}, {@code -buildmode}, {@code vcs.*} …
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GoBuildInfo(
        String goVersion, String path, String module, List<String> deps, Map<String, String> settings) {

    /** The 14 bytes that open the build information blob. */
    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    private static final String WHERE = "Go build information";

    public GoBuildInfo {
        deps = List.copyOf(deps == null ? List.of() : deps);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings == null ? Map.of() : settings));
    }

    /** One build setting, or null. */
    public String setting(String key) {
        return settings.get(key);
    }

    /**
     * Reads the blob at {@code at} of {@code b} (the section that holds it): 14 bytes of magic, pointer size, flags;
     * with flag 2 (Go 1.18+) the version and module information follow as varint-length-prefixed strings, each length
     * checked against the section before anything is read.
     *
     * @return the information, or null when the blob is of the older pointer form (Go 1.13–1.17), which m1go does
     *         not follow
     * @throws Bytes.Malformed when a length runs past the end of the section
     */
    static GoBuildInfo read(Bytes b, long at) {
        if (!b.startsWith(at, MAGIC)) {
            return null;
        }
        int flags = b.u8(at + 15);
        if ((flags & 2) == 0) {
            return null;
        }
        long[] pos = {at + 32};
        String version = varString(b, pos, "version");
        String modinfo = varString(b, pos, "module information");
        return parse(version, modinfo);
    }

    private static String varString(Bytes b, long[] pos, String field) {
        long length = 0;
        int shift = 0;
        while (true) {
            int x = b.u8(pos[0]++);
            length |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                break;
            }
            shift += 7;
            if (shift > 35) {
                throw new Bytes.Malformed(WHERE, field + " length is a varint of more than 6 bytes");
            }
        }
        byte[] s = b.slice(WHERE, field + " length", pos[0], length);
        pos[0] += length;
        return new String(s, StandardCharsets.UTF_8);
    }

    /** Parses the module information text ({@code path}, {@code mod}, {@code dep}, {@code =>}, {@code build} lines). */
    static GoBuildInfo parse(String version, String modinfo) {
        String text = modinfo;
        if (text.length() >= 33 && text.charAt(text.length() - 17) == '\n') {
            text = text.substring(16, text.length() - 16); // the sentinels around the module information
        }
        String path = null;
        String module = null;
        List<String> deps = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 0) {
                continue; // a line of tabs only: no field to read
            }
            switch (f[0]) {
                case "path" -> path = f.length > 1 ? f[1] : null;
                case "mod" -> module = String.join(" ", List.of(f).subList(1, Math.min(3, f.length)));
                case "dep" -> deps.add(String.join(" ", List.of(f).subList(1, Math.min(3, f.length))));
                case "=>" -> {
                    if (!deps.isEmpty()) {
                        int last = deps.size() - 1;
                        deps.set(
                                last,
                                deps.get(last) + " => "
                                        + String.join(" ", List.of(f).subList(1, Math.min(3, f.length))));
                    }
                }
                case "build" -> {
                    if (f.length > 1) {
                        int eq = f[1].indexOf('=');
                        if (eq > 0) {
                            settings.put(f[1].substring(0, eq), unquote(f[1].substring(eq + 1)));
                        }
                    }
                }
                default -> {}
            }
        }
        return new GoBuildInfo(version, path, module, deps, settings);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }
}
