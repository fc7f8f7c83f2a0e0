package dev.m1go.report;

import dev.m1go.classify.Outcome;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two module-mode test cells compared test by test (their first runs): only tests with a result in both, neither
 * skipped, are compared.
 *
 * @param compared        how many tests were compared
 * @param onlyInCell      tests that failed in the cell and passed in the reference, in the cell's order
 * @param onlyInReference tests that passed in the cell and failed in the reference
 * @param differently     tests that failed in both, with different outcomes
 */
record TestDiff(int compared, List<String> onlyInCell, List<String> onlyInReference, List<String> differently) {

    TestDiff {
        onlyInCell = List.copyOf(onlyInCell);
        onlyInReference = List.copyOf(onlyInReference);
        differently = List.copyOf(differently);
    }

    /** Whether a cell has per-test results to compare. */
    static boolean applies(CellResult c) {
        return !c.tests().isEmpty();
    }

    static TestDiff of(CellResult reference, CellResult cell) {
        Map<String, TestResult> ref = new LinkedHashMap<>();
        reference.tests().forEach(t -> ref.putIfAbsent(t.name(), t));
        int compared = 0;
        List<String> onlyInCell = new ArrayList<>();
        List<String> onlyInReference = new ArrayList<>();
        List<String> differently = new ArrayList<>();
        for (TestResult t : cell.tests()) {
            TestResult r = ref.get(t.name());
            if (r == null || t.outcome() == Outcome.SKIPPED || r.outcome() == Outcome.SKIPPED) {
                continue;
            }
            compared++;
            if (t.failed() && !r.failed()) {
                onlyInCell.add(t.name());
            } else if (!t.failed() && r.failed()) {
                onlyInReference.add(t.name());
            } else if (t.failed() && t.outcome() != r.outcome()) {
                differently.add(t.name());
            }
        }
        return new TestDiff(compared, onlyInCell, onlyInReference, differently);
    }

    /**
     * The verdict of the comparison, or {@code null} when every compared test agrees (then the cells' outcomes
     * decide: a failure no test accounts for, such as TestMain exiting).
     */
    String verdict() {
        if (!onlyInCell.isEmpty()) {
            return onlyInReference.isEmpty() ? Differential.TRANSLATION_ONLY : Differential.BOTH_DIFFER;
        }
        if (!onlyInReference.isEmpty()) {
            return Differential.NATIVE_ONLY;
        }
        return differently.isEmpty() ? null : Differential.BOTH_DIFFER;
    }
}
