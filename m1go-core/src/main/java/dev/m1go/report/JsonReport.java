package dev.m1go.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.m1go.core.AtomicFiles;
import dev.m1go.core.Mappers;
import dev.m1go.core.OutputLayout;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads {@code report.json}. Writes go to a temporary file first, so a reader never sees half a file. */
public final class JsonReport {

    public static final String FILE = OutputLayout.REPORT_JSON;

    private static final ObjectMapper MAPPER = Mappers.prettyJson().registerModule(new ReportJsonModule());

    private JsonReport() {}

    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    public static void write(Path file, Report report) throws IOException {
        AtomicFiles.replace(file, out -> MAPPER.writeValue(out, report));
    }

    /**
     * Reads a report back.
     *
     * @throws ReportFormatException when the file is not an m1go report of schema {@value Report#SCHEMA}, naming the
     *                               file and the field that is wrong
     */
    public static Report read(Path file) throws IOException, ReportFormatException {
        JsonNode node;
        try {
            node = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(file + " is not JSON: " + e.getOriginalMessage());
        } catch (CharConversionException e) {
            throw notText(file.toString(), e);
        }
        return report(node, file.toString());
    }

    /**
     * Reads a report from its bytes as {@link #read(Path)} reads a file, naming it {@code name} in every message.
     *
     * @throws ReportFormatException as {@link #read(Path)}
     */
    static Report read(byte[] bytes, String name) throws IOException, ReportFormatException {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(name + " is not JSON: " + e.getOriginalMessage());
        } catch (CharConversionException e) {
            throw notText(name, e);
        }
        return report(node, name);
    }

    /**
     * Bytes that are no text in the encoding their first bytes suggest (JSON may be UTF-8, -16 or -32): Jackson throws
     * {@link CharConversionException}, an I/O error rather than a parse error, although the file was read.
     */
    private static ReportFormatException notText(String name, CharConversionException e) {
        return new ReportFormatException(name + " is not JSON: " + e.getMessage());
    }

    /** The report in {@code node}, read from {@code name}. */
    private static Report report(JsonNode node, String name) throws IOException, ReportFormatException {
        String schema = node == null || node.get("schema") == null
                ? null
                : node.get("schema").asText();
        if (!Report.SCHEMA.equals(schema)) {
            throw new ReportFormatException(name + " has schema " + (schema == null ? "(none)" : "'" + schema + "'")
                    + "; this m1go reads '" + Report.SCHEMA + "' reports: re-run m1go:reproduce with this version");
        }
        String missing =
                !node.path("host").isObject() ? "host" : !node.path("cells").isArray() ? "cells" : null;
        if (missing != null) {
            throw new ReportFormatException(name + " has no '" + missing + "': it is not a whole m1go report (an "
                    + "m1go:reproduce report.json names its host, toolchains, cases and cells)");
        }
        try {
            return MAPPER.treeToValue(node, Report.class);
        } catch (JsonMappingException e) {
            throw new ReportFormatException(name + ": " + problem(e));
        }
    }

    /**
     * What is wrong, starting with the path of the field ({@code cells[1].runs[0].outcome}): a null list entry, a
     * field its record requires, or whatever Jackson said of the value there.
     */
    private static String problem(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String at = path.isEmpty() ? "the report" : path.toString();
        if (e instanceof InvalidNullException) {
            return at + " is null; a list in an m1go report holds no null entries";
        }
        if (e instanceof ValueInstantiationException
                && e.getCause() instanceof NullPointerException npe
                && npe.getMessage() != null
                && npe.getMessage().matches("[A-Za-z]+")) {
            return at + (path.isEmpty() ? "" : ".") + npe.getMessage() + " is missing; every m1go report has it";
        }
        String message = e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                ? iae.getMessage()
                : e.getOriginalMessage();
        return at + ": " + message;
    }

    /** The file is not a report this version can read. */
    public static final class ReportFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public ReportFormatException(String message) {
            super(message);
        }
    }
}
