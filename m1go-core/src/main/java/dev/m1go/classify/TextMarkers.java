package dev.m1go.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognizes, line by line, the text that emulators, loaders, linkers, compilers and shells print: everything that
 * is not the Go crash report itself. Each method returns at most one {@link Finding} per kind (the first line that
 * shows it), so a log of any size yields a short list. Matching is by {@code startsWith}/{@code contains}: linear
 * and free of backtracking.
 */
final class TextMarkers {

    private TextMarkers() {}

    /** Emulator and translator faults, and refusals to start a binary. */
    static List<Finding> execution(List<String> lines, String os) {
        List<Finding> out = new ArrayList<>();
        Finding emulator = null;
        Finding refused = null;
        for (int i = 0; i < lines.size() && (emulator == null || refused == null); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty()) {
                continue;
            }
            if (refused == null) {
                refused = execRefused(i, t);
            }
            if (emulator == null) {
                emulator = emulatorFault(i, t, lines);
            }
        }
        if (emulator != null) {
            out.add(emulator);
        }
        if (refused != null) {
            out.add(refused);
        }
        return out;
    }

    /**
     * Whether a refusal in {@code lines} can only be the measured binary's own: every non-blank line is a refusal, a
     * loader line or a shell's report of the death, and none is a program's report of a child it could not start
     * ({@code fork/exec …}).
     */
    static boolean ownRefusal(List<String> lines) {
        for (String line : lines) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("dyld[") || t.startsWith("dyld:") || shellSignal(t) != null) {
                continue;
            }
            if (execRefused(0, t) == null || t.contains("fork/exec ")) {
                return false;
            }
        }
        return true;
    }

    private static Finding execRefused(int i, String t) {
        String l = t.toLowerCase(Locale.ROOT);
        if (l.contains("exec format error")
                || l.contains("bad cpu type in executable")
                || t.contains("arch: posix_spawnp:")
                || t.contains("missing LC_UUID load command")
                || t.contains("dyld: unknown required load command")
                || l.contains("can not run under rosetta")
                || l.contains("cannot run under rosetta")
                || t.contains("rosetta error: failed to open elf")
                || (t.contains("Could not open '") && !t.startsWith("#"))
                || (t.contains("fork/exec ") && t.endsWith(": invalid argument"))) {
            return new Finding(Outcome.EXEC_REFUSED, null, i, t);
        }
        return null;
    }

    private static Finding emulatorFault(int i, String t, List<String> lines) {
        int q = t.indexOf("qemu: uncaught target signal ");
        if (q >= 0) {
            int start = q + "qemu: uncaught target signal ".length();
            int end = start;
            while (end < t.length() && Character.isDigit(t.charAt(end))) {
                end++;
            }
            return new Finding(Outcome.EMULATOR_FAULT, Signals.parse(Signals.LINUX, t.substring(start, end)), i, t);
        }
        if (t.contains("qemu: unhandled CPU exception")
                || t.contains("QEMU internal SIG")
                || (t.startsWith("qemu") && t.contains("Assertion `"))
                || t.contains("tcg fatal error")) {
            return new Finding(Outcome.EMULATOR_FAULT, null, i, t);
        }
        boolean rosettaAssertion = t.startsWith("assertion failed [")
                || t.contains("assertion failed [")
                        && i + 1 < lines.size()
                        && lines.get(i + 1).contains(".cpp:");
        if (t.contains("rosetta error: failed to open elf")) {
            return null;
        }
        if (rosettaAssertion || t.startsWith("rosetta error: ")) {
            String text = t;
            if (i + 1 < lines.size()
                    && lines.get(i + 1).trim().startsWith("(")
                    && lines.get(i + 1).contains(".cpp:")) {
                text = t + " " + lines.get(i + 1).trim();
            }
            return new Finding(Outcome.EMULATOR_FAULT, trapAfter(lines, i), i, text);
        }
        return null;
    }

    private static String trapAfter(List<String> lines, int i) {
        for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
            if (lines.get(j).contains("Trace/breakpoint trap") || lines.get(j).contains("Trace/BPT trap")) {
                return "SIGTRAP";
            }
        }
        return null;
    }

    /**
     * Death-by-signal as shells, {@code os/exec} and zsh report it: {@code Segmentation fault (core dumped)},
     * {@code ./x: line 9: 123 Aborted}, {@code Abort trap: 6}, {@code zsh: bus error}, {@code signal: killed}.
     */
    static Finding shellDeath(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty() || t.contains("qemu: uncaught target signal")) {
                continue;
            }
            String signal = shellSignal(t);
            if (signal != null) {
                return new Finding(Outcome.KILLED, signal, i, t);
            }
        }
        return null;
    }

    /**
     * What the kernel or the system says when it kills a process: the OOM killer ({@code Out of memory: Killed
     * process 1234 (main)}), macOS's code-signing monitor ({@code … denying page sending SIGKILL}, {@code SIGKILL
     * (Code Signature Invalid)}) and fish's {@code terminated by signal SIGKILL}: all name SIGKILL or the signal
     * itself, so no number is read.
     */
    static Finding systemKill(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.contains("Out of memory: Killed process")
                    || t.contains("out of memory: Killed process")
                    || t.contains("Out of memory: Kill process")) {
                return new Finding(Outcome.KILLED, "SIGKILL", i, t);
            }
            if (t.contains("sending SIGKILL") || t.contains("SIGKILL (Code Signature Invalid)")) {
                return new Finding(Outcome.KILLED, "SIGKILL", i, t);
            }
            int by = t.indexOf("terminated by signal SIG");
            if (by >= 0) {
                int start = by + "terminated by signal ".length();
                int end = start;
                while (end < t.length() && (Character.isUpperCase(t.charAt(end)) || Character.isDigit(t.charAt(end)))) {
                    end++;
                }
                String name = t.substring(start, end);
                if (Signals.number(Signals.LINUX, name) > 0 || Signals.number(Signals.DARWIN, name) > 0) {
                    return new Finding(Outcome.KILLED, name, i, t);
                }
            }
        }
        return null;
    }

    private static String shellSignal(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        int zshJob = zshJobReport(l);
        if (zshJob >= 0) {
            return describe(l.substring(zshJob));
        }
        for (String prefix : new String[] {"zsh: ", "signal: ", "sh: "}) {
            int p = l.indexOf(prefix);
            if (p >= 0 && (p == 0 || l.charAt(p - 1) == ' ')) {
                String s = describe(l.substring(p + prefix.length()));
                if (s != null) {
                    return s;
                }
            }
        }
        if (Character.isUpperCase(t.charAt(0))) {
            return describe(l);
        }
        int job = jobReport(l);
        return job >= 0 ? describe(l.substring(job)) : null;
    }

    /**
     * zsh's job reports: {@code [1]    8850 killed     ./main}, {@code [1]  + 12345 segmentation fault  ./main};
     * returns where the description starts, or -1.
     */
    private static int zshJobReport(String l) {
        if (!l.startsWith("[")) {
            return -1;
        }
        int i = 1;
        while (i < l.length() && Character.isDigit(l.charAt(i))) {
            i++;
        }
        if (i == 1 || i >= l.length() || l.charAt(i) != ']') {
            return -1;
        }
        i++;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '+' || l.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < l.length() && Character.isDigit(l.charAt(i))) {
            i++;
        }
        if (i == digits || i >= l.length() || l.charAt(i) != ' ') {
            return -1;
        }
        while (i < l.length() && l.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Bash job reports: {@code ./run.sh: line 9: 28365 Aborted   "$@"}; returns where the description starts. */
    private static int jobReport(String l) {
        int p = l.indexOf(": line ");
        if (p < 0) {
            return -1;
        }
        int i = l.indexOf(": ", p + 7);
        if (i < 0) {
            return -1;
        }
        i += 2;
        while (i < l.length() && Character.isDigit(l.charAt(i))) {
            i++;
        }
        while (i < l.length() && l.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String describe(String rest) {
        for (String d : Signals.descriptions()) {
            if (rest.startsWith(d)) {
                int end = d.length();
                boolean wordEnd = end == rest.length() || !Character.isLetter(rest.charAt(end));
                boolean shortLine = rest.length() <= d.length() + 60;
                if (wordEnd
                        && shortLine
                        && !d.equals("quit")
                        && !(d.equals("abort") && !rest.equals("abort") && !rest.startsWith("abort "))) {
                    return Signals.fromDescription(d);
                }
            }
        }
        return null;
    }

    /** Linker and compiler complaints of a failed build, most specific kind first. */
    static List<Finding> build(List<String> lines) {
        Finding arch = null;
        Finding link = null;
        Finding compile = null;
        boolean skippedIncompatible = false;
        int skippedLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty() || isWarningOnly(t)) {
                continue;
            }
            if (t.contains("skipping incompatible ")) {
                skippedIncompatible = true;
                skippedLine = skippedLine < 0 ? i : skippedLine;
                continue;
            }
            if (arch == null && isArchMismatch(t)) {
                arch = new Finding(Outcome.LINK_ARCH_MISMATCH, null, i, t);
            } else if (link == null && isLinkError(t)) {
                link = new Finding(Outcome.LINK_ERROR, null, i, t);
            } else if (compile == null && isCompileError(t)) {
                compile = new Finding(Outcome.BUILD_ERROR, null, i, t);
            }
        }
        if (arch == null && skippedIncompatible && link != null && link.text().contains("cannot find -l")) {
            arch = new Finding(
                    Outcome.LINK_ARCH_MISMATCH,
                    null,
                    skippedLine,
                    lines.get(skippedLine).trim() + " / " + link.text());
        }
        if (arch == null
                && link != null
                && link.text().startsWith("Undefined symbols for architecture")
                && hasIgnoredFile(lines)) {
            arch = new Finding(
                    Outcome.LINK_ARCH_MISMATCH, null, link.line(), ignoredFileLine(lines) + " / " + link.text());
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : new Finding[] {arch, link, compile}) {
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** Xcode's harmless warnings and every other {@code ld: warning:} that is not an ignored-file warning. */
    private static boolean isWarningOnly(String t) {
        return t.contains("malformed LC_DYSYMTAB")
                || t.contains("ignoring duplicate libraries")
                || (t.startsWith("ld: warning:") && !t.contains("ignoring file"));
    }

    private static boolean isArchMismatch(String t) {
        return t.contains("file in wrong format")
                || t.contains("Relocations in generic ELF")
                || t.contains("is incompatible with")
                || t.contains("incompatible target")
                || t.contains("architecture of input file")
                || (t.contains("ignoring file")
                        && (t.contains("building for")
                                || t.contains("found architecture")
                                || t.contains("which is not the architecture being linked")))
                || t.contains("file was built for") && t.contains("not the architecture being linked")
                || t.contains("but attempting to link with file built for")
                || (t.contains("building for") && t.contains("but linking in object file built for"))
                || (t.contains("found architecture '") && t.contains("required architecture '"));
    }

    private static boolean hasIgnoredFile(List<String> lines) {
        return ignoredFileLine(lines) != null;
    }

    private static String ignoredFileLine(List<String> lines) {
        for (String l : lines) {
            if (l.contains("ignoring file") && (l.contains("building for") || l.contains("found architecture"))) {
                return l.trim();
            }
        }
        return null;
    }

    private static boolean isLinkError(String t) {
        return t.contains("undefined reference to")
                || t.contains("cannot find -l")
                || (t.startsWith("Package ") && t.contains(" was not found in the pkg-config search path"))
                || (t.startsWith("ld: library") && t.contains("not found"))
                || t.contains("library not found for -l")
                || t.startsWith("Undefined symbols for architecture")
                || t.contains("symbol(s) not found")
                || t.contains("ld returned 1 exit status")
                || t.contains("linker command failed")
                || t.contains("multiple definition of")
                || t.contains("duplicate symbol")
                || (t.contains("relocation target ") && t.contains(" not defined"))
                || t.contains("can not be used when making a")
                || t.contains("error: undefined symbol: ")
                || t.startsWith("collect2: fatal error:")
                || t.startsWith("collect2.exe: fatal error:");
    }

    private static boolean isCompileError(String t) {
        if (isAssemblerError(t)
                || t.startsWith("cannot load DWARF output from ")
                || t.startsWith("cannot load imported symbols from ELF file")) {
            return true;
        }
        if (t.contains("invalid flag in #cgo")
                || t.startsWith("cgo: ")
                || t.contains(": error: ")
                || t.startsWith("error: ")
                || t.contains("fatal error: ") && t.contains(".h")) {
            return true;
        }
        return isGoCompileError(t);
    }

    /** GNU as: {@code gcc_arm64.S:30: Error: no such instruction: `stp x29,x30,[sp,'}. */
    private static boolean isAssemblerError(String t) {
        int e = t.indexOf(": Error: ");
        if (e <= 0) {
            return false;
        }
        int colon = t.lastIndexOf(':', e - 1);
        String file = colon > 0 ? t.substring(0, colon) : t.substring(0, e);
        return file.endsWith(".S")
                || file.endsWith(".s")
                || file.endsWith(".asm")
                || file.endsWith(".c")
                || file.endsWith(".cc")
                || file.endsWith(".cpp")
                || file.startsWith("{standard input}");
    }

    /**
     * Linker and compiler warnings of a build: {@code ld: warning: …}, {@code file:line:col: warning: …},
     * {@code warning: …}; the first ones as written, at most {@code max}.
     */
    static List<Finding> warnings(List<String> lines, int max) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < lines.size() && out.size() < max; i++) {
            String t = lines.get(i).trim();
            if (t.startsWith("ld: warning:")
                    || t.startsWith("warning: ")
                    || t.contains(": warning: ")
                    || t.startsWith("ld64.lld: warning:")
                    || t.contains("/ld: warning:")) {
                out.add(new Finding(Outcome.PASS, null, i, t));
            }
        }
        return out;
    }

    /** {@code file.go:6:14: message}, the form of Go compile and vet errors. */
    private static boolean isGoCompileError(String t) {
        int go = t.indexOf(".go:");
        if (go <= 0) {
            return false;
        }
        int i = go + 4;
        int digits = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0 || i >= t.length() || t.charAt(i) != ':') {
            return false;
        }
        String rest = t.substring(i + 1);
        int j = 0;
        while (j < rest.length() && Character.isDigit(rest.charAt(j))) {
            j++;
        }
        if (j < rest.length() && rest.charAt(j) == ':') {
            rest = rest.substring(j + 1);
        }
        return rest.startsWith(" ")
                && !rest.startsWith(" note:")
                && !rest.startsWith(" warning:")
                && !rest.trim().startsWith("+0x")
                && !rest.isBlank();
    }
}
