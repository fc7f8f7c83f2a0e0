package dev.m1go.binary;

import dev.m1go.classify.CrashAddresses;
import dev.m1go.classify.GoFramePc;
import dev.m1go.classify.PcLocator;
import dev.m1go.core.Sha256;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.PathLookup;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the faulting PC of a crash in C back to function, file and line, against the cell's own binary, with the
 * target's symbolizer: {@code llvm-symbolizer} (it reads every target and the DWARF 5 that Go 1.25 and later write,
 * which binutils 2.40's {@code addr2line} does not), else {@code addr2line} for the host's own architecture or
 * Debian's {@code <triple>-addr2line} for another, found as the C compilers are. A position-independent binary's load base
 * comes from the Go frames of the same report (frame PC minus offset minus the function's address in the symbol
 * table). A PC outside the binary (in a shared library such as libc's {@code abort}) stays unsymbolized; the C
 * function the cgo call entered is then given with its last line inside cgo's C wrapper, where it called out.
 */
public final class CSymbolizer {

    private static final int MAX_WRAPPER_BYTES = 512;

    private final Map<String, String> environment;
    private final PathLookup path;
    private final ProcessRunner runner;
    private final Arch hostArch;
    private final Path logDir;
    private final Path memo;

    /**
     * The C frames of one crash, and what a reader must know about them.
     *
     * @param frames innermost first; empty when nothing could be symbolized
     * @param note   why frames are missing or how the addresses were translated, or null
     */
    public record Result(List<CFrame> frames, String note) {
        public Result {
            frames = List.copyOf(frames);
        }

        /** {@code crashed in m1go_segv (main.go:9)}, or null when no frame has a function. */
        public String summary() {
            return CFrame.crashedIn(frames);
        }
    }

    public CSymbolizer(Map<String, String> environment, ProcessRunner runner, Arch hostArch, Path logDir) {
        this(environment, runner, hostArch, logDir, null);
    }

    /**
     * @param memo where the symbolizer's answers are kept between runs ({@code <m1go.cacheDirectory>/symbols}), keyed
     *             by the tool, the binary's content and the addresses; {@code null} to always run the tool. A warm
     *             re-run of a crashing cell, or every run of a stress cell, then asks the file system instead.
     */
    public CSymbolizer(Map<String, String> environment, ProcessRunner runner, Arch hostArch, Path logDir, Path memo) {
        this.memo = memo;
        this.environment = Map.copyOf(environment);
        this.path = new PathLookup(environment.get("PATH"));
        this.runner = runner;
        this.hostArch = hostArch;
        this.logDir = logDir;
    }

    /** The symbolizer's argv prefix for {@code target}, or empty with the reason in {@code why[0]}. */
    Optional<List<String>> tool(Arch target, String[] why) {
        String gnu = target == hostArch ? "addr2line" : target.gnuTriple() + "-addr2line";
        Optional<Path> llvm = path.find("llvm-symbolizer");
        if (llvm.isPresent()) { // reads every target, and the DWARF 5 of Go 1.25+ that binutils 2.40 cannot
            return Optional.of(List.of(llvm.get().toString(), "--print-address", "--inlining", "--obj"));
        }
        Optional<Path> addr2line = path.find(gnu);
        if (addr2line.isPresent()) {
            return Optional.of(List.of(addr2line.get().toString(), "-a", "-f", "-i", "-C", "-e"));
        }
        why[0] =
                "no symbolizer for " + target + ": neither " + gnu + " nor llvm-symbolizer is on PATH (apt-get install "
                        + (target == hostArch ? "binutils" : "binutils-" + target.gnuTriple()) + " or llvm)";
        return Optional.empty();
    }

    /** The C frames of the crash {@code a} in {@code binary}, built for {@code target}. */
    public Result symbolize(Path binary, Arch target, CrashAddresses a) {
        if (a.pc() == null) {
            return new Result(List.of(), "the crash report names no faulting PC");
        }
        ElfFile elf;
        try {
            elf = read(binary);
        } catch (Bytes.Malformed e) {
            return new Result(
                    List.of(),
                    "not readable as ELF: " + e.finding(binary.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return new Result(List.of(), "cannot read " + binary.getFileName() + " as ELF: " + e.getMessage());
        }
        if (elf == null) {
            return new Result(
                    List.of(new CFrame(a.pc(), null, null, null)),
                    binary.getFileName() + " is not an ELF file; C frames are symbolized for ELF only");
        }
        try {
            return symbolize(elf, binary, target, a);
        } catch (Bytes.Malformed e) { // the symbol table, read only now
            return new Result(
                    List.of(new CFrame(a.pc(), null, null, null)),
                    "not readable as ELF: " + e.finding(binary.getFileName().toString()));
        }
    }

    private Result symbolize(ElfFile elf, Path binary, Arch target, CrashAddresses a) {
        String[] why = new String[1];
        Optional<List<String>> tool = tool(target, why);
        long base = 0;
        String note = null;
        if (elf.pie()) {
            Optional<Long> b = loadBase(elf, a.goFrames());
            if (b.isEmpty()) {
                return new Result(
                        List.of(new CFrame(a.pc(), null, null, null)),
                        "position-independent binary and no Go "
                                + "frame with a PC to find its load base: the PC stays unsymbolized");
            }
            base = b.get();
            note = "position-independent binary: addresses translated by its load base 0x" + Long.toHexString(base);
        }
        if (tool.isEmpty()) {
            return new Result(List.of(new CFrame(a.pc(), null, null, null)), why[0]);
        }
        long pc = parse(a.pc()) - base;
        List<CFrame> frames = new ArrayList<>();
        if (elf.inText(pc)) {
            for (CFrame f : run(tool.get(), binary, List.of(pc))) {
                frames.add(new CFrame(a.pc(), f.function(), f.file(), f.line()));
            }
            return new Result(frames, note);
        }
        frames.add(new CFrame(a.pc(), null, null, null));
        String outside = "the faulting PC " + a.pc() + " lies outside " + binary.getFileName()
                + " (in a shared library): not symbolized";
        CFrame caller = caller(elf, tool.get(), binary, a, base);
        if (caller != null) {
            frames.add(caller);
        }
        return new Result(frames, note == null ? outside : note + "; " + outside);
    }

    /** The C function the cgo call entered, at its last line inside cgo's wrapper (where it called out). */
    private CFrame caller(ElfFile elf, List<String> tool, Path binary, CrashAddresses a, long base) {
        if (a.cgoEntry() == null || a.cFunction() == null) {
            return null;
        }
        long entry = parse(a.cgoEntry()) - base;
        Optional<ElfFile.Symbol> wrapper = elf.functions().stream()
                .filter(s -> entry >= s.value() && entry < s.value() + Math.max(1, s.size()))
                .findFirst();
        if (wrapper.isEmpty()) {
            return new CFrame(a.cgoEntry(), a.cFunction(), null, null);
        }
        long size = Math.min(MAX_WRAPPER_BYTES, wrapper.get().size());
        List<Long> addrs = new ArrayList<>();
        for (long x = wrapper.get().value(); x < wrapper.get().value() + size; x++) {
            addrs.add(x);
        }
        Optional<ElfFile.Symbol> own = elf.functions().stream()
                .filter(s -> s.name().equals(a.cFunction()))
                .findFirst();
        List<Long> search = new ArrayList<>(addrs);
        own.ifPresent(s -> {
            for (long x = s.value(); x < s.value() + Math.min(MAX_WRAPPER_BYTES, s.size()); x++) {
                search.add(x);
            }
        });
        CFrame last = null;
        for (CFrame f : run(tool, binary, search)) {
            if (a.cFunction().equals(f.function()) && f.line() != null && f.line() > 0) {
                last = f;
            }
        }
        return last != null ? last : new CFrame(a.cgoEntry(), a.cFunction(), null, null);
    }

    /** Load base = frame PC − offset − the function's link-time address, from the first Go frame found. */
    static Optional<Long> loadBase(ElfFile elf, List<GoFramePc> frames) {
        List<ElfFile.Symbol> symbols = elf.functions();
        for (GoFramePc f : frames) {
            for (ElfFile.Symbol s : symbols) {
                if (s.name().equals(f.function()) || s.name().equals(f.function() + ".abi0")) {
                    return Optional.of(f.pc() - f.offset() - s.value());
                }
            }
        }
        return Optional.empty();
    }

    /** Runs the symbolizer on {@code addresses}; one frame per (address, inlined function), innermost first. */
    private List<CFrame> run(List<String> tool, Path binary, List<Long> addresses) {
        List<String> argv = new ArrayList<>(tool);
        String obj = binary.toAbsolutePath().toString();
        if (tool.get(tool.size() - 1).equals("--obj")) {
            argv.set(argv.size() - 1, "--obj=" + obj);
        } else {
            argv.add(obj);
        }
        addresses.forEach(x -> argv.add("0x" + Long.toHexString(x)));
        try {
            Path remembered = memoFile(tool, binary, addresses);
            String known = recall(remembered);
            if (known != null) {
                return parseOutput(known);
            }
            Path dir = Files.createDirectories(logDir);
            ProcessResult r = runner.run(new ProcessSpec(
                    argv,
                    environment,
                    dir,
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(1),
                    dir.resolve("symbolize.out"),
                    dir.resolve("symbolize.err")));
            if (!r.succeeded()) {
                return List.of();
            }
            if (remembered != null && r.stdout().length() < 32 * 1024) { // surely whole: far below the capture's head
                remember(remembered, r.stdout());
            }
            return parseOutput(r.stdout());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A kept answer, or null when there is none (or it cannot be read: the tool is asked again). */
    private static String recall(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps an answer; a cache directory that cannot take it (read-only, full) only costs the next run a tool start. */
    private static void remember(Path file, String answer) {
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        try {
            dev.m1go.core.AtomicFiles.replace(file, o -> o.write(out));
        } catch (IOException e) {
            // the answer is given all the same
        }
    }

    /**
     * The memo file of one question: a hash of the tool (its argv and its program's size and modification time), the
     * binary's content and the addresses. Null without a memo directory, or when the binary cannot be read (the tool
     * then says why).
     */
    private Path memoFile(List<String> tool, Path binary, List<Long> addresses) {
        if (memo == null) {
            return null;
        }
        Path program = Path.of(tool.get(0));
        StringBuilder question = new StringBuilder(String.join("\0", tool));
        try {
            if (Files.isRegularFile(program)) {
                question.append('\0')
                        .append(Files.size(program))
                        .append('/')
                        .append(Files.getLastModifiedTime(program).toMillis());
            }
            question.append('\0').append(Sha256.hex(binary));
        } catch (IOException e) {
            return null;
        }
        question.append('\0').append(addresses);
        return memo.resolve(Sha256.hex(question.toString().getBytes(StandardCharsets.UTF_8)) + ".txt");
    }

    /**
     * Parses {@code addr2line -a -f -i} and {@code llvm-symbolizer --print-address --inlining} output: an address
     * line, then function and {@code file:line[:column]} pairs.
     */
    static List<CFrame> parseOutput(String out) {
        List<CFrame> frames = new ArrayList<>();
        String address = null;
        String function = null;
        for (String raw : out.split("\n")) {
            String l = raw.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("0x") && function == null) {
                address = "0x" + Long.toHexString(parse(l));
            } else if (function == null) {
                function = l;
            } else {
                int disc = l.indexOf(" (discriminator");
                String loc = disc > 0 ? l.substring(0, disc) : l;
                String[] parts = loc.split(":");
                String file = parts[0];
                Integer line = null;
                if (parts.length > 1) {
                    try {
                        line = Integer.valueOf(parts[1]);
                    } catch (NumberFormatException e) {
                        line = null;
                    }
                }
                boolean unknown = function.equals("??") && (file.equals("??") || line == null || line == 0);
                frames.add(new CFrame(
                        address,
                        unknown ? null : function,
                        file.equals("??") ? null : file,
                        line == null || line == 0 ? null : line));
                function = null;
            }
        }
        return frames;
    }

    /**
     * A {@link PcLocator} for the classifier: a PC in a C function of {@code binary}'s symbol table or outside the
     * binary is C; in a Go function ({@code runtime.wirep}) it is Go.
     */
    public static PcLocator locator(Path binary) {
        ElfFile elf;
        try {
            elf = read(binary);
        } catch (IOException | RuntimeException e) {
            return PcLocator.NONE;
        }
        if (elf == null) {
            return PcLocator.NONE;
        }
        return locator(elf);
    }

    /**
     * The {@link PcLocator} of an ELF file already read. Its symbol table is read when a PC is asked about; when that
     * table is malformed (its size or offset runs past the end of the file), the answer is "cannot tell".
     */
    static PcLocator locator(ElfFile elf) {
        return (pcText, frames) -> {
            try {
                return inC(elf, pcText, frames);
            } catch (Bytes.Malformed e) {
                return null;
            }
        };
    }

    private static Boolean inC(ElfFile elf, String pcText, List<GoFramePc> frames) {
        long base = 0;
        if (elf.pie()) {
            Optional<Long> b = loadBase(elf, frames);
            if (b.isEmpty()) {
                return null;
            }
            base = b.get();
        }
        long pc = parse(pcText) - base;
        if (!elf.inText(pc)) {
            return Boolean.TRUE;
        }
        for (ElfFile.Symbol s : elf.functions()) {
            if (pc >= s.value() && pc < s.value() + s.size()) {
                return !isGoSymbol(s.name());
            }
        }
        return null;
    }

    /** Go's symbols carry a package path ({@code runtime.wirep}); gcc's local clones ({@code f.part.0}) do not. */
    static boolean isGoSymbol(String name) {
        String n = name.replaceAll("\\.(part|constprop|isra|cold|lto_priv|localalias)(\\.\\d+)?", "");
        return n.contains(".") && !n.startsWith("_cgo") && !n.startsWith("x_cgo") && !n.startsWith("crosscall");
    }

    private static ElfFile read(Path binary) throws IOException {
        try (FileChannel ch = FileChannel.open(binary, StandardOpenOption.READ)) {
            Bytes b = new Bytes(
                    ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(ch.size(), Integer.MAX_VALUE)),
                    ByteOrder.LITTLE_ENDIAN);
            return ElfFile.is(b) ? ElfFile.of(b) : null;
        }
    }

    private static long parse(String hex) {
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        return Long.parseUnsignedLong(h, 16);
    }
}
