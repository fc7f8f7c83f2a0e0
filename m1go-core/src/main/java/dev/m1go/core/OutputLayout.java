package dev.m1go.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Every path m1go writes under its output directory ({@code target/m1go}), named once:
 *
 * <pre>
 * report.json report.md TEST-m1go.xml report.html doctor.json .m1go.lock
 * cases/&lt;case&gt;/                                   the case sources as given
 * build/&lt;case&gt;/&lt;toolchain&gt;/&lt;build&gt;/                  sources, library and binary of one build
 * run/&lt;case&gt;/&lt;toolchain&gt;/&lt;target&gt;/&lt;runner&gt;-&lt;variant&gt;/ working directory of one cell
 * logs/&lt;case&gt;/&lt;toolchain&gt;/&lt;build&gt;/                   build logs; a cell's run logs under &lt;runner&gt;-&lt;variant&gt;/
 * logs/host/ logs/doctor/                             what probing the host ran
 * gopath/                                             GOPATH of every build
 * </pre>
 */
public record OutputLayout(Path root) {

    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";
    public static final String JUNIT_XML = "TEST-m1go.xml";
    public static final String REPORT_HTML = "report.html";
    public static final String DOCTOR_JSON = "doctor.json";
    public static final String LOCK = ".m1go.lock";

    public OutputLayout {
        Objects.requireNonNull(root, "root");
    }

    /** The sources of a case as given. */
    public Path caseSources(String caseId) {
        return root.resolve("cases").resolve(caseId);
    }

    /** One build: {@code build} names target, link mode and build variant ({@code linux-arm64-static}). */
    public Path build(String caseId, String toolchain, String build) {
        return root.resolve("build").resolve(caseId).resolve(toolchain).resolve(build);
    }

    /** The logs of one build. */
    public Path buildLogs(String caseId, String toolchain, String build) {
        return root.resolve("logs").resolve(caseId).resolve(toolchain).resolve(build);
    }

    /** The working directory of one cell. */
    public Path run(String caseId, String toolchain, String target, String runner, String variant) {
        return root.resolve("run").resolve(cell(caseId, toolchain, target, runner, variant));
    }

    /** The run logs of one cell. */
    public Path runLogs(String caseId, String toolchain, String target, String runner, String variant) {
        return root.resolve("logs").resolve(cell(caseId, toolchain, target, runner, variant));
    }

    private static Path cell(String caseId, String toolchain, String target, String runner, String variant) {
        return Path.of(caseId, toolchain, target, runner + "-" + variant);
    }

    /** What probing the host for m1go:reproduce ran. */
    public Path hostLogs() {
        return root.resolve("logs").resolve("host");
    }

    /** What m1go:doctor ran. */
    public Path doctorLogs() {
        return root.resolve("logs").resolve("doctor");
    }

    /** The GOPATH of every build. */
    public Path gopath() {
        return root.resolve("gopath");
    }

    /** A file's path relative to the root, with {@code /} (as report.json records it). */
    public String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
