package dev.m1go.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The minimized case.
 *
 * @param directory where it was written ({@code target/m1go/minimized/<name>})
 * @param signature the failure it keeps ({@code CGO_SIGNAL SIGSEGV in C})
 * @param summary   sizes before and after, what was spent, the final measurement
 * @param complete  false when a budget ended the reduction early (the directory holds the best case found by then)
 */
public record MinimizeResult(Path directory, String name, String signature, List<String> summary, boolean complete) {
    public MinimizeResult {
        summary = List.copyOf(summary);
    }
}
