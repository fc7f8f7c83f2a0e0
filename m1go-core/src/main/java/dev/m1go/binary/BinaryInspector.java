package dev.m1go.binary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.core.Mappers;
import dev.m1go.host.Arch;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads {@link BinaryFacts} from files and says what is wrong with them for a target: the logic of
 * {@code m1go:inspect} and of {@code build.binaryFacts}. Reads only the files' bytes; runs nothing.
 */
public final class BinaryInspector {

    private static final ObjectMapper JSON = Mappers.json();
    private static final int MAX_DEPTH = 8;

    private BinaryInspector() {}

    /**
     * The facts of one file, named {@code name} in the result.
     *
     * @throws IOException when the file cannot be read
     */
    public static BinaryFacts read(Path file, String name) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return unknown(name, "empty file");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
            return facts(new Bytes(map, ByteOrder.LITTLE_ENDIAN), name);
        }
    }

    /**
     * The facts of bytes already in memory. Never throws: a malformed file is a format of {@code unknown} with one
     * finding that names the file and the field; so is a file m1go fails to read for a reason of its own.
     */
    static BinaryFacts facts(Bytes b, String name) {
        try {
            return parse(b, name);
        } catch (Bytes.Malformed e) {
            return unknown(name, e.finding(name));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | InternalError e) {
            // A fault of m1go's, or the file shrank under the mapping (InternalError): this file only, not the walk.
            return unknown(name, name + ": m1go could not read it (" + e + ")");
        }
    }

    /**
     * The facts of bytes already in memory, by their format.
     *
     * @throws Bytes.Malformed when a length, count or offset of the file contradicts its bytes; anything else thrown
     *                         is a fault of m1go's (the fuzz tests hold the readers to this)
     */
    static BinaryFacts parse(Bytes b, String name) {
        if (ElfFile.is(b)) {
            return ElfFile.of(b).facts(name);
        }
        if (MachOFile.isFat(b)) {
            return MachOFile.fat(b, name);
        }
        if (MachOFile.isThin(b)) {
            return MachOFile.thin(b, name);
        }
        if (ArArchive.is(b)) {
            return ArArchive.facts(b, name);
        }
        return unknown(name, null);
    }

    /** The facts of a file m1go does not read, with a finding or none. */
    static BinaryFacts unknown(String name, String finding) {
        return new BinaryFacts(
                name,
                "unknown",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                finding == null ? List.of() : List.of(finding));
    }

    /**
     * What {@link #inspectAll} found.
     *
     * @param facts      the facts of every file read, in path order
     * @param unreadable each file that could not be read, with why ({@code /lib/x.so: Permission denied})
     */
    public record Inspection(List<BinaryFacts> facts, List<String> unreadable) {

        public Inspection {
            facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
            unreadable = List.copyOf(Objects.requireNonNull(unreadable, "unreadable"));
        }
    }

    /**
     * Inspects {@code path}: itself when it is a file, else every regular file in the directory and its
     * subdirectories (to a depth of {@value #MAX_DEPTH}) in path order, each named relative to the directory. Each
     * file's facts go to {@code each} as soon as they are known. A file or subdirectory that cannot be read is listed
     * in {@link Inspection#unreadable()} and the others are still inspected; a malformed file is one finding of its
     * own.
     *
     * @param target the architecture the files should be for, or null
     * @throws NoSuchFileException when {@code path} does not exist
     * @throws IOException         when the directory cannot be listed at all
     */
    public static Inspection inspectAll(Path path, Arch target, Consumer<BinaryFacts> each) throws IOException {
        Objects.requireNonNull(each, "each");
        boolean directory = Files.isDirectory(path);
        List<BinaryFacts> all = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path f : files(path, unreadable)) {
            String name =
                    directory ? path.relativize(f).toString() : f.getFileName().toString();
            try {
                BinaryFacts facts = inspect(f, name, target);
                all.add(facts);
                each.accept(facts);
            } catch (IOException e) {
                unreadable.add(f + ": " + why(e));
            }
        }
        return new Inspection(all, unreadable);
    }

    /**
     * The files under {@code path}: itself when it is a file, else every regular file (or link to one) in the
     * directory and its subdirectories (to a depth of {@value #MAX_DEPTH}), sorted by path. A subdirectory that cannot
     * be listed goes to {@code unreadable} and the walk goes on.
     *
     * @throws NoSuchFileException when {@code path} does not exist
     */
    static List<Path> files(Path path, List<String> unreadable) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(path, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(f)) {
                    out.add(f);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (f.equals(path)) {
                    throw e;
                }
                unreadable.add(f + ": " + why(e));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
                if (e != null) {
                    unreadable.add(d + ": " + why(e));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    /** Why a file could not be read, without repeating its path. */
    private static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no longer exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    /**
     * The facts of a file with the findings for {@code target} (null: only what the file shows by itself, such as
     * an archive that mixes architectures).
     */
    public static BinaryFacts inspect(Path file, String name, Arch target) throws IOException {
        BinaryFacts f = read(file, name);
        return f.withFindings(findings(f, target));
    }

    /** What is wrong with {@code f}, in words that name the fix. */
    public static List<String> findings(BinaryFacts f, Arch target) {
        List<String> out = new ArrayList<>();
        String base = Path.of(f.file()).getFileName() == null
                ? f.file()
                : Path.of(f.file()).getFileName().toString();
        List<String> memberMachines = f.members().stream()
                .map(BinaryFacts.Member::machine)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        if (memberMachines.size() > 1) {
            List<String> which = new ArrayList<>();
            for (String m : memberMachines) {
                List<String> names = f.members().stream()
                        .filter(x -> m.equals(x.machine()))
                        .map(BinaryFacts.Member::name)
                        .limit(3)
                        .toList();
                which.add(human(m) + ": " + String.join(", ", names));
            }
            out.add(base + " mixes "
                    + String.join(
                            " and ",
                            memberMachines.stream().map(BinaryInspector::human).toList()) + " objects ("
                    + String.join("; ", which)
                    + "): rebuild every object of the library for one architecture");
        }
        if (target == null || f.format().equals("unknown")) {
            return out;
        }
        List<String> machines = f.machines();
        if (machines.isEmpty() || machines.contains(target.goarch())) {
            if (f.format().equals("ar") && machines.size() > 1 && machines.contains(target.goarch())) {
                out.add(base + " also holds " + others(machines, target) + " objects; this build targets "
                        + human(target.goarch()) + ": the linker skips or rejects them");
            }
            return out;
        }
        String held = String.join(
                " and ", machines.stream().map(BinaryInspector::human).toList());
        String t = human(target.goarch());
        switch (f.format()) {
            case "ar" ->
                out.add(base + " holds " + held + " objects; this build targets " + t + ": rebuild it for " + t
                        + " or point CGO_LDFLAGS at the " + t + " prefix");
            case "Mach-O universal" ->
                out.add(base + " has slices for " + held + " only; this build targets " + t
                        + ": rebuild it with a " + t + " slice (lipo -create) or point CGO_LDFLAGS at the " + t
                        + " prefix");
            default -> {
                boolean library = "DYN".equals(f.type())
                        || "DYLIB".equals(f.type())
                        || "REL".equals(f.type())
                        || "OBJECT".equals(f.type());
                out.add(base + " is " + held + " code; this build targets " + t
                        + (library
                                ? ": rebuild it for " + t + " or point CGO_LDFLAGS at the " + t + " prefix"
                                : ": build it for " + t + " (GOARCH=" + target.goarch() + " with a " + t
                                        + " C compiler)"));
            }
        }
        return out;
    }

    private static String others(List<String> machines, Arch target) {
        return String.join(
                " and ",
                machines.stream()
                        .filter(m -> !m.equals(target.goarch()))
                        .map(BinaryInspector::human)
                        .toList());
    }

    /** The name the linkers print: {@code x86_64} for amd64, {@code arm64}, … */
    static String human(String machine) {
        return Arch.parse(machine).map(Arch::clangArch).orElse(machine);
    }

    /** One line of JSON for one file. */
    public static String json(BinaryFacts f) {
        try {
            return JSON.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON for " + f.file(), e);
        }
    }

    /** A readable table: one row per file (and per slice of a universal binary), findings under it. */
    public static String table(List<BinaryFacts> all) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"file", "format", "machine", "type", "linkage", "interpreter", "needed", "go"});
        List<String> notes = new ArrayList<>();
        for (BinaryFacts f : all) {
            row(rows, f, f.file());
            f.slices().forEach(s -> row(rows, s, "  " + s.file()));
            f.findings().forEach(x -> notes.add(f.file() + ": " + x));
            f.slices().forEach(s -> s.findings().forEach(x -> notes.add(s.file() + ": " + x)));
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.min(60, Math.max(width[i], r[i].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(String.format("%-" + width[i] + "s", r[i])).append(i + 1 < r.length ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        if (!notes.isEmpty()) {
            sb.append('\n').append("Findings:\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    private static void row(List<String[]> rows, BinaryFacts f, String label) {
        String machine = f.machine() != null
                ? f.machine() + (f.bits() == null ? "" : " (" + f.bits() + "-bit " + f.endianness() + ")")
                : String.join(", ", f.machines());
        if (f.format().equals("ar")) {
            machine = f.members().size() + " members: " + String.join(", ", f.machines());
        }
        String go = f.go() == null
                ? ""
                : f.go().goVersion() + " " + nz(f.go().setting("GOOS")) + "/" + nz(f.go().setting("GOARCH"))
                        + " CGO_ENABLED=" + nz(f.go().setting("CGO_ENABLED"));
        rows.add(new String[] {
            label,
            f.format(),
            machine,
            nz(f.type()),
            nz(f.linkage()),
            nz(f.interpreter()),
            String.join(" ", f.needed()),
            go
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
