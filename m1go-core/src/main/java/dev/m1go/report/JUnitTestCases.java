package dev.m1go.report;

import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.TestResult;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Module mode in JUnit XML: a test cell becomes one testcase per Go test ({@code <cell name> TestX}), so CI shows
 * which test failed on which toolchain, target and runner.
 */
final class JUnitTestCases {

    private JUnitTestCases() {}

    /** How many testcases the cells make: one per cell, or one per test of a test cell. */
    static long tests(List<CellResult> cells) {
        return cells.stream()
                .mapToLong(c -> c.tests().isEmpty() ? 1 : c.tests().size())
                .sum();
    }

    static long failures(List<CellResult> cells) {
        return cells.stream()
                .mapToLong(c -> c.tests().isEmpty()
                        ? (c.verdict() == Verdict.UNEXPECTED && !JUnitReport.infrastructure(c) ? 1 : 0)
                        : c.tests().stream()
                                .filter(t -> t.verdict() == Verdict.UNEXPECTED)
                                .count())
                .sum();
    }

    static long skipped(List<CellResult> cells) {
        return cells.stream()
                .mapToLong(c -> c.tests().isEmpty()
                        ? (c.verdict() == Verdict.SKIPPED ? 1 : 0)
                        : c.tests().stream()
                                .filter(t -> t.verdict() == Verdict.SKIPPED)
                                .count())
                .sum();
    }

    static void write(XMLStreamWriter x, String cellName, String classname, CellResult c) throws XMLStreamException {
        boolean first = true;
        for (TestResult t : c.tests()) {
            if (!first) {
                x.writeCharacters("\n  ");
            }
            first = false;
            x.writeStartElement("testcase");
            x.writeAttribute("name", JUnitReport.clean(cellName + " " + t.name()));
            x.writeAttribute("classname", JUnitReport.clean(classname));
            x.writeAttribute("time", String.format(Locale.ROOT, "%.3f", t.elapsedSeconds()));
            if (t.verdict() == Verdict.UNEXPECTED) {
                x.writeStartElement("failure");
                x.writeAttribute(
                        "message",
                        JUnitReport.clean(
                                "expected " + t.expected() + ", got " + t.outcome() + " (" + t.action() + ")"));
                x.writeAttribute("type", t.outcome().name());
                x.writeCharacters(JUnitReport.clean(t.output() == null ? "" : t.output()));
                x.writeEndElement();
            } else if (t.verdict() == Verdict.SKIPPED) {
                x.writeEmptyElement("skipped");
                x.writeAttribute(
                        "message",
                        JUnitReport.clean(
                                t.output() == null ? "skipped" : t.output().strip()));
            }
            x.writeEndElement();
        }
    }
}
