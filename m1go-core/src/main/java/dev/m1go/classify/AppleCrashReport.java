package dev.m1go.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A macOS crash report, in its text form ({@code Exception Type: EXC_BAD_ACCESS (SIGSEGV)}, {@code Code Type:
 * X86-64 (Translated)}, {@code Thread 3 Crashed:} and its frames) or as the {@code .ips} JSON of macOS 12 and later (a
 * one-line header object, then an object with {@code exception}, {@code termination}, {@code translated},
 * {@code cpuType}, {@code threads} and {@code usedImages}). The report names the signal itself, so no signal number is
 * read; "Translated" (or {@code "translated" : true}) means the process ran under Rosetta.
 *
 * <p>What it argues for:
 * <ul>
 * <li>{@link Outcome#KILLED} SIGKILL when the code-signing monitor killed the process ({@code Code Signature
 *     Invalid}, namespace {@code CODESIGNING});</li>
 * <li>{@link Outcome#EMULATOR_FAULT} when the crashed thread's innermost frame is in Rosetta's own runtime;</li>
 * <li>{@link Outcome#CGO_SIGNAL} when the crashed thread's innermost frames are C frames directly under the cgo
 *     boundary ({@code runtime.asmcgocall}, {@code crosscall2}, {@code _cgo_…}, {@code _Cfunc_…});</li>
 * <li>else {@link Outcome#KILLED} with the report's signal: the process died by it and this report is not a Go
 *     crash report (one printed by the runtime, when there is one, ranks above).</li>
 * </ul>
 *
 * @param outcome    the outcome the report argues for
 * @param signal     the signal it names, or null
 * @param inCgo      the signal arrived in C code under a cgo call
 * @param translated the process ran translated (Rosetta)
 * @param summary    one line for a person
 * @param frames     the crashed thread's frames (symbols, innermost first), at most {@value #MAX_FRAMES}
 * @param lines      indices of the lines that are the evidence
 */
record AppleCrashReport(
        Outcome outcome,
        String signal,
        boolean inCgo,
        boolean translated,
        String summary,
        List<String> frames,
        List<Integer> lines) {

    static final int MAX_FRAMES = 8;
    private static final ObjectMapper JSON = dev.m1go.core.Mappers.json();

    AppleCrashReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(summary, "summary");
        frames = List.copyOf(frames);
        lines = List.copyOf(lines);
    }

    /** One frame: the image (binary or library) and the symbol. */
    private record Frame(String image, String symbol) {}

    /** The report in {@code lines}, or null when they hold none. */
    static AppleCrashReport read(List<String> lines) {
        AppleCrashReport text = readText(lines);
        return text != null ? text : readIps(lines);
    }

    private static AppleCrashReport readText(List<String> lines) {
        int exceptionLine = -1;
        int codeTypeLine = -1;
        int terminationLine = -1;
        int crashedAt = -1;
        boolean reportContext = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (exceptionLine < 0 && t.startsWith("Exception Type:")) {
                exceptionLine = i;
            } else if (codeTypeLine < 0 && t.startsWith("Code Type:")) {
                codeTypeLine = i;
            } else if (terminationLine < 0 && t.startsWith("Termination Reason:")) {
                terminationLine = i;
            } else if (crashedAt < 0 && t.startsWith("Thread ") && t.contains(" Crashed:")) {
                crashedAt = i;
            }
            reportContext |= t.startsWith("Process:")
                    || t.startsWith("Crashed Thread:")
                    || t.startsWith("OS Version:")
                    || t.startsWith("Exception Codes:");
        }
        if (exceptionLine < 0 || !(reportContext || codeTypeLine >= 0)) {
            return null;
        }
        String exception = value(lines.get(exceptionLine));
        String codeType = codeTypeLine < 0 ? "" : value(lines.get(codeTypeLine));
        String termination = terminationLine < 0 ? "" : value(lines.get(terminationLine));
        List<Frame> frames = new ArrayList<>();
        if (crashedAt >= 0) {
            for (int i = crashedAt + 1; i < lines.size() && frames.size() < 64; i++) {
                Frame f = textFrame(lines.get(i).trim());
                if (f == null) {
                    break;
                }
                frames.add(f);
            }
        }
        List<Integer> evidence = new ArrayList<>();
        evidence.add(exceptionLine);
        if (codeTypeLine >= 0) {
            evidence.add(codeTypeLine);
        }
        if (terminationLine >= 0) {
            evidence.add(terminationLine);
        }
        boolean translated = codeType.contains("(Translated)");
        boolean codeSigning = exception.contains("Code Signature Invalid") || termination.contains("CODESIGNING");
        String header = "Exception Type: " + exception + (codeType.isEmpty() ? "" : ", Code Type: " + codeType);
        return decide(signalIn(exception), codeSigning, translated, header, frames, evidence);
    }

    /** {@code 0   libsystem_kernel.dylib        0x00007fff20325f86 swtch_pri + 10}, or null. */
    private static Frame textFrame(String t) {
        int digits = 0;
        while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
            digits++;
        }
        int address = t.indexOf("0x", digits);
        if (digits == 0 || digits >= t.length() || !Character.isWhitespace(t.charAt(digits)) || address < 0) {
            return null;
        }
        String image = t.substring(digits, address).trim();
        int space = t.indexOf(' ', address);
        String symbol = space < 0 ? "???" : symbolOf(t.substring(space + 1));
        return new Frame(image.isEmpty() ? "?" : image, symbol);
    }

    /** {@code swtch_pri + 10} becomes {@code swtch_pri}; {@code 0x100000000 + 8273} becomes {@code ???}. */
    private static String symbolOf(String s) {
        String t = s.trim();
        int plus = t.lastIndexOf(" + ");
        String name = plus > 0 ? t.substring(0, plus).trim() : t;
        int paren = name.indexOf(" (");
        name = paren > 0 ? name.substring(0, paren) : name;
        return name.isEmpty() || name.startsWith("0x") ? "???" : name;
    }

    private static AppleCrashReport readIps(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            String t = lines.get(i).trim();
            if (t.startsWith("{") && t.contains("\"bug_type\"") && t.endsWith("}")) {
                start = i + 1;
            }
        }
        for (int i = 0; i < lines.size() && start < 0; i++) {
            // a report pasted from inside its second object: its exception field is still the evidence
            String t = lines.get(i).trim();
            if (t.startsWith("\"exception\" : {") && t.contains("\"type\"")) {
                start = 0;
            }
        }
        if (start < 0) {
            return null;
        }
        StringBuilder body = new StringBuilder();
        int exceptionLine = -1;
        int translatedLine = -1;
        int terminationLine = -1;
        for (int i = start; i < lines.size(); i++) {
            String l = lines.get(i);
            body.append(l).append('\n');
            if (exceptionLine < 0 && l.contains("\"exception\"")) {
                exceptionLine = i;
            }
            if (translatedLine < 0 && l.contains("\"translated\"")) {
                translatedLine = i;
            }
            if (terminationLine < 0 && l.contains("\"termination\"")) {
                terminationLine = i;
            }
        }
        if (exceptionLine < 0) {
            return null;
        }
        String text = body.toString();
        JsonNode root = parse(text);
        String type;
        String signal;
        boolean translated;
        String cpu;
        String namespace;
        String indicator;
        List<Frame> frames = new ArrayList<>();
        if (root != null) {
            JsonNode ex = root.path("exception");
            type = ex.path("type").asText("");
            signal = ex.path("signal").asText("");
            translated = root.path("translated").asBoolean(false);
            cpu = root.path("cpuType").asText("");
            namespace = root.path("termination").path("namespace").asText("");
            indicator = root.path("termination").path("indicator").asText("");
            frames = ipsFrames(root);
        } else {
            type = field(text, "\"type\"");
            signal = field(text, "\"signal\"");
            translated = text.contains("\"translated\" : true") || text.contains("\"translated\":true");
            cpu = field(text, "\"cpuType\"");
            namespace = field(text, "\"namespace\"");
            indicator = field(text, "\"indicator\"");
        }
        List<Integer> evidence = new ArrayList<>();
        evidence.add(exceptionLine);
        if (translatedLine >= 0) {
            evidence.add(translatedLine);
        }
        if (terminationLine >= 0) {
            evidence.add(terminationLine);
        }
        boolean codeSigning = namespace.equals("CODESIGNING") || signal.contains("Code Signature Invalid");
        String header = "exception " + type + (signal.isEmpty() ? "" : " (" + signal + ")")
                + (cpu.isEmpty() ? "" : ", cpuType " + cpu) + (translated ? ", translated" : "")
                + (indicator.isEmpty() ? "" : ", termination " + namespace + " " + indicator);
        return decide(signalIn(signal.isEmpty() ? type : signal), codeSigning, translated, header, frames, evidence);
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The frames of the thread marked {@code "triggered": true}, with image names from {@code usedImages}. */
    private static List<Frame> ipsFrames(JsonNode root) {
        List<Frame> out = new ArrayList<>();
        JsonNode images = root.path("usedImages");
        for (JsonNode thread : root.path("threads")) {
            if (!thread.path("triggered").asBoolean(false)) {
                continue;
            }
            for (JsonNode f : thread.path("frames")) {
                int index = f.path("imageIndex").asInt(-1);
                String image = index >= 0 && index < images.size()
                        ? images.get(index).path("name").asText("?")
                        : "?";
                String symbol = f.path("symbol").asText("???");
                out.add(new Frame(image.isEmpty() ? "?" : image, symbol.isEmpty() ? "???" : symbol));
                if (out.size() >= 64) {
                    break;
                }
            }
            break;
        }
        return out;
    }

    /** The string value after {@code "key" :} in a JSON text, or "" (for a report pasted only in part). */
    private static String field(String text, String key) {
        int k = text.indexOf(key);
        if (k < 0) {
            return "";
        }
        int colon = text.indexOf(':', k + key.length());
        int open = colon < 0 ? -1 : text.indexOf('"', colon);
        int close = open < 0 ? -1 : text.indexOf('"', open + 1);
        if (open < 0 || close < 0 || open - colon > 3) {
            return "";
        }
        return text.substring(open + 1, close);
    }

    private static String value(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).trim();
    }

    /** The first {@code SIGxxx} word of {@code s}, or null. */
    private static String signalIn(String s) {
        int at = s.indexOf("SIG");
        while (at >= 0) {
            int end = at + 3;
            while (end < s.length() && Character.isUpperCase(s.charAt(end))) {
                end++;
            }
            String name = s.substring(at, end);
            if (Signals.number(Signals.DARWIN, name) > 0) {
                return name;
            }
            at = s.indexOf("SIG", end);
        }
        return null;
    }

    private static AppleCrashReport decide(
            String signal,
            boolean codeSigning,
            boolean translated,
            String header,
            List<Frame> frames,
            List<Integer> evidence) {
        List<String> symbols =
                frames.stream().map(Frame::symbol).limit(MAX_FRAMES).toList();
        String where = frames.isEmpty()
                ? ""
                : "; crashed in " + frames.get(0).symbol() + " ("
                        + frames.get(0).image() + ")";
        String rosetta = translated ? ", translated by Rosetta" : "";
        if (codeSigning) {
            return new AppleCrashReport(
                    Outcome.KILLED,
                    "SIGKILL",
                    false,
                    translated,
                    "macOS killed the process: its code signature is invalid (" + header + ")",
                    symbols,
                    evidence);
        }
        if (!frames.isEmpty() && frames.get(0).image().toLowerCase(Locale.ROOT).contains("rosetta")) {
            return new AppleCrashReport(
                    Outcome.EMULATOR_FAULT,
                    signal,
                    false,
                    true,
                    "Rosetta's own runtime crashed (" + header + ")" + where,
                    symbols,
                    evidence);
        }
        int boundary = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (isCgoBoundary(frames.get(i).symbol())) {
                boundary = i;
                break;
            }
        }
        boolean cAbove = boundary > 0;
        for (int i = 0; i < boundary; i++) {
            String s = frames.get(i).symbol();
            cAbove &= !s.startsWith("runtime.") && !s.startsWith("main.") && !s.contains("/");
        }
        if (cAbove && signal != null) {
            return new AppleCrashReport(
                    Outcome.CGO_SIGNAL,
                    signal,
                    true,
                    translated,
                    "Apple crash report: " + header + rosetta + where + ", under the cgo call "
                            + frames.get(boundary).symbol(),
                    symbols,
                    evidence);
        }
        return new AppleCrashReport(
                Outcome.KILLED,
                signal,
                false,
                translated,
                "Apple crash report: " + header + rosetta + where + "; no Go crash report",
                symbols,
                evidence);
    }

    private static boolean isCgoBoundary(String s) {
        return s.startsWith("runtime.asmcgocall")
                || s.startsWith("runtime.cgocall")
                || s.startsWith("crosscall2")
                || s.contains("_cgo_")
                || s.contains("_Cfunc_")
                || s.startsWith("x_cgo_");
    }
}
