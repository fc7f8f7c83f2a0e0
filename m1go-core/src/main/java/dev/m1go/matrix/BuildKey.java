package dev.m1go.matrix;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The key of one build in the build cache: every input that can change what a build produces, each under its own
 * name, and the SHA-256 of them all. Two builds with the same key produce the same binary (or the same failure), so
 * the second one is taken from the cache. {@link BuildInputs} names the inputs; adding one is one {@link #put} line.
 *
 * @param inputs name → value, sorted; kept in the cache entry so that a reader can see why two keys differ
 * @param digest hex SHA-256 of the inputs
 */
record BuildKey(SortedMap<String, String> inputs, String digest) {

    BuildKey {
        inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
        Objects.requireNonNull(digest, "digest");
    }

    /** Collects named inputs. */
    static final class Inputs {
        private final TreeMap<String, String> values = new TreeMap<>();

        /** Adds one input; a name given twice is a mistake in {@link BuildInputs}. */
        Inputs put(String name, String value) {
            if (values.putIfAbsent(name, Objects.requireNonNullElse(value, "")) != null) {
                throw new IllegalStateException("build input named twice: " + name);
            }
            return this;
        }

        /** Adds every entry of a map, each as {@code prefix + key}. */
        Inputs putAll(String prefix, Map<String, String> map) {
            new TreeMap<>(map).forEach((k, v) -> put(prefix + k, v));
            return this;
        }

        BuildKey key() {
            StringBuilder text = new StringBuilder();
            values.forEach((k, v) -> text.append(k.length())
                    .append(':')
                    .append(k)
                    .append('=')
                    .append(v.length())
                    .append(':')
                    .append(v)
                    .append('\n'));
            return new BuildKey(values, dev.m1go.core.Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    static Inputs named() {
        return new Inputs();
    }
}
