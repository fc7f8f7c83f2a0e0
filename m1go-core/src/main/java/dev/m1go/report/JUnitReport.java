package dev.m1go.report;

import dev.m1go.classify.Verdict;
import dev.m1go.core.AtomicFiles;
import dev.m1go.core.OutputLayout;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code TEST-m1go.xml}: JUnit XML as CI servers read it. One {@code <testsuite>} per case, one {@code <testcase>}
 * per cell named {@code go1.22.12/linux-arm64/qemu} (then {@code /variant} when not the default, {@code (arm64 go)}
 * for a toolchain of another architecture, {@code @host} in a merged report: {@link dev.m1go.matrix.CellKey#testName}).
 *
 * <ul>
 *   <li>{@code UNEXPECTED} → {@code <failure type="OUTCOME">};</li>
 *   <li>an infrastructure problem (a run that never started, or a cell the engine annotated with a reason although
 *       it was not skipped) → an {@code <error>} element;</li>
 *   <li>{@code SKIPPED} → {@code <skipped message="reason"/>};</li>
 *   <li>{@code FLAKY} → one {@code <flakyFailure>} per failing run, the test itself passing;</li>
 *   <li>the crash text goes to {@code <system-err>} (stderr) and {@code <system-out>} (stdout), XML 1.0 control
 *       characters written as {@code \\uXXXX}, {@code ]]>} split across CDATA sections.</li>
 * </ul>
 * Times leave the builds out, so that no time is counted twice (one build serves every runner of its target): a
 * testcase's {@code time} is its cell's runs, a {@code <testsuite>}'s the sum of its cells' run times, and
 * {@code <testsuites>}' the wall time of the matrix run ({@code startedAt} to {@code finishedAt}; the sum of every run
 * time in a merged report, whose inputs ran apart, or when the report does not say both). Build times are in
 * report.json ({@code build.durationMillis}).
 * The host fingerprint is in the first suite's {@code <properties>} (once per file); {@code classname} is
 * {@code m1go.<case>}. Written as UTF-8, valid against the junit-10.xsd of Jenkins' xUnit plugin (so no {@code skipped}
 * count on {@code <testsuites>}: each {@code <testsuite>} has its own).
 */
public final class JUnitReport {

    public static final String FILE = OutputLayout.JUNIT_XML;
    static final int CRASH_LINES = 200;
    /** Testcases sit in this package ({@code m1go.c-abort}), not in the "(default package)" of CI pages. */
    static final String CLASSNAME_PACKAGE = "m1go.";

    private JUnitReport() {}

    public static void write(Path directory, Report r) throws IOException {
        write(ReportView.of(r, directory));
    }

