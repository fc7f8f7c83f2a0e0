package dev.m1go.classify;

import java.util.List;
import java.util.Locale;

/**
 * Measures classification throughput on a ~10 MB log: every fixture body repeated (goroutine dumps, build noise,
 * BuildKit prefixes) with a cgo crash at the end, plus one 10 MB single-line log. Prints MB/s and the ratio of the
 * slowest run to the one-second target. Run with {@code scripts/bench-classifier.sh}; not a unit test, because
 * timings depend on the machine.
 */
public final class ClassifierBenchmark {

    private static final int TARGET_BYTES = 10 * 1024 * 1024;
    private static final double TARGET_SECONDS = 1.0;

    private ClassifierBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Classifier classifier = new GoCrashClassifier();
        report("multi-line log", classifier, multiLineLog(), rounds);
        report("single 10 MB line", classifier, "x(".repeat(TARGET_BYTES / 2) + ")", rounds);
    }

    private static void report(String label, Classifier classifier, String text, int rounds) {
        Evidence evidence = new Evidence(Phase.RUN, "linux", 2, null, false, true, "", text, "M1GO-OK");
        classifier.classify(evidence);
        long worst = 0;
        long best = Long.MAX_VALUE;
        Outcome outcome = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            outcome = classifier.classify(evidence).outcome();
            long took = System.nanoTime() - start;
            worst = Math.max(worst, took);
            best = Math.min(best, took);
        }
        double mb = text.length() / (1024.0 * 1024.0);
        double worstSeconds = worst / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s: %.1f MB -> %s; best %.3f s (%.1f MB/s), worst %.3f s (%.1f MB/s); worst/target = %.3f%n",
                label,
                mb,
                outcome,
                best / 1e9,
                mb / (best / 1e9),
                worstSeconds,
                mb / worstSeconds,
                worstSeconds / TARGET_SECONDS);
    }

    static String multiLineLog() {
        List<Fixtures.Fixture> fixtures = Fixtures.all();
        StringBuilder sb = new StringBuilder(TARGET_BYTES + 4096);
        int i = 0;
        while (sb.length() < TARGET_BYTES) {
            Fixtures.Fixture f = fixtures.get(i++ % fixtures.size());
            if (!f.expectedOutcome().equals("PASS")) {
                for (String line : f.log().body().split("\n")) {
                    sb.append("#12 ")
                            .append(i % 1000)
                            .append(".25 ")
                            .append(line)
                            .append('\n');
                }
            }
        }
        sb.append(Fixtures.named("sigsegvInCgo_go1273_binfmt").log().body());
        return sb.toString();
    }
}
