package dev.m1go.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.m1go.host.Host;
import dev.m1go.toolchain.CCompiler;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host fingerprint as reports show it.
 *
 * @param arch        the CPU architecture as the OS reports it
 * @param jvmArch     the JVM's {@code os.arch} (an x86_64 JVM under Rosetta says x86_64 on an arm64 Mac)
 * @param translated  whether this process runs translated; {@code null} when the OS cannot tell
 * @param ambient     build variables found in the environment (recorded; not passed to builds unless
 *                    {@code m1go.inheritEnvironment})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HostInfo(
        String os,
        String arch,
        String unameMachine,
        String jvmArch,
        String kernel,
        Boolean translated,
        List<EmulatorInfo> emulators,
        List<BinfmtInfo> binfmt,
        Map<String, String> sysroots,
        List<CompilerInfo> cCompilers,
        Map<String, String> ambient,
        boolean inheritEnvironment) {

    public record EmulatorInfo(String name, String arch, String path, String version) {}

    public record BinfmtInfo(String name, boolean enabled, String arch, String interpreter, String flags) {}

    public record CompilerInfo(String target, String family, String cc, String version) {}

    public HostInfo {
        emulators = List.copyOf(emulators == null ? List.of() : emulators);
        binfmt = List.copyOf(binfmt == null ? List.of() : binfmt);
        sysroots = new TreeMap<>(sysroots == null ? Map.of() : sysroots);
        cCompilers = List.copyOf(cCompilers == null ? List.of() : cCompilers);
        ambient = new TreeMap<>(ambient == null ? Map.of() : ambient);
    }

    public static HostInfo of(Host h, List<CCompiler> compilers, boolean inheritEnvironment) {
        Map<String, String> roots = new TreeMap<>();
        h.sysroots().forEach((a, p) -> roots.put(a.goarch(), p.toString()));
        return new HostInfo(
                h.os().goos(),
                h.arch().goarch(),
                h.unameMachine(),
                h.jvmArch(),
                h.kernel(),
                h.translated(),
                h.emulators().stream()
                        .map(e -> new EmulatorInfo(
                                e.name(), e.arch().goarch(), e.path().toString(), e.version()))
                        .toList(),
                h.binfmt().stream()
                        .map(b -> new BinfmtInfo(
                                b.name(),
                                b.enabled(),
                                b.arch() == null ? null : b.arch().goarch(),
                                b.interpreter(),
                                b.flags()))
                        .toList(),
                roots,
                compilers.stream()
                        .map(c -> new CompilerInfo(c.target().goarch(), c.family(), c.ccVariable(), c.version()))
                        .toList(),
                h.ambient(),
                inheritEnvironment);
    }
}
