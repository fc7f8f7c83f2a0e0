package dev.m1go.testing;

import dev.m1go.core.Log;
import java.util.ArrayList;
import java.util.List;

/** A {@link Log} that keeps every line: info as given, warnings prefixed with {@code WARN }. */
public final class RecordingLog implements Log {

    public final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }
}
