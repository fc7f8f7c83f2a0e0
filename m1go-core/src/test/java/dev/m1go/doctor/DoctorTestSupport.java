package dev.m1go.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.core.Log;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading doctor.json back in tests, and a log that keeps its lines. */
final class DoctorTestSupport {

    private DoctorTestSupport() {}

    static JsonNode json(Doctor.Result r) throws IOException {
        return new ObjectMapper().readTree(r.file().toFile());
    }

    static Optional<JsonNode> finding(JsonNode doctor, String id) {
        for (JsonNode f : doctor.path("findings")) {
            if (f.path("id").asText().equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    static List<String> ids(JsonNode doctor) {
        List<String> ids = new ArrayList<>();
        doctor.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    static JsonNode named(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no entry with " + field + "=" + value + " in " + array);
    }

    /** A log that keeps every line. */
    static final class Lines implements Log {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String message) {
            lines.add("[INFO] " + message);
        }

        @Override
        public void warn(String message) {
            lines.add("[WARNING] " + message);
        }
    }

    static Path bin(Path dir) {
        return dir.resolve("bin");
    }
}
