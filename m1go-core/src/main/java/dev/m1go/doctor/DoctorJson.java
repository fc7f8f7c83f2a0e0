package dev.m1go.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.core.AtomicFiles;
import dev.m1go.core.Mappers;
import java.io.IOException;
import java.nio.file.Path;

/** Writes {@code doctor.json} (through a temporary file, so a reader never sees half of it). */
final class DoctorJson {

    private static final ObjectMapper MAPPER = Mappers.prettyJson();

    private DoctorJson() {}

    public static Path write(Path file, DoctorReport report) throws IOException {
        AtomicFiles.replace(file, out -> MAPPER.writeValue(out, report));
        return file;
    }
}
