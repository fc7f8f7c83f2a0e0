package dev.m1go.matrix;

import java.util.List;

/** Hears about a matrix run as it goes: the plan, then each cell as soon as its result is known. */
public interface MatrixListener {

    /** The cells about to run, in report order. */
    default void planned(List<PlannedCell> cells) {}

    /**
     * The builds about to run, each named by the first of the cells it serves, and the workers they share: a build by
     * a toolchain that itself runs translated is taken by at most {@code translatedWorkers} of the {@code workers} at
     * once. Called once, after {@link #planned}, before any build starts.
     */
    default void buildsPlanned(List<PlannedCell> builds, int workers, int translatedWorkers) {}

    /**
     * A cell starts (skipped ones too), on the worker thread that will report it {@link #finished}; one call at a
     * time.
     */
    default void started(PlannedCell cell) {}

    /**
     * The build that {@code first} (and the other cells of the same binary) waits for starts, on the worker thread
     * that will report {@link #built}; one call at a time. Not called for cells whose build is skipped.
     */
    default void building(PlannedCell first) {}

    /** The build {@link #building} announced ended (built, failed, or taken from the cache), on the same thread. */
    default void built(PlannedCell first) {}

    /**
     * A cell finished. Called from worker threads, one call at a time.
     *
     * @param done  how many cells have finished, this one included
     * @param total how many cells the plan has
     */
    void finished(CellResult result, int done, int total);

    /**
     * A cell that m1go did not finish measuring (it was stopping, or the cell's build ran out of time): no outcome, no
     * verdict. Called from worker threads, one call at a time, counted in {@code done} like a finished cell.
     */
    default void notMeasured(NotMeasured cell, int done, int total) {}

    /** Something the reader of the report must know about the run itself (a cache that could not be written). */
    default void note(String note) {}
}
