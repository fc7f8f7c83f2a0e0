package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.BuildInfo;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** TEST-m1go.xml read back by surefire's report parser (what maven-surefire-report-plugin uses) and the JDK's. */
class JUnitReportTest {

    @TempDir
    Path dir;

    private static final String NASTY = "before \u0001\u001b[31mred\u001b[0m ]]> after \uFFFE end";

    private Report report() throws Exception {
        String log = Cells.writeCrashLog(dir, "logs/c-abort/run-1.stderr", 3);
        Files.writeString(
                dir.resolve(log), NASTY + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        CellResult flaky = CellResult.ran(
                Cells.key("c-abort", "go1.22.12", "amd64", "arm64", "qemu"),
                "PASS",
                Outcome.PASS,
                Verdict.FLAKY,
                new Diagnosis(null, false, "EMULATOR_FAULT", "flaky", List.of(), List.of()),
                true,
                new BuildInfo(Outcome.PASS, "gcc", "gcc", null, false, false, 1, "b", null, null),
                List.of(
                        new RunResult(0, false, Outcome.PASS, null, 1, null, null),
                        new RunResult(139, false, Outcome.EMULATOR_FAULT, null, 1, null, log)),
                Map.of());
        CellResult neverStarted = CellResult.ran(
                Cells.key("hello", "go1.22.12", "amd64", "amd64", "native"),
                "PASS",
                Outcome.EXIT_NONZERO,
                Verdict.UNEXPECTED,
                new Diagnosis(null, false, "EXIT_NONZERO", "no start", List.of(), List.of()),
                false,
                null,
                List.of(new RunResult(null, false, Outcome.EXIT_NONZERO, null, 0, null, null)),
                Map.of());
        return Cells.report(List.of(
                Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.UNEXPECTED, log),
                Cells.crash("c-abort", "go1.21.13", "amd64", "native", Verdict.EXPECTED, log),
                Cells.cell(
                        "c-abort",
                        "go1.19.8",
                        "arm64",
                        "arm64",
                        "binfmt",
                        Outcome.SKIPPED,
                        null,
                        "PASS",
                        Verdict.SKIPPED,
                        null,
                        List.of()),
                flaky,
                Cells.pass("hello", "go1.22.12", "amd64", "native"),
                neverStarted));
    }

