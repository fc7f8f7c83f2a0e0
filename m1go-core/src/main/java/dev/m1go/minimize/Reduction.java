package dev.m1go.minimize;

import java.util.ArrayList;
import java.util.List;

/**
 * The record of a reduction, for the minimized case's README and the log: the size before and after, what each
 * stage removed, what was spent, and why it ended.
 */
final class Reduction {

    /** What one stage of one round did: units before and after. */
    record Step(int round, String stage, int before, int after) {}

    long filesBefore;
    long linesBefore;
    long bytesBefore;
    long filesAfter;
    long linesAfter;
    long bytesAfter;
    int candidates;
    int voided;
    int builds;
    int cachedBuilds;
    long millis;
    String stopped;
    String firstRate;
    String finalRate;
    String dependencies;
    /** How many kept candidates the final measurement stepped back over; -1: back to the original. */
    int steppedBack;

    final List<Step> steps = new ArrayList<>();

    void before(Candidate c) {
        filesBefore = c.fileCount();
        linesBefore = c.lines();
        bytesBefore = c.bytes();
    }

    void after(Candidate c) {
        filesAfter = c.fileCount();
        linesAfter = c.lines();
        bytesAfter = c.bytes();
    }

    /** {@code 23 files, 612 lines, 14,530 bytes → 1 file, 14 lines, 301 bytes}. */
    String sizes() {
        return size(filesBefore, linesBefore, bytesBefore) + " → " + size(filesAfter, linesAfter, bytesAfter);
    }

    private static String size(long files, long lines, long bytes) {
        return dev.m1go.core.Plural.of((int) files, "file") + ", " + dev.m1go.core.Plural.of((int) lines, "line") + ", "
                + String.format(java.util.Locale.ROOT, "%,d", bytes) + " bytes";
    }

    /** {@code 214 candidates (31 void before building), 167 builds (12 from the cache), 3m12s}. */
    String spent() {
        return candidates + " candidates (" + voided + " void before building), " + builds + " builds (" + cachedBuilds
                + " more from the build cache), " + duration(millis);
    }

    static String duration(long millis) {
        long s = Math.round(millis / 1000.0);
        return s < 60 ? s + " s" : (s / 60) + "m" + String.format(java.util.Locale.ROOT, "%02d", s % 60) + "s";
    }
}
