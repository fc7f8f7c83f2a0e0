package dev.m1go.cases;

import java.util.List;
import java.util.Map;

/** The shape of {@code case.yaml}, as written; {@link CaseLoader} validates it into a {@link ReproCase}. */
record CaseDescriptor(
        String description,
        String marker,
        List<String> reference,
        LibraryPart library,
        BuildPart build,
        RunPart run,
        List<VariantPart> variants,
        ExpectPart expect,
        String goVersions) {

    record LibraryPart(String name, List<String> sources, List<String> cflags, String arch) {
    }

    record BuildPart(Map<String, String> env) {
    }

    record RunPart(List<String> args, Map<String, String> env, Integer timeoutSeconds) {
    }

    record VariantPart(String name, Map<String, String> env, Map<String, String> buildEnv) {
    }

    record ExpectPart(String outcome, String signal, String because, List<RulePart> when, Double maxFailureRate) {
    }

    record RulePart(
            String go,
            String toolchainArch,
            String os,
            String goarch,
            String runner,
            String variant,
            String cc,
            String outcome,
            String signal,
            String because) {
    }

    /** Field names as they appear in the file, for error messages. */
    static final List<String> TOP_LEVEL = List.of(
            "description", "marker", "reference", "library", "build", "run", "variants", "expect", "goVersions");

}
