package dev.m1go.report;

import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.TestResult;
import java.util.List;

/** The failing Go tests of a module-mode test cell, as the Markdown and HTML reports list them. */
final class FailingTests {

    static final int MAX = 20;

    private FailingTests() {}

    /** {@code TestA (EXIT_NONZERO), TestC (CGO_SIGNAL)}, or empty when no test of the cell failed. */
    static String of(CellResult c) {
        List<TestResult> failed = c.tests().stream().filter(TestResult::failed).toList();
        if (failed.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (TestResult t : failed.subList(0, Math.min(MAX, failed.size()))) {
            sb.append(sb.length() == 0 ? "" : ", ")
                    .append(t.name())
                    .append(" (")
                    .append(t.outcome())
                    .append(')');
        }
        return sb + (failed.size() > MAX ? ", … " + (failed.size() - MAX) + " more" : "");
    }
}
