package dev.m1go.minimize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Zeller and Hildebrandt's ddmin ("Simplifying and Isolating Failure-Inducing Input", 2002) over a list of units,
 * testing each granularity's candidates in parallel batches of at most {@code batch}, the first candidate in order
 * that keeps the failure winning (so the result does not depend on which worker finished first). Beyond two parts
 * only the complements are tried (each part removed in turn), as Hodován and Kiss advise ("Practical Improvements to
 * the Minimizing Delta Debugging Algorithm", 2016): for program text, keeping a single part of many almost never
 * keeps the failure, and those candidates would double the cost of every round. After a part is removed, the search
 * goes on from where it was instead of from the first part again. The result is 1-minimal: removing
 * any single unit of it loses the failure, unless the oracle stopped the search early.
 */
final class Ddmin {

    /** Decides which candidates keep the failure. */
    interface Oracle<T> {
        /**
         * The index of the first of {@code candidates} (in the given order) that still fails the same way, or -1.
         *
         * @throws Stop when a budget ran out or m1go is stopping: the search ends with the best set so far
         */
        int firstKept(List<List<T>> candidates) throws IOException, InterruptedException, Stop;
    }

    /** The search ends where it is; the caller keeps the best set so far. */
    static final class Stop extends Exception {
        Stop(String reason) {
            super(reason);
        }
    }

    private Ddmin() {}

    /**
     * The smallest subset of {@code units} (in their order) the oracle keeps, found by ddmin; {@code units} itself is
     * taken to fail. A single remaining unit is tried once more against the empty set.
     */
    static <T> List<T> minimize(List<T> units, Oracle<T> oracle, int batch)
            throws IOException, InterruptedException, Stop {
        // Everything at once first: one candidate, and for comments or settings often the whole answer.
        if (units.size() > 1 && first(List.of(List.of()), oracle, batch) == 0) {
            return List.of();
        }
        List<T> current = List.copyOf(units);
        int n = 2;
        int from = 0;
        while (current.size() >= 2) {
            List<List<T>> parts = split(current, n);
            List<List<T>> candidates = new ArrayList<>();
            if (n == 2) {
                candidates.addAll(parts);
            } else {
                // From where the last removal was: the parts before it were tried at this granularity already.
                for (int k = 0; k < n; k++) {
                    candidates.add(without(current, parts.get((from + k) % n)));
                }
            }
            int kept = first(candidates, oracle, batch);
            if (kept >= 0 && n == 2) {
                current = candidates.get(kept);
                from = 0;
            } else if (kept >= 0) {
                current = candidates.get(kept);
                from = (from + kept) % n;
                n = Math.max(n - 1, 2);
                from = from % n;
            } else if (n < current.size()) {
                n = Math.min(2 * n, current.size());
                from = 0;
            } else {
                break;
            }
        }
        if (current.size() == 1 && first(List.of(List.of()), oracle, batch) == 0) {
            current = List.of();
        }
        return current;
    }

    private static <T> int first(List<List<T>> candidates, Oracle<T> oracle, int batch)
            throws IOException, InterruptedException, Stop {
        for (int from = 0; from < candidates.size(); from += batch) {
            List<List<T>> chunk = candidates.subList(from, Math.min(candidates.size(), from + batch));
            int kept = oracle.firstKept(chunk);
            if (kept >= 0) {
                return from + kept;
            }
        }
        return -1;
    }

    /** {@code list} in {@code n} consecutive parts of sizes differing by at most one. */
    static <T> List<List<T>> split(List<T> list, int n) {
        List<List<T>> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (list.size() - start) / (n - i);
            parts.add(List.copyOf(list.subList(start, end)));
            start = end;
        }
        return parts;
    }

    private static <T> List<T> without(List<T> list, List<T> part) {
        List<T> rest = new ArrayList<>(list);
        rest.removeAll(part);
        return List.copyOf(rest);
    }
}
