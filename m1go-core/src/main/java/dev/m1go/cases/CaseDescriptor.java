package dev.m1go.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The shape of {@code case.yaml}, as written; {@link CaseLoader} validates it into a {@link ReproCase}. */
record CaseDescriptor(
        String description,
        MarkerPart marker,
        List<String> reference,
        LibraryPart library,
        BuildPart build,
        RunPart run,
        List<VariantPart> variants,
        ExpectPart expect,
        String goVersions) {

    record LibraryPart(String name, List<String> sources, List<String> cflags, String arch) {}

    record BuildPart(Map<String, String> env) {}

    record RunPart(List<String> args, Map<String, String> env, Integer timeoutSeconds) {}

    record VariantPart(String name, Map<String, String> env, Map<String, String> buildEnv) {}

    /** {@code marker: M1GO_OK}, or {@code marker: {text: M1GO_OK, stream: stderr}}. */
    record MarkerPart(String text, String stream) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        MarkerPart(@JsonProperty("text") String text, @JsonProperty("stream") String stream) {
            this.text = text;
            this.stream = stream;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static MarkerPart of(String text) {
            return new MarkerPart(text, null);
        }
    }

    record ExpectPart(
            String outcome,
            List<String> anyOf,
            String signal,
            String because,
            String output,
            String outputNot,
            List<RulePart> when,
            Double maxFailureRate) {}

    record RulePart(
            String go,
            String toolchainArch,
            String os,
            String goarch,
            String runner,
            String variant,
            String cc,
            String outcome,
            List<String> anyOf,
            String signal,
            String because,
            String output,
            String outputNot) {}

    /** Field names as they appear in the file, for error messages. */
    static final List<String> TOP_LEVEL = List.of(
            "description", "marker", "reference", "library", "build", "run", "variants", "expect", "goVersions");
}
