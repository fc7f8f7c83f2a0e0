package dev.m1go.report;

import dev.m1go.classify.Outcome;
import dev.m1go.matrix.CellResult;

/** One symbol and one word per cell, the same in the Maven log, Markdown and HTML. */
public final class Symbols {

    private Symbols() {}

    public static String symbol(Outcome o) {
        return switch (o) {
            case PASS -> "✅";
            case BUILD_ERROR -> "🔨";
            case LINK_ARCH_MISMATCH, LINK_ERROR -> "⛔";
            case EXEC_REFUSED -> "🚫";
            case CGO_SIGNAL, GO_SIGNAL -> "💥";
            case CGO_CHECK -> "🛑";
            case GO_PANIC -> "😱";
            case GO_FATAL -> "☠️";
            case EMULATOR_FAULT -> "🧨";
            case KILLED -> "🔪";
            case TIMEOUT -> "⏱";
            case EXIT_NONZERO -> "❌";
            case SKIPPED -> "—";
        };
    }

    /** {@code CGO_SIGNAL SIGABRT}, with the failure rate when the cell ran more than once. */
    public static String words(CellResult c) {
        String rate = c.failureRate() == null ? "" : " " + c.failureRate();
        return c.outcome().name() + (c.signal() == null ? "" : " " + c.signal()) + rate;
    }

    /** {@code 💥 CGO_SIGNAL SIGABRT}. */
    public static String cell(CellResult c) {
        return symbol(c.outcome()) + " " + words(c);
    }
}
