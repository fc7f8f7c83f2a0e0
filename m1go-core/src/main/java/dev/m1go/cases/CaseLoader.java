package dev.m1go.cases;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.m1go.core.Mappers;
import dev.m1go.settings.PropertyNames;
import dev.m1go.toolchain.GoVersionRange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads cases: the bundled catalog (the {@code reproducer-cases} jar, resources under {@value #BUNDLED}) and,
 * optionally, a user directory with the same layout (one directory per case holding {@code case.yaml} and its
 * sources). A user case with the id of a bundled one replaces it.
 */
public final class CaseLoader {

    public static final String BUNDLED = "m1go/cases";
    public static final String DESCRIPTOR = "case.yaml";
    public static final String DEFAULT_MARKER = "M1GO_OK";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final ObjectMapper yaml = Mappers.yaml();

    /** The bundled catalog, sorted by id. */
    public List<ReproCase> bundled() throws CaseDefinitionException {
        URL url = CaseLoader.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            throw new CaseDefinitionException("The bundled case catalog (" + BUNDLED
                    + ") is not on the plugin's class path: " + "the dev.m1go:reproducer-cases jar is missing");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return loadDirectory(fs.getPath("/" + BUNDLED), "bundled");
            }
            return loadDirectory(Path.of(uri), "bundled");
        } catch (URISyntaxException | IOException e) {
            throw new CaseDefinitionException(
                    "Cannot read the bundled case catalog at " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every case below {@code dir} (each subdirectory with a {@code case.yaml}).
     *
     * @throws CaseDefinitionException naming the file and field that is wrong, or the directory when it holds no case
     */
    public List<ReproCase> directory(Path dir) throws CaseDefinitionException {
        if (!Files.isDirectory(dir)) {
            throw new CaseDefinitionException("m1go.casesDirectory is " + dir + ", which is not a directory: "
                    + "point it at a directory with one subdirectory per case, each holding case.yaml");
        }
        try {
            List<ReproCase> cases = loadDirectory(dir, dir.toString());
            if (cases.isEmpty()) {
                throw new CaseDefinitionException(
                        "m1go.casesDirectory " + dir + " has no case: each case is a subdirectory "
                                + "holding case.yaml and its Go and C sources (see the case template in the README)");
            }
            return cases;
        } catch (IOException e) {
            throw new CaseDefinitionException("Cannot read m1go.casesDirectory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Bundled cases, replaced or extended by the user's, then filtered by id (empty filter: all). */
    public List<ReproCase> load(Path userDirectory, List<String> ids) throws CaseDefinitionException {
        Map<String, ReproCase> byId = new TreeMap<>();
        bundled().forEach(c -> byId.put(c.id(), c));
        if (userDirectory != null) {
            directory(userDirectory).forEach(c -> byId.put(c.id(), c));
        }
        if (ids.isEmpty()) {
            return List.copyOf(byId.values());
        }
        List<ReproCase> selected = new ArrayList<>();
        for (String id : ids) {
            ReproCase c = byId.get(id.trim());
            if (c == null) {
                throw new CaseDefinitionException("Unknown case '" + id.trim() + "' in " + PropertyNames.CASES
                        + PropertyNames.didYouMean(id, byId.keySet()) + ": known cases are "
                        + String.join(", ", byId.keySet())
                        + (userDirectory == null ? " (add your own with m1go.casesDirectory)" : ""));
            }
            if (!selected.contains(c)) {
                selected.add(c);
            }
        }
        selected.sort(java.util.Comparator.comparing(ReproCase::id));
        return List.copyOf(selected);
    }

    private List<ReproCase> loadDirectory(Path root, String origin) throws IOException, CaseDefinitionException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            // Hidden directories (.git, a case being written by m1go:minimize) are not cases.
            dirs = s.filter(p ->
                            !p.getFileName().toString().startsWith(".") && Files.isRegularFile(p.resolve(DESCRIPTOR)))
                    .sorted()
                    .toList();
        }
        List<ReproCase> cases = new ArrayList<>();
        for (Path d : dirs) {
            cases.add(loadCase(d, origin));
        }
        return cases;
    }

    /** One case directory. */
    public ReproCase loadCase(Path dir, String origin) throws IOException, CaseDefinitionException {
        String id = dir.getFileName().toString().replace("/", "");
        Path descriptorFile = dir.resolve(DESCRIPTOR);
        String where = origin.equals("bundled") ? "bundled case " + id + "/" + DESCRIPTOR : descriptorFile.toString();
        if (!ID.matcher(id).matches()) {
            throw new CaseDefinitionException(where + ": the directory name '" + id
                    + "' is the case id and must use only " + "lower-case letters, digits and '-'");
        }
        CaseDescriptor d = parse(descriptorFile, where);
        return validate(id, origin, where, d, CaseFiles.read(dir));
    }

    private CaseDescriptor parse(Path file, String where) throws IOException, CaseDefinitionException {
        String text = Files.readString(file);
        if (text.isBlank()) {
            throw new CaseDefinitionException(
                    where + " is empty: it needs at least 'description' and 'expect.outcome'");
        }
        try {
            return yaml.readValue(text, CaseDescriptor.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null
                    ? ""
                    : e.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
            throw new CaseDefinitionException(where + at(e.getLocation()) + ": unknown field '" + path(e) + "'"
                    + (known.isEmpty() ? "" : "; fields allowed there: " + known));
        } catch (MismatchedInputException e) {
            throw new CaseDefinitionException(where + at(e.getLocation()) + ": field '" + path(e)
                    + "' has the wrong type (" + e.getOriginalMessage().split("\n")[0] + ")");
        } catch (JsonProcessingException e) {
            throw new CaseDefinitionException(
                    where + at(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : " line " + loc.getLineNr();
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private ReproCase validate(String id, String origin, String where, CaseDescriptor d, Map<String, byte[]> files)
            throws CaseDefinitionException {
        if (d.description() == null || d.description().isBlank()) {
            throw missing(where, "description", "one sentence saying what the case reproduces");
        }
        if (files.keySet().stream().noneMatch(f -> f.endsWith(".go"))) {
            throw new CaseDefinitionException(
                    where + ": the case directory has no .go file: put the Go program (package "
                            + "main, with import \"C\") next to " + DESCRIPTOR);
        }
        Library library = null;
        if (d.library() != null) {
            CaseDescriptor.LibraryPart l = d.library();
            if (l.name() == null || !l.name().matches("[A-Za-z0-9_]+")) {
                throw missing(where, "library.name", "the library name: 'hello' builds libhello.a");
            }
            if (l.sources() == null || l.sources().isEmpty()) {
                throw missing(where, "library.sources", "the C files compiled into lib" + l.name() + ".a");
            }
            for (String s : l.sources()) {
                if (!files.containsKey(s)) {
                    throw new CaseDefinitionException(
                            where + ": field 'library.sources' names " + s + ", which is not in the case directory");
                }
                if (!s.contains("/")) {
                    throw new CaseDefinitionException(
                            where + ": field 'library.sources' names " + s + ", which sits next "
                                    + "to the Go files: cgo would compile it into the binary itself and the library would not "
                                    + "matter; move it into a subdirectory (for example c/" + s + ")");
                }
            }
            String arch = l.arch() == null ? "target" : l.arch();
            if (!arch.equals("target") && !arch.equals("other")) {
                throw new CaseDefinitionException(
                        where + ": field 'library.arch' is '" + arch + "': use 'target' (built for "
                                + "the binary's architecture, the default) or 'other' (built for another architecture)");
            }
            library = new Library(l.name(), l.sources(), orEmpty(l.cflags()), arch.equals("other"));
        }
        List<Variant> variants = new ArrayList<>(List.of(Variant.defaultVariant()));
        List<CaseDescriptor.VariantPart> vs = d.variants() == null ? List.of() : d.variants();
        for (int i = 0; i < vs.size(); i++) {
            CaseDescriptor.VariantPart v = vs.get(i);
            if (v.name() == null || !ID.matcher(v.name()).matches() || v.name().equals(Variant.DEFAULT)) {
                throw missing(
                        where,
                        "variants[" + i + "].name",
                        "a name of lower-case letters, digits and '-', " + "other than '" + Variant.DEFAULT + "'");
            }
            if (variants.stream().anyMatch(x -> x.name().equals(v.name()))) {
                throw new CaseDefinitionException(
                        where + ": field 'variants[" + i + "].name': '" + v.name() + "' is used twice");
            }
            variants.add(new Variant(v.name(), orEmpty(v.buildEnv()), orEmpty(v.env())));
        }
        Expectation expectation = ExpectationReader.read(where, "expect", d.expect(), variants);
        String marker = DEFAULT_MARKER;
        boolean markerOnStderr = false;
        if (d.marker() != null) {
            if (d.marker().text() == null || d.marker().text().isBlank()) {
                throw missing(where, "marker.text", "the line the program prints as its last act");
            }
            marker = d.marker().text();
            String stream = d.marker().stream() == null ? "stdout" : d.marker().stream();
            if (!stream.equals("stdout") && !stream.equals("stderr")) {
                throw new CaseDefinitionException(
                        where + ": field 'marker.stream' is '" + stream + "': use stdout " + "(the default) or stderr");
            }
            markerOnStderr = stream.equals("stderr");
        }
        Duration timeout = null;
        if (d.run() != null && d.run().timeoutSeconds() != null) {
            if (d.run().timeoutSeconds() < 1) {
                throw new CaseDefinitionException(where + ": field 'run.timeoutSeconds' must be at least 1");
            }
            timeout = Duration.ofSeconds(d.run().timeoutSeconds());
        }
        GoVersionRange goVersions = null;
        if (d.goVersions() != null) {
            try {
                goVersions = GoVersionRange.parse(d.goVersions());
            } catch (IllegalArgumentException e) {
                throw new CaseDefinitionException(where + ": field 'goVersions': " + e.getMessage()
                        + " (examples: \"1.23, 1.26\" or \">=1.22\")");
            }
        }
        return new ReproCase(
                id,
                d.description().strip(),
                origin,
                files,
                library,
                d.build() == null ? Map.of() : orEmpty(d.build().env()),
                d.run() == null ? List.of() : orEmpty(d.run().args()),
                d.run() == null ? Map.of() : orEmpty(d.run().env()),
                marker,
                markerOnStderr,
                timeout,
                variants,
                expectation,
                orEmpty(d.reference()),
                goVersions,
                null);
    }

    private static CaseDefinitionException missing(String where, String field, String what) {
        return ExpectationReader.missing(where, field, what);
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static Map<String, String> orEmpty(Map<String, String> m) {
        if (m == null) {
            return Map.of();
        }
        Map<String, String> copy = new TreeMap<>();
        m.forEach((k, v) -> copy.put(k, Objects.toString(v, "")));
        return copy;
    }
}
