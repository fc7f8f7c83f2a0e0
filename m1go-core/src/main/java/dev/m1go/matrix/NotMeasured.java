package dev.m1go.matrix;

import java.util.Objects;

/**
 * A cell m1go did not finish measuring: it was stopping (Ctrl-C, SIGTERM) while the cell's build or run went on, or
 * the cell's build ran out of time. Such a cell has no outcome and no verdict: what was cut short says nothing about the
 * program, so a baseline or a merge never reads it as a result. report.json lists it under {@code notMeasured}, apart
 * from the cells.
 *
 * @param key    which cell
 * @param reason why it was not measured, in words a reader can act on
 */
public record NotMeasured(CellKey key, String reason) {

    /** The order of the list in every report: the cells' own. */
    public static final java.util.Comparator<NotMeasured> ORDER =
            java.util.Comparator.comparing(NotMeasured::key, CellKey.ORDER);

    /** The reason of a cell whose build or run m1go cut short because it was stopping. */
    public static final String STOPPING = "m1go was stopping (interrupted) while this cell was being measured";

    public NotMeasured {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
    }
}
