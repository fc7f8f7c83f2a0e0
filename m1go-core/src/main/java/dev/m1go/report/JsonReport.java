package dev.m1go.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads {@code report.json}. Writes go to a temporary file first, so a reader never sees half a file. */
public final class JsonReport {

    public static final String FILE = "report.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new ReportJsonModule());

    private JsonReport() {
    }

    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    public static void write(Path file, Report report) throws IOException {
        ReportFiles.replace(file, out -> MAPPER.writeValue(out, report));
    }

    /**
     * Reads a report back.
     *
     * @throws ReportFormatException when the file is not an m1go report of schema {@value Report#SCHEMA}
     */
    public static Report read(Path file) throws IOException, ReportFormatException {
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ReportFormatException(file + " is not JSON: " + e.getOriginalMessage());
        }
        String schema = node == null || node.get("schema") == null ? null : node.get("schema").asText();
        if (!Report.SCHEMA.equals(schema)) {
            throw new ReportFormatException(file + " has schema " + (schema == null ? "(none)" : "'" + schema + "'")
                    + "; this m1go reads '" + Report.SCHEMA + "' reports: re-run m1go:reproduce with this version");
        }
        String missing = !node.path("host").isObject() ? "host" : !node.path("cells").isArray() ? "cells" : null;
        if (missing != null) {
            throw new ReportFormatException(file + " has no '" + missing + "': it is not a whole m1go report (an "
                    + "m1go:reproduce report.json names its host, toolchains, cases and cells)");
        }
        return MAPPER.treeToValue(node, Report.class);
    }

    /** The file is not a report this version can read. */
    public static final class ReportFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public ReportFormatException(String message) {
            super(message);
        }
    }
}
