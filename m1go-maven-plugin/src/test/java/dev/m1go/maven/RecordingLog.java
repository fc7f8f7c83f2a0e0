package dev.m1go.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that keeps every info line, so a test can assert what a goal logged (its skip sentence). */
final class RecordingLog extends SystemStreamLog {

    final List<String> infos = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        infos.add(content.toString());
    }
}
