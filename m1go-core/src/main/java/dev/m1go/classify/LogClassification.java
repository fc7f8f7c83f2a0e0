package dev.m1go.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.core.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The logic behind {@code m1go:classify}: lists the log files, decides each one's OS, classifies it and renders one
 * line of JSON per file. Knows nothing about Maven; the goal only maps parameters and errors.
 */
public final class LogClassification {

    /** The values {@code os} may take. */
    public static final List<String> OPERATING_SYSTEMS = List.of(Signals.DARWIN, Signals.LINUX);

    private static final ObjectMapper JSON = Mappers.json();

    private final Classifier classifier;
    private final String hostOs;

    /**
     * @param classifier the classifier to apply
     * @param hostOs     the OS to assume when neither the caller, the log header nor the text says
     */
    public LogClassification(Classifier classifier, String hostOs) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.hostOs = requireOs(hostOs);
    }

    /** The host OS as m1go names it, from a Java {@code os.name} value. */
    public static String osOf(String javaOsName) {
        String n = javaOsName == null ? "" : javaOsName.toLowerCase(Locale.ROOT);
        return n.contains("mac") || n.contains("darwin") ? Signals.DARWIN : Signals.LINUX;
    }

    /**
     * Checks an OS value.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code os} is not one of them
     */
    public static String requireOs(String os) {
        if (os == null || !OPERATING_SYSTEMS.contains(os)) {
            throw new IllegalArgumentException(
                    "unknown OS '" + os + "': accepted values are " + String.join(", ", OPERATING_SYSTEMS));
        }
        return os;
    }

    /**
     * The files to classify: {@code path} itself when it is a file, else every regular file directly in the
     * directory, sorted by name.
     *
     * @throws NoSuchFileException when {@code path} does not exist
     * @throws IOException         when the directory cannot be listed
     */
    public static List<Path> logFiles(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile)
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    /**
     * Classifies every log under {@code path} and returns one JSON line per file, in file-name order.
     *
     * @param osOverride {@code darwin}, {@code linux}, or null to use the log header, then a guess from the text,
     *                   then the host OS
     * @throws IOException naming the file that could not be read
     */
    public List<String> jsonLines(Path path, String osOverride) throws IOException {
        if (osOverride != null) {
            requireOs(osOverride);
        }
        List<String> out = new ArrayList<>();
        for (Path file : logFiles(path)) {
            out.add(jsonLine(file.getFileName().toString(), reading(read(file), osOverride)));
        }
        return out;
    }

    /** Classifies one log's text. */
    public Classification classify(String text, String osOverride) {
        return reading(text, osOverride).classification();
    }

    /**
     * Classifies one log's text and says what the outcome rests on; evidence line numbers count the lines of the
     * text as given, header lines included.
     */
    public Reading reading(String text, String osOverride) {
        LogFile log = LogFile.parse(text);
        int headerLines = 0;
        int bodyStart = text.length() - log.body().length();
        for (int i = 0; i < bodyStart; i++) {
            if (text.charAt(i) == '\n') {
                headerLines++;
            }
        }
        return classifier.read(log.toEvidence(osFor(log, osOverride))).shiftedBy(headerLines);
    }

    /** The OS for a log: the override, else its {@code # os:} header, else a guess from the text, else the host. */
    String osFor(LogFile log, String osOverride) {
        if (osOverride != null) {
            return osOverride;
        }
        String header = log.header("os");
        if (header != null && OPERATING_SYSTEMS.contains(header)) {
            return header;
        }
        return guessOs(log.body(), hostOs);
    }

    /**
     * Guesses the OS from what the text mentions (dyld, Mach-O, macOS- targets, /Users/ and Apple shells' signal
     * descriptions for macOS; ELF, /usr/bin/ld, collect2, qemu, /home/ and glibc's descriptions for Linux).
     *
     * @return the OS with more hints, or {@code fallback} on a tie
     */
    public static String guessOs(String text, String fallback) {
        String sample = text.length() > 200_000 ? text.substring(0, 200_000) : text;
        int darwin = count(
                sample,
                "dyld",
                "Mach-O",
                "macOS-",
                "darwin/",
                "darwin_",
                "/Users/",
                "/private/var/",
                "Abort trap",
                "Bus error: 10",
                "Segmentation fault: 11",
                "Undefined symbols for architecture",
                "ld: warning: ignoring file",
                "Rosetta",
                "posix_spawnp",
                "/opt/homebrew/",
                "bad CPU type");
        int linux = count(
                sample,
                "ELF",
                "/usr/bin/ld",
                "collect2",
                "qemu",
                "linux/",
                "linux_",
                "/home/",
                "Segmentation fault (core dumped)",
                "Aborted",
                "binfmt",
                "ld-linux",
                "/lib64/",
                "undefined reference");
        if (darwin == linux) {
            return fallback;
        }
        return darwin > linux ? Signals.DARWIN : Signals.LINUX;
    }

    private static int count(String text, String... hints) {
        int n = 0;
        for (String h : hints) {
            if (text.contains(h)) {
                n++;
            }
        }
        return n;
    }

    /** The largest log {@code m1go:classify} reads. */
    public static final long MAX_LOG_BYTES = 1L << 30;
    /** How much of a log's beginning and end is classified; a longer middle is left out, as for a run's output. */
    static final int HEAD_BYTES = 8 << 20;

    static final int TAIL_BYTES = 8 << 20;

    /**
     * Reads a log as UTF-8 (malformed bytes replaced), streaming: only its first and last {@value #HEAD_BYTES} bytes
     * stay in memory, and an input that goes on past {@value #MAX_LOG_BYTES} bytes (a huge file, a pipe that never
     * ends) is refused with its name rather than read on.
     */
    static String read(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), file.getFileName().toString());
        } catch (LogTooLargeException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e, e);
        }
    }

    /**
     * Reads a log from a stream (standard input: a pasted log, {@code pbpaste |}) as {@link #read(Path)} reads a file.
     *
     * @param name   how the input is named in an error ({@code standard input})
     * @param sample the name an example command gives the input
     */
    static String read(java.io.InputStream in, String name, String sample) throws IOException {
        dev.m1go.exec.BoundedCapture text = dev.m1go.exec.BoundedCapture.inMemory(HEAD_BYTES, TAIL_BYTES);
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (text.total() + n > MAX_LOG_BYTES) {
                throw new LogTooLargeException(name + " is larger than " + (MAX_LOG_BYTES >> 20) + " MiB, the most "
                        + "m1go:classify reads; give the part that holds the crash (for example: tail -c 100M "
                        + sample + " > crash.log)");
            }
            text.write(buffer, 0, n);
        }
        return text.text();
    }

    /**
     * Classifies one log read from a stream and returns its JSON line, whose {@code file} is {@code name}.
     *
     * @throws IOException when the stream cannot be read or goes on past {@link #MAX_LOG_BYTES}
     */
    public String jsonLine(java.io.InputStream in, String name, String osOverride) throws IOException {
        if (osOverride != null) {
            requireOs(osOverride);
        }
        return jsonLine(name, reading(read(in, name, "crash.txt"), osOverride));
    }

    /** A log over {@link #MAX_LOG_BYTES}. */
    public static final class LogTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        LogTooLargeException(String message) {
            super(message);
        }
    }

    /**
     * One line of JSON: {@code file}, {@code outcome}, {@code signal}, {@code inCgo}, {@code signature},
     * {@code summary}, {@code header}, {@code frames}, in that order.
     */
    public static String jsonLine(String file, Classification c) {
        return json(file, fields(c));
    }

    /**
     * One line of JSON: the fields of {@link #jsonLine(String, Classification)}, then {@code confidence}
     * ({@code HIGH}, {@code MEDIUM}, {@code LOW}), {@code assessment} (one sentence), {@code evidence} (the lines the
     * outcome rests on, {@code {line, text}}) and {@code normalized} (what was done to the text first).
     */
    public static String jsonLine(String file, Reading r) {
        Map<String, Object> m = fields(r.classification());
        m.put("confidence", r.confidence().name());
        m.put("assessment", r.assessment());
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (EvidenceLine e : r.evidence()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", e.line());
            line.put("text", e.text());
            evidence.add(line);
        }
        m.put("evidence", evidence);
        m.put("normalized", r.normalization());
        return json(file, m);
    }

    private static Map<String, Object> fields(Classification c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", c.outcome().name());
        m.put("signal", c.signal());
        m.put("inCgo", c.inCgo());
        m.put("signature", c.signature());
        m.put("summary", c.summary());
        m.put("header", c.header());
        m.put("frames", c.frames());
        return m;
    }

    private static String json(String file, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.putAll(fields);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON for " + file, e);
        }
    }
}
