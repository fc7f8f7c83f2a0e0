package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.m1go.binary.BinaryFacts;
import dev.m1go.binary.CFrame;
import dev.m1go.matrix.BuildInfo;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.NotMeasured;
import dev.m1go.matrix.RunResult;
import java.io.IOException;
import java.util.List;

/**
 * How the engine's results map to report.json: cells through their wire form {@link CellWire}, builds and runs as
 * they are (a build's {@code retried} and a run's {@code leftoverProcesses} and {@code logTruncated} only when
 * they happened). The engine's types carry no JSON annotations.
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
        addDeserializer(CellResult.class, new WireDeserializer<>(CellResult.class, CellWire.class, CellWire::toCell));
        addSerializer(NotMeasured.class, new StdDelegatingSerializer(new StdConverter<NotMeasured, NotMeasuredWire>() {
            @Override
            public NotMeasuredWire convert(NotMeasured n) {
                return NotMeasuredWire.of(n);
            }
        }));
        addDeserializer(
                NotMeasured.class,
                new WireDeserializer<>(NotMeasured.class, NotMeasuredWire.class, NotMeasuredWire::toNotMeasured));
        setMixInAnnotation(BuildInfo.class, BuildMixIn.class);
        setMixInAnnotation(RunResult.class, RunMixIn.class);
    }

    /**
     * A {@code null} in any list of report.json (a cell, a run, a test, a frame, a note) fails the read at that
     * element, so the error names the element's path instead of a later NullPointerException naming nothing.
     */
    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }

    /**
     * {@code leftoverProcesses}, {@code logTruncated}, the C frames and the container engine are left out when there is
     * nothing to say.
     */
    private abstract static class RunMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Integer leftoverProcesses();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String logTruncated();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<CFrame> cFrames();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String cFramesNote();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String engine();
    }

    /**
     * {@code retried} is left out unless the build ran twice, {@code binaryFacts} when nothing was built;
     * {@code cached} and {@code cacheKey} in a report written before m1go had a build cache, so that such a report is
     * written back unchanged.
     */
    private abstract static class BuildMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String retried();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract BinaryFacts binaryFacts();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Boolean cached();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String cacheKey();
    }

    /**
     * Reads a value through its wire form {@code W} and turns it into {@code T}; the wire form's
     * {@link IllegalArgumentException} (naming the field) becomes a mapping error at the value's place in the file.
     */
    private static final class WireDeserializer<W, T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final Class<W> wire;
        private final transient java.util.function.Function<W, T> convert;

        WireDeserializer(Class<T> type, Class<W> wire, java.util.function.Function<W, T> convert) {
            super(type);
            this.wire = wire;
            this.convert = convert;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            W value = ctxt.readValue(p, wire);
            try {
                return convert.apply(value);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }
}