    /** Writes TEST-m1go.xml into the view's report directory. */
    public static void write(ReportView v) throws IOException {
        Path file = v.directory().resolve(FILE);
        AtomicFiles.replace(file, out -> {
            try {
                XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                write(x, v);
                x.flush();
                x.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Copies the {@value #FILE} written in the report {@code directory} into {@code into} (where CI looks for JUnit
     * files, {@code m1go.reportsDirectory}), through a temporary file and a rename like every report file.
     */
    public static void copy(Path directory, Path into) throws IOException {
        AtomicFiles.replace(into.resolve(FILE), out -> java.nio.file.Files.copy(directory.resolve(FILE), out));
    }

    private static void write(XMLStreamWriter x, ReportView v) throws XMLStreamException {
        Report r = v.report();
        Map<String, String> properties = properties(v);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("testsuites");
        x.writeAttribute("name", "m1go");
        attributes(x, r.cells(), r.notMeasured().size(), false);
        x.writeAttribute("time", seconds(wallMillis(r).orElse(runMillis(r.cells()))));
        x.writeCharacters("\n");
        for (ReportView.CaseGrid grid : v.cases()) {
            x.writeStartElement("testsuite");
            x.writeAttribute("name", clean(CLASSNAME_PACKAGE + grid.id()));
            attributes(x, grid.cells(), 0, true);
            x.writeAttribute("time", seconds(runMillis(grid.cells())));
            if (r.startedAt() != null) {
                x.writeAttribute("timestamp", clean(r.startedAt()));
            }
            if (grid == v.cases().get(0)) {
                // The host is the same for every suite: once per file, in the first.
                x.writeCharacters("\n  ");
                x.writeStartElement("properties");
                for (Map.Entry<String, String> p : properties.entrySet()) {
                    x.writeCharacters("\n    ");
                    x.writeEmptyElement("property");
                    x.writeAttribute("name", clean(p.getKey()));
                    x.writeAttribute("value", clean(p.getValue()));
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            for (CellResult c : grid.cells()) {
                x.writeCharacters("\n  ");
                if (c.tests().isEmpty()) {
                    testcase(x, v, c);
                } else {
                    JUnitTestCases.write(
                            x, v.testName(c), CLASSNAME_PACKAGE + c.key().caseId(), c);
                }
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        notMeasured(x, r);
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
    }

    /**
     * The cells m1go did not finish measuring, in a suite of their own: each a skipped testcase whose message says
     * why, never a failure (nothing was observed about the program).
     */
    private static void notMeasured(XMLStreamWriter x, Report r) throws XMLStreamException {
        if (r.notMeasured().isEmpty()) {
            return;
        }
        x.writeStartElement("testsuite");
        x.writeAttribute("name", CLASSNAME_PACKAGE + "notMeasured");
        x.writeAttribute("tests", Integer.toString(r.notMeasured().size()));
        x.writeAttribute("failures", "0");
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Integer.toString(r.notMeasured().size()));
        x.writeAttribute("time", "0");
        for (dev.m1go.matrix.NotMeasured n : r.notMeasured()) {
            x.writeCharacters("\n  ");
            x.writeStartElement("testcase");
            x.writeAttribute(
                    "name", clean(n.key().title(r.hostArchOfLabel(n.key().host()))));
            x.writeAttribute("classname", clean(CLASSNAME_PACKAGE + n.key().caseId()));
            x.writeAttribute("time", "0");
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", clean("not measured: " + n.reason()));
            x.writeEndElement();
        }
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    /**
     * The counts of a suite; {@code notMeasured} more testcases, each skipped (see {@link #notMeasured}). The skipped
     * count goes on a {@code <testsuite>} only: the junit-10.xsd of Jenkins' xUnit plugin allows no {@code skipped} on
     * {@code <testsuites>}, and xUnit ignores a file that breaks it.
     */
    private static void attributes(XMLStreamWriter x, List<CellResult> cells, int notMeasured, boolean suite)
            throws XMLStreamException {
        x.writeAttribute("tests", Long.toString(JUnitTestCases.tests(cells) + notMeasured));
        x.writeAttribute("failures", Long.toString(JUnitTestCases.failures(cells)));
        x.writeAttribute(
                "errors",
                Long.toString(cells.stream().filter(JUnitReport::infrastructure).count()));
        if (suite) {
            x.writeAttribute("skipped", Long.toString(JUnitTestCases.skipped(cells) + notMeasured));
        }
    }

    /** The run times of {@code cells}, builds left out. */
    private static long runMillis(List<CellResult> cells) {
        return cells.stream().mapToLong(CellResult::runMillis).sum();
    }

    /** From {@code startedAt} to {@code finishedAt}, when the report says both and is of one host. */
    static java.util.OptionalLong wallMillis(Report r) {
        try {
            if (r.startedAt() != null && r.finishedAt() != null && r.hosts().isEmpty()) {
                return java.util.OptionalLong.of(java.time.Duration.between(
                                java.time.Instant.parse(r.startedAt()), java.time.Instant.parse(r.finishedAt()))
                        .toMillis());
            }
        } catch (java.time.format.DateTimeParseException e) {
            // a report edited by hand: fall back on the run times
        }
        return java.util.OptionalLong.empty();
    }

    private static void testcase(XMLStreamWriter x, ReportView v, CellResult c) throws XMLStreamException {
        x.writeStartElement("testcase");
        x.writeAttribute("name", clean(v.testName(c)));
        x.writeAttribute("classname", clean(CLASSNAME_PACKAGE + c.key().caseId()));
        x.writeAttribute("time", seconds(c.runMillis()));
        String got = Symbols.words(c);
        if (infrastructure(c)) {
            x.writeStartElement("error");
            x.writeAttribute("message", clean(c.reason() != null ? c.reason() : "a run of this cell never started"));
            x.writeAttribute("type", "m1go.infrastructure");
            x.writeCharacters(
                    clean(c.diagnosis().summary() == null ? "" : c.diagnosis().summary()));
            x.writeEndElement();
        } else if (c.verdict() == Verdict.UNEXPECTED) {
            x.writeStartElement("failure");
            x.writeAttribute("message", clean("expected " + c.expected() + ", got " + got));
            x.writeAttribute("type", c.outcome().name());
            x.writeCharacters(
                    clean((c.diagnosis().summary() == null ? "" : c.diagnosis().summary() + "\n")
                            + (c.diagnosis().signature() == null
                                    ? ""
                                    : "signature: " + c.diagnosis().signature())));
            x.writeEndElement();
        } else if (c.verdict() == Verdict.SKIPPED) {
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", clean(c.reason() == null ? "skipped" : c.reason()));
        } else if (c.verdict() == Verdict.FLAKY) {
            for (RunResult run : c.runs()) {
                if (run.outcome().isPass()) {
                    continue;
                }
                x.writeStartElement("flakyFailure");
                x.writeAttribute(
                        "message",
                        clean(c.failureRate() + " runs did not pass; this one: " + run.outcome()
                                + (run.signal() == null ? "" : " " + run.signal())));
                x.writeAttribute("type", run.outcome().name());
                x.writeStartElement("stackTrace");
                String signature = c.diagnosis().signature();
                x.writeCharacters(clean(signature == null ? run.outcome().name() : signature));
                x.writeEndElement();
                x.writeEndElement();
            }
        }
        if (Cluster.failing(c) || c.verdict() == Verdict.FLAKY) {
            List<String> logs = CrashText.logs(c);
            String err = logs.isEmpty() ? "" : v.crashText(logs.get(0), CRASH_LINES);
            String out = logs.size() < 2 ? "" : v.crashText(logs.get(1), CRASH_LINES);
            cdata(x, "system-out", out);
            cdata(x, "system-err", err);
        }
        x.writeEndElement();
    }

    private static void cdata(XMLStreamWriter x, String element, String text) throws XMLStreamException {
        if (text.isBlank()) {
            return;
        }
        x.writeStartElement(element);
        String s = clean(text);
        int from = 0;
        int at;
        while ((at = s.indexOf("]]>", from)) >= 0) {
            x.writeCData(s.substring(from, at + 2));
            from = at + 2;
        }
        x.writeCData(s.substring(from));
        x.writeEndElement();
    }

    /** A harness problem rather than a result: a run that never started, or a reason on a cell that was not skipped. */
    public static boolean infrastructure(CellResult c) {
        if (c.verdict() == Verdict.SKIPPED) {
            return false;
        }
        return c.reason() != null || c.runs().stream().anyMatch(run -> run.exitCode() == null && !run.timedOut());
    }

    private static Map<String, String> properties(ReportView v) {
        Report r = v.report();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("m1go.schema", r.schema());
        p.put("m1go.generator", r.generator() == null ? "" : r.generator());
        for (ReportView.HostFacts h : v.hosts()) {
            String k = h.label() != null ? "m1go.host[" + h.label() + "]." : "m1go.host.";
            HostInfo i = h.info();
            p.put(k + "os", i.os());
            p.put(k + "arch", i.arch());
            p.put(k + "unameMachine", String.valueOf(i.unameMachine()));
            p.put(k + "jvmArch", String.valueOf(i.jvmArch()));
            p.put(k + "kernel", String.valueOf(i.kernel()));
            p.put(
                    k + "translated",
                    i.translated() == null ? "cannot tell" : i.translated().toString());
            for (HostInfo.EmulatorInfo e : i.emulators()) {
                p.put(k + "emulator." + e.name(), String.valueOf(e.version()));
            }
            for (HostInfo.CompilerInfo cc : i.cCompilers()) {
                p.put(k + "cc." + cc.target(), cc.cc() + (cc.version() == null ? "" : " (" + cc.version() + ")"));
            }
        }
        return p;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /**
     * Text that XML 1.0 can carry: characters it forbids (C0 controls other than tab, newline and carriage return,
     * U+FFFE, U+FFFF, unpaired surrogates) are written as {@code \\uXXXX}.
     */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(ch)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (sb != null) {
                        sb.append(ch).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(ch)) {
                ok = false;
            } else {
                ok = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (ok) {
                    sb.append(ch);
                } else {
                    sb.append(String.format(Locale.ROOT, "\\u%04X", (int) ch));
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
