package dev.m1go.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every JSON and YAML mapper m1go uses, configured here and nowhere else. Each call gives a new mapper (a caller may
 * register its own module on it); keep it in a constant.
 */
public final class Mappers {

    private static final ObjectMapper TREES = json();

    private Mappers() {}

    /** Compact JSON (one line per value, as m1go:classify and m1go:inspect print); unknown fields are ignored. */
    public static ObjectMapper json() {
        return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Indented JSON with map keys sorted, for the files m1go writes (report.json, doctor.json): the same content
     * gives the same bytes. Unknown fields are ignored when reading, so a newer file still reads.
     */
    public static ObjectMapper prettyJson() {
        return json().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** Strict YAML for files a user writes (case.yaml): an unknown field or a missing number is an error. */
    public static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The JSON tree of a command's output ({@code go env -json}, {@code docker info}). */
    public static JsonNode tree(String json) throws JsonProcessingException {
        return TREES.readTree(json);
    }
}
