package dev.m1go.binary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * What a file really is, read from its own bytes: the facts {@code m1go:inspect} prints and {@code report.json}
 * keeps beside each built binary as {@code build.binaryFacts}.
 *
 * @param file        the file as given (a path, or the member or slice name inside an archive or universal binary)
 * @param format      {@code ELF}, {@code Mach-O}, {@code Mach-O universal}, {@code ar} (a static library), or
 *                    {@code unknown} for a file of no format m1go reads
 * @param machine     the architecture by Go's name ({@code amd64}, {@code arm64}, …), or {@code EM 8}/{@code CPU 18}
 *                    for one m1go has no name for; {@code null} for a universal binary or an archive (see
 *                    {@code slices} and {@code members})
 * @param bits        32 or 64
 * @param endianness  {@code little} or {@code big}
 * @param type        ELF: {@code EXEC}, {@code PIE} (a DYN with an interpreter), {@code DYN} (a shared library),
 *                    {@code REL} (an object file); Mach-O: {@code EXECUTE}, {@code DYLIB}, {@code OBJECT},
 *                    {@code BUNDLE}
 * @param interpreter the ELF {@code PT_INTERP} or Mach-O {@code LC_LOAD_DYLINKER}, or null
 * @param needed      the shared libraries it asks for ({@code DT_NEEDED}, {@code LC_LOAD_DYLIB})
 * @param linkage     {@code static} or {@code dynamic} for an executable; null for objects and archives
 * @param buildId     the GNU build ID or the Mach-O {@code LC_UUID}, in hexadecimal, or null
 * @param go          Go's embedded build information (what {@code go version -m} prints), or null
 * @param slices      the slices of a Mach-O universal binary
 * @param members     the object members of a static archive
 * @param findings    problems the facts show, each naming the fix
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
    "file",
    "format",
    "machine",
    "bits",
    "endianness",
    "type",
    "interpreter",
    "linkage",
    "needed",
    "buildId",
    "go",
    "slices",
    "members",
    "findings"
})
public record BinaryFacts(
        String file,
        String format,
        String machine,
        Integer bits,
        String endianness,
        String type,
        String interpreter,
        List<String> needed,
        String linkage,
        String buildId,
        GoBuildInfo go,
        List<BinaryFacts> slices,
        List<Member> members,
        List<String> findings) {

    public BinaryFacts {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        needed = List.copyOf(needed == null ? List.of() : needed);
        slices = List.copyOf(slices == null ? List.of() : slices);
        members = List.copyOf(members == null ? List.of() : members);
        findings = List.copyOf(findings == null ? List.of() : findings);
    }

    /**
     * One member of a static archive.
     *
     * @param name    the member's name ({@code foo.o})
     * @param format  {@code ELF}, {@code Mach-O}, or {@code Go object}
     * @param machine its architecture, as in {@link BinaryFacts#machine()}; null when the member has none
     */
    public record Member(String name, String format, String machine) {}

    /** The same facts with more findings. */
    public BinaryFacts withFindings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new BinaryFacts(
                file,
                format,
                machine,
                bits,
                endianness,
                type,
                interpreter,
                needed,
                linkage,
                buildId,
                go,
                slices,
                members,
                all);
    }

    /** Every machine this file holds code for: its own, its slices', its members'. */
    public List<String> machines() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        if (machine != null) {
            all.add(machine);
        }
        slices.forEach(s -> all.addAll(s.machines()));
        members.stream().map(Member::machine).filter(Objects::nonNull).forEach(all::add);
        return List.copyOf(all);
    }
}