    @Test
    void junit_parsedBySurefire_hasOneSuitePerCase_andOneTestcasePerCell() throws Exception {
        JUnitReport.write(dir, report());
        List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger())
                .parse(dir.resolve(JUnitReport.FILE).toString());
        assertThat(suites).extracting(ReportTestSuite::getFullClassName).containsExactly("m1go.c-abort", "m1go.hello");
        ReportTestSuite abort = suites.get(0);
        assertThat(abort.getTestCases()).hasSize(4);
        assertThat(abort.getNumberOfFailures()).isEqualTo(1);
        assertThat(abort.getNumberOfSkipped()).isEqualTo(1);
        assertThat(abort.getNumberOfFlakes()).isEqualTo(1);
        assertThat(abort.getNumberOfErrors()).isZero();
        assertThat(abort.getTestCases())
                .extracting(ReportTestCase::getName)
                .containsExactly(
                        "go1.19.8/linux-arm64/binfmt (arm64 go)", "go1.21.13/linux-amd64/native",
                        "go1.22.12/linux-amd64/native", "go1.22.12/linux-arm64/qemu");
        ReportTestCase unexpected = abort.getTestCases().get(2);
        assertThat(unexpected.getFailureType()).isEqualTo("CGO_SIGNAL");
        assertThat(unexpected.getFailureMessage()).isEqualTo("expected CGO_SIGNAL SIGABRT, got CGO_SIGNAL SIGABRT");
        assertThat(abort.getTestCases().get(0).getFailureMessage()).isEqualTo("no emulator for arm64");
        ReportTestSuite hello = suites.get(1);
        assertThat(hello.getNumberOfErrors()).isEqualTo(1);
        assertThat(hello.getNumberOfFailures()).isZero();
    }

    @Test
    void junit_crashTextWithControlCharactersAndCdataEnd_isWellFormedXml10_andReadsBack() throws Exception {
        JUnitReport.write(dir, report());
        byte[] bytes = Files.readAllBytes(dir.resolve(JUnitReport.FILE));
        assertThat(new String(bytes, 0, 38, StandardCharsets.UTF_8))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve(JUnitReport.FILE).toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        String err = ((Element) doc.getElementsByTagName("system-err").item(0)).getTextContent();
        assertThat(err).contains("before \\u0001\\u001B[31mred\\u001B[0m ]]> after \\uFFFE end");
        assertThat(err).startsWith("C: calling abort()\nSIGABRT: abort");
        assertThat(doc.getElementsByTagName("flakyFailure").getLength()).isEqualTo(1);
        Element flaky = (Element) doc.getElementsByTagName("flakyFailure").item(0);
        assertThat(flaky.getAttribute("type")).isEqualTo("EMULATOR_FAULT");
        assertThat(flaky.getElementsByTagName("stackTrace").getLength()).isEqualTo(1);
    }

    @Test
    void junit_propertiesCarryTheHostFingerprint() throws Exception {
        JUnitReport.write(dir, report());
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve(JUnitReport.FILE).toFile());
        var props = doc.getElementsByTagName("property");
        java.util.Map<String, String> first = new java.util.LinkedHashMap<>();
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getParentNode().getParentNode()
                    == doc.getElementsByTagName("testsuite").item(0)) {
                first.put(p.getAttribute("name"), p.getAttribute("value"));
            }
        }
        assertThat(first)
                .containsEntry("m1go.host.unameMachine", "x86_64")
                .containsEntry("m1go.host.jvmArch", "amd64")
                .containsEntry("m1go.host.translated", "cannot tell")
                .containsEntry("m1go.host.emulator.qemu-aarch64", "qemu-aarch64 7.2.22")
                .containsEntry("m1go.host.cc.arm64", "aarch64-linux-gnu-gcc (aarch64-linux-gnu-gcc 12.2.0)");
    }

    @Test
    void junit_propertiesOncePerFile_classnameInTheM1goPackage() throws Exception {
        Report r = report();
        JUnitReport.write(dir, r);
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve(JUnitReport.FILE).toFile());
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isGreaterThan(1);
        assertThat(doc.getElementsByTagName("properties").getLength()).isEqualTo(1);
        var cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertThat(c.getAttribute("classname")).matches("m1go\\.[a-z0-9-]+");
        }
    }

    @Test
    void junit_canGoToItsOwnDirectory_readingLogsFromTheReportDirectory() throws Exception {
        Path junit = dir.resolve("surefire-reports");
        JUnitReport.write(dir, report());
        JUnitReport.copy(dir, junit);
        assertThat(junit.resolve(JUnitReport.FILE)).content().contains("SIGABRT");
        assertThat(junit.resolve(JUnitReport.FILE)).hasSameBinaryContentAs(dir.resolve(JUnitReport.FILE));
    }

    /**
     * Jenkins' xUnit plugin validates every JUnit file against its junit-10.xsd and skips a file that fails (a
     * {@code skipped} count on {@code <testsuites>} did): every kind of testcase m1go writes must pass it.
     */
    @Test
    void junit_withEveryKindOfTestcase_isValidAgainstTheSchemaOfJenkinsXunit() throws Exception {
        dev.m1go.matrix.NotMeasured cut = new dev.m1go.matrix.NotMeasured(
                Cells.key("c-abort", "go1.27.3", "arm64", "arm64", "qemu"), dev.m1go.matrix.NotMeasured.STOPPING);
        java.util.ArrayList<CellResult> cells = new java.util.ArrayList<>(report().cells());
        cells.add(ModuleTestReportsTest.testCell());
        Report r = Cells.report(cells).withNotMeasured(List.of(cut));
        JUnitReport.write(dir, r);
        String xml = Files.readString(dir.resolve(JUnitReport.FILE));
        assertThat(xml)
                .contains("<skipped")
                .contains("<failure")
                .contains("<error")
                .contains("<flakyFailure")
                .contains("not measured: ")
                .contains("<system-err>")
                .contains(" TestB\"");

        javax.xml.validation.Schema schema = javax.xml.validation.SchemaFactory.newInstance(
                        javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JUnitReportTest.class.getResource("junit-10.xsd"));
        schema.newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(
                        dir.resolve(JUnitReport.FILE).toFile()));

        // Ant's and surefire's readers still find every count on the suites.
        List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger())
                .parse(dir.resolve(JUnitReport.FILE).toString());
        assertThat(suites.stream().mapToInt(ReportTestSuite::getNumberOfSkipped).sum())
                .isEqualTo(3);
        assertThat(suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum())
                .isEqualTo(10);
    }

    /**
     * Two runners share one build of 0.9 s, each runs for 0.04 s, and the matrix took a minute: no time counts the build
     * once per runner, and the whole file's time is the run's wall time.
     */
    @Test
    void junit_times_areTheRunsOfACell_andTheWallTimeOfTheMatrix_neverABuildTwice() throws Exception {
        JUnitReport.write(
                dir,
                Cells.report(List.of(
                        Cells.pass("hello", "go1.22.12", "arm64", "qemu"),
                        Cells.pass("hello", "go1.22.12", "arm64", "binfmt"))));
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve(JUnitReport.FILE).toFile());
        assertThat(doc.getDocumentElement().getAttribute("time"))
                .as("startedAt to finishedAt")
                .isEqualTo("60.000");
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("time")).as("the sum of its cells' runs").isEqualTo("0.080");
        org.w3c.dom.NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            assertThat(((Element) cases.item(i)).getAttribute("time"))
                    .as("the cell's run, not its build")
                    .isEqualTo("0.040");
        }
        Report merged = Cells.report(List.of(Cells.pass("hello", "go1.22.12", "arm64", "qemu")));
        assertThat(JUnitReport.wallMillis(new Report(
                        merged.schema(),
                        merged.generator(),
                        merged.startedAt(),
                        merged.finishedAt(),
                        true,
                        merged.host(),
                        List.of(),
                        merged.cases(),
                        merged.cells(),
                        List.of(),
                        List.of(new Report.NamedHost("a", "a/report.json", merged.host())),
                        null)))
                .as("a merged report's " + "inputs ran apart: no wall time")
                .isEmpty();
    }

    @Test
    void clean_replacesEveryCharacterXml10Forbids() {
        assertThat(JUnitReport.clean("a\u0000b\tc\nd\u0008e\uD800f\uD83D\uDCA5g"))
                .isEqualTo("a\\u0000b\tc\nd\\u0008e\\uD800f\uD83D\uDCA5g");
    }
}
