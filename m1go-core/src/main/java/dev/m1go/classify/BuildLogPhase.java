package dev.m1go.classify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells from a pasted log alone whether it comes from a build or a run, so that {@code m1go:classify} applies the
 * build-phase rules ({@link Outcome#LINK_ARCH_MISMATCH}, {@link Outcome#LINK_ERROR}, {@link Outcome#BUILD_ERROR})
 * to the output of a failed {@code go build} as the engine does when it ran the build itself.
 *
 * <p>A log is a build log when it holds a linker or compiler complaint, shows that a build produced it (a
 * {@code # pkg} header, a {@code go build} command line, {@code link: running gcc failed}, linker output such as
 * {@code /usr/bin/ld:}, {@code ld.lld:}, {@code ld.gold:}, Apple ld's {@code ld: warning: ignoring file} and
 * {@code Undefined symbols for architecture}, {@code collect2}, Go's internal linker's {@code relocation target},
 * or a C or Go compiler diagnostic {@code file:line:col: error:}), and holds no Go crash report, emulator fault or
 * exec refusal (those only a run prints).
 */
public final class BuildLogPhase {

    private static final Pattern DIAGNOSTIC = Pattern.compile("^[^\\s:]{1,300}:\\d{1,7}:(\\d{1,5}:)? (fatal )?error: ");
    private static final Pattern PACKAGE_HEADER = Pattern.compile("^# [A-Za-z0-9_.\\-/]{1,200}$");
    private static final Pattern GO_COMMAND = Pattern.compile("(^|[\\s/$])go (build|install|test|run|get|vet)( |$)");

    private BuildLogPhase() {}

    /** The phase the text shows: {@link Phase#BUILD} for a build or link log, else {@link Phase#RUN}. */
    public static Phase of(String text, String os) {
        List<String> lines = LogText.lines(text);
        if (TextMarkers.build(lines).isEmpty()
                || !TextMarkers.execution(lines, os).isEmpty()
                || GoCrashReport.parse(lines, os).present()) {
            return Phase.RUN;
        }
        for (String line : lines) {
            if (buildContext(line.trim())) {
                return Phase.BUILD;
            }
        }
        return Phase.RUN;
    }

    /** True for a line only a build prints. */
    static boolean buildContext(String t) {
        if (t.isEmpty()) {
            return false;
        }
        return PACKAGE_HEADER.matcher(t).matches()
                || GO_COMMAND.matcher(t).find()
                || (t.contains("/link") && t.contains(": running ") && t.contains(" failed"))
                || t.startsWith("ld: ")
                || t.contains("/ld: ")
                || t.contains("ld.exe: ")
                || t.contains("ld.lld: ")
                || t.contains("ld64.lld: ")
                || t.contains("ld.gold: ")
                || t.startsWith("collect2")
                || t.startsWith("ignoring file ")
                || t.startsWith("Undefined symbols for architecture")
                || (t.contains("(.text): relocation target ") || t.contains(": relocation target "))
                || t.contains("linker command failed")
                || t.startsWith("In file included from ")
                || t.contains(": In function '")
                || t.endsWith(": At top level:")
                || t.startsWith("cgo: ")
                || t.endsWith(": Assembler messages:")
                || t.startsWith("cannot load DWARF output from ")
                || DIAGNOSTIC.matcher(t).find();
    }
}
