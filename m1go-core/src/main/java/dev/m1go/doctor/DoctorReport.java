package dev.m1go.doctor;

import dev.m1go.host.Observation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@code m1go:doctor} observed ({@code doctor.json}, schema {@value #SCHEMA}): each section's values with
 * the commands and files they come from, and the findings.
 */
public record DoctorReport(
        String schema,
        String generator,
        String createdAt,
        HostSection host,
        List<ToolchainSection> toolchains,
        List<CompilerSection> compilers,
        EmulatorSection emulators,
        DockerSection docker,
        EnvironmentSection environment,
        List<Finding> findings) {

    public static final String SCHEMA = "m1go-doctor/1";
    public static final String FILE = dev.m1go.core.OutputLayout.DOCTOR_JSON;

    public DoctorReport {
        toolchains = List.copyOf(toolchains);
        compilers = List.copyOf(compilers);
        findings = findings.stream().sorted(Finding.ORDER).toList();
    }

    /**
     * @param arch            the CPU's architecture as the OS reports it
     * @param unameMachine    what {@code uname -m} printed (x86_64 under Rosetta on an arm64 Mac)
     * @param hwOptionalArm64 macOS: what {@code sysctl -n hw.optional.arm64} printed, or how it failed
     * @param procTranslated  macOS: what {@code sysctl -n sysctl.proc_translated} printed (1 translated, 0 native),
     *                        or how it failed (an unknown OID on an Intel Mac)
     * @param jvmArch         this JVM's {@code os.arch}
     * @param translated      whether this process runs translated; {@code null} when the OS cannot tell
     * @param translation     that answer in words, with its reason
     */
    public record HostSection(
            String os,
            String kernel,
            String unameMachine,
            String arch,
            String hwOptionalArm64,
            String procTranslated,
            String jvmArch,
            Boolean translated,
            String translation,
            List<Observation> evidence) {
        public HostSection {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * @param binaryArch the architecture of its {@code go} binary, from the binary's header
     * @param runs       {@code native}, {@code translated (binfmt)}, {@code translated (rosetta)} or why it cannot run
     * @param goEnv      {@code go env} in your environment (GOARCH GOHOSTARCH GOOS CGO_ENABLED CC GOFLAGS GOTOOLCHAIN)
     * @param ccProduces the architecture of an object its {@code CC} makes from an empty C file, when cgo is on
     */
    public record ToolchainSection(
            String version,
            String goroot,
            String source,
            String binaryArch,
            String runs,
            boolean translated,
            Map<String, String> goEnv,
            String ccProduces,
            List<Observation> evidence) {
        public ToolchainSection {
            goEnv = Collections.unmodifiableMap(new TreeMap<>(goEnv));
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * @param name     what it is called on PATH ({@code cc}, {@code aarch64-linux-gnu-gcc}, {@code clang -arch x86_64})
     * @param role     {@code default}, {@code CC} (from the environment) or {@code cross compiler for arm64}
     * @param path     where it was found, or {@code null} when missing
     * @param produces the architecture of the object it makes from an empty C file, or {@code null}
     * @param problem  why it is missing or did not compile, or {@code null}
     */
    public record CompilerSection(
            String name,
            String role,
            String path,
            String version,
            String produces,
            String objectFormat,
            String problem,
            List<Observation> evidence) {
        public CompilerSection {
            evidence = List.copyOf(evidence);
        }
    }

    public record EmulatorSection(
            List<EmulatorLine> emulators,
            List<BinfmtLine> binfmt,
            List<SysrootLine> sysroots,
            String rosetta,
            List<Observation> evidence) {
        public EmulatorSection {
            emulators = List.copyOf(emulators);
            binfmt = List.copyOf(binfmt);
            sysroots = List.copyOf(sysroots);
            evidence = List.copyOf(evidence);
        }
    }

    public record EmulatorLine(String name, String arch, String path, String version, List<Observation> evidence) {
        public EmulatorLine {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * @param flags              {@code P} preserve argv[0], {@code F} fix binary (usable in containers and chroots),
     *                           {@code O} open binary, {@code C} credentials
     * @param interpreterLinking {@code static}, {@code dynamic (…)} or {@code missing}
     */
    public record BinfmtLine(
            String name,
            boolean enabled,
            String arch,
            String interpreter,
            String flags,
            String interpreterLinking,
            List<Observation> evidence) {
        public BinfmtLine {
            evidence = List.copyOf(evidence);
        }
    }

    /** A C runtime for dynamically linked binaries of a foreign architecture, and whether its loader is there. */
    public record SysrootLine(
            String arch, String path, String loader, boolean loaderPresent, List<Observation> evidence) {
        public SysrootLine {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * @param endpoint  the socket or address asked ({@code unix:///var/run/docker.sock})
     * @param status    what happened, in words
     * @param platforms what it can run: its own platform, and foreign ones through binfmt_misc handlers with F
     */
    /**
     * @param engines each engine {@code m1go.container.hosts} names for a platform's container cells, as one line:
     *                {@code "linux/arm64 cells: tcp://arm64-box:2375 (m1go.container.hosts.linux-arm64): engine 24.0.7,
     *                linux/arm64"}, or why it does not answer; left out of doctor.json when there is none
     */
    public record DockerSection(
            String endpoint,
            boolean reachable,
            String status,
            String serverVersion,
            List<String> platforms,
            List<Observation> evidence,

            @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<PlatformEngine> engines) {
        public DockerSection {
            platforms = List.copyOf(platforms);
            evidence = List.copyOf(evidence);
            engines = engines == null ? List.of() : List.copyOf(engines);
        }

        /** The default engine only. */
        public DockerSection(
                String endpoint,
                boolean reachable,
                String status,
                String serverVersion,
                List<String> platforms,
                List<Observation> evidence) {
            this(endpoint, reachable, status, serverVersion, platforms, evidence, List.of());
        }

        /** This section with the engines {@code m1go.container.hosts} names. */
        public DockerSection withEngines(List<PlatformEngine> more) {
            return new DockerSection(endpoint, reachable, status, serverVersion, platforms, evidence, more);
        }
    }

    /**
     * The engine {@code m1go.container.hosts} names for one platform's container cells.
     *
     * @param platform  {@code linux/arm64}
     * @param endpoint  as reports name it, without credentials ({@code tcp://arm64-box:2375})
     * @param reachable whether it answered {@code /_ping} and {@code /version}
     * @param status    its version and architecture ({@code engine 24.0.7 (API 1.43), linux/arm64}), or why not
     */
    public record PlatformEngine(String platform, String endpoint, String setting, boolean reachable, String status) {}

    /**
     * @param variables          every variable the doctor watches, with its value ({@code null} when unset)
     * @param libraryDirectories directories your flags point the linker at, with the architectures of their libraries
     */
    public record EnvironmentSection(
            Map<String, String> variables, List<LibraryDirectory> libraryDirectories, List<Observation> evidence) {
        public EnvironmentSection {
            variables = Collections.unmodifiableMap(new TreeMap<>(variables));
            libraryDirectories = List.copyOf(libraryDirectories);
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * @param variable where the directory came from ({@code CGO_LDFLAGS}, {@code LIBRARY_PATH}, {@code PKG_CONFIG_PATH})
     * @param archs    how many libraries of each architecture it holds
     */
    public record LibraryDirectory(
            String variable,
            String path,
            Map<String, Integer> archs,
            List<String> examples,
            List<Observation> evidence) {
        public LibraryDirectory {
            archs = Collections.unmodifiableMap(new TreeMap<>(archs));
            examples = List.copyOf(examples);
            evidence = List.copyOf(evidence);
        }
    }
}
