package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.m1go.binary.BinaryFacts;
import dev.m1go.matrix.BuildInfo;
import dev.m1go.matrix.CellResult;
import java.io.IOException;

/**
 * How the engine's results map to report.json: cells through their wire form {@link CellWire}, builds and runs as
 * they are (a build's {@code retried} only when it happened). The engine's types carry no JSON annotations.
 */
final class ReportJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    ReportJsonModule() {
        super("m1go-report");
        addSerializer(CellResult.class, new StdDelegatingSerializer(new StdConverter<CellResult, CellWire>() {
            @Override
            public CellWire convert(CellResult c) {
                return CellWire.of(c);
            }
        }));
        addDeserializer(CellResult.class, new CellDeserializer());
        setMixInAnnotation(BuildInfo.class, BuildMixIn.class);
    }

    /** {@code retried} is left out unless the build ran twice, {@code binaryFacts} when nothing was built. */
    private abstract static class BuildMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String retried();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract BinaryFacts binaryFacts();
    }

    private static final class CellDeserializer extends StdDeserializer<CellResult> {
        private static final long serialVersionUID = 1L;

        CellDeserializer() {
            super(CellResult.class);
        }

        @Override
        public CellResult deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            CellWire wire = ctxt.readValue(p, CellWire.class);
            try {
                return wire.toCell();
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }
}
