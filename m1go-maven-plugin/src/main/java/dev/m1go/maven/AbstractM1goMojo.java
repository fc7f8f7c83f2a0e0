package dev.m1go.maven;

import dev.m1go.app.Context;
import dev.m1go.core.UserError;
import dev.m1go.settings.Frontend;
import dev.m1go.settings.GoNetwork;
import dev.m1go.settings.PropertyNames;
import dev.m1go.toolchain.DeclaredToolchains;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What every m1go goal shares: {@code m1go.skip}, its own skip, and a warning for a mistyped {@code -Dm1go.*}. */
abstract class AbstractM1goMojo extends AbstractMojo {

    /**
     * Skips every m1go goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    boolean skip;

    /** The Maven session: user properties, offline mode, proxies, toolchains. Null in unit tests. */
    @Parameter(defaultValue = "${session}", readonly = true, required = false)
    MavenSession session;

    /** This plugin's version, for the reports' generator. Null in unit tests. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = false)
    String pluginVersion;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        String skippedBy = skippedBy();
        if (skippedBy != null) {
            getLog().info("Skipping m1go:" + goal() + " because " + skippedBy + " is true.");
            return;
        }
        if (session != null) {
            warnUnknownProperties(session.getUserProperties().stringPropertyNames());
        }
        if (talksToContainerEngine()) {
            LibraryLogging.quiet(getLog().isDebugEnabled(), System.getProperties());
        }
        run(context(System.getenv(), home()));
    }

    abstract String goal();

    /**
     * Whether this goal may reach a container engine through Testcontainers or docker-java, whose INFO lines are then
     * kept out of Maven's log ({@link LibraryLogging}).
     */
    boolean talksToContainerEngine() {
        return false;
    }

    /** The property whose value {@code true} skips this goal, or null to run it; {@code m1go.skip} first. */
    String skippedBy() {
        return skip ? PropertyNames.SKIP : null;
    }

    /** Maps the parameters to the goal's request, calls its use case and maps the result to Maven's exceptions. */
    abstract void run(Context context) throws MojoExecutionException, MojoFailureException;

    /**
     * Everything this goal asks of its use case: a request record whose components (and those of its groups) carry the
     * parameters' names (a test checks that each parameter reaches the component of its own name and no other).
     *
     * @throws UserError a parameter whose value the core refuses, named the Maven way
     */
    abstract Record request(Context context) throws UserError;

    /** {@link #request(Context)} in a context with this environment and home directory. */
    final Record request(Map<String, String> environment, Path home) throws UserError {
        return request(context(environment, home));
    }

    /** The use case's context: the Maven front end, this process's working directory and standard output. */
    Context context(Map<String, String> environment, Path home) {
        String version = pluginVersion != null ? pluginVersion : Frontend.coreVersion();
        return new Context(Frontend.maven(version), environment, home, Path.of(""), System.out, engineLog());
    }

    /** A file parameter as a path; {@code null} for none. */
    static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    /** A {@code -Dm1go.…} that no goal knows is most likely a typo: say so, with the closest real name. */
    void warnUnknownProperties(java.util.Collection<String> userProperties) {
        for (String p : new TreeSet<>(userProperties)) {
            if (PropertyNames.unknown(p)) {
                getLog().warn("-D" + p + " is not an m1go property and is ignored"
                        + PropertyNames.closest(p, PropertyNames.ALL)
                                .map(c -> " (did you mean " + c + "?)")
                                .orElse("")
                        + "; the README's parameter table lists every one.");
            }
        }
    }

    /**
     * The report directory. Run without a project (Maven's stand-in pom), {@code ${project.build.directory}} stays
     * unresolved; the directory is then {@code target/m1go} below the current directory, as in a project.
     */
    static Path reportDirectory(File configured) {
        if (configured == null || configured.getPath().contains("${")) {
            return Path.of("").toAbsolutePath().resolve("target").resolve("m1go");
        }
        return configured.toPath();
    }

    /** A comma list property as a list; empty for null or blank. */
    static List<String> list(String commaList) {
        if (commaList == null || commaList.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaList.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * A list parameter as Maven injected it; empty for none. Maven hands every empty element over as null, whatever
     * caused it ({@code -Dm1go.args=a,,end}, a trailing comma, an empty {@code <arg></arg>}), so an empty element
     * cannot stand for an empty string: it is an error naming the property and the element's position.
     *
     * @throws IllegalArgumentException naming the property and the position (from 1) of the first empty element
     */
    static List<String> elements(String property, List<String> given) {
        if (given == null) {
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                String shown = given.stream().map(e -> e == null ? "" : e).collect(Collectors.joining(","));
                throw new IllegalArgumentException(property + " has an empty element at position " + (i + 1) + " of "
                        + given.size() + " (" + shown + "): Maven passes an empty element as nothing, so an empty "
                        + "argument cannot be given; remove the extra comma (or the empty element in the pom)");
            }
        }
        return List.copyOf(given);
    }

    /**
     * The environment for the go command under Maven's own network settings: {@code -o} means {@code GOPROXY=off},
     * the first active http(s) proxy of settings.xml becomes {@code HTTPS_PROXY}/{@code NO_PROXY}.
     */
    GoNetwork.Applied network(Map<String, String> environment) {
        if (session == null) {
            return GoNetwork.apply(environment, false, null);
        }
        GoNetwork.Proxy proxy = null;
        List<org.apache.maven.settings.Proxy> proxies =
                session.getRequest() == null ? List.of() : session.getRequest().getProxies();
        for (org.apache.maven.settings.Proxy p :
                proxies == null ? List.<org.apache.maven.settings.Proxy>of() : proxies) {
            if (p.isActive()
                    && p.getHost() != null
                    && (p.getProtocol() == null || p.getProtocol().startsWith("http"))) {
                String password = p.getPassword();
                if (password != null && password.startsWith("{") && password.endsWith("}")) {
                    password = null; // still encrypted: never hand a ciphertext to the go command
                }
                proxy = new GoNetwork.Proxy(
                        p.getProtocol(), p.getHost(), p.getPort(), p.getUsername(), password, p.getNonProxyHosts());
                break;
            }
        }
        return GoNetwork.apply(environment, session.isOffline(), proxy);
    }

    /**
     * The {@code go} toolchains of Maven's toolchains.xml (user's and global, as Maven merged them): {@code provides}
     * as declared, GOROOT from {@code <configuration><goRoot>} (or {@code <GOROOT>}).
     */
    List<DeclaredToolchains.Declared> declaredGoToolchains() {
        if (session == null
                || session.getRequest() == null
                || session.getRequest().getToolchains() == null) {
            return List.of();
        }
        List<DeclaredToolchains.Declared> declared = new java.util.ArrayList<>();
        for (org.apache.maven.toolchain.model.ToolchainModel m :
                session.getRequest().getToolchains().getOrDefault("go", List.of())) {
            Map<String, String> provides = new java.util.TreeMap<>();
            m.getProvides().forEach((k, v) -> provides.put(k.toString(), v.toString()));
            String root = child(m.getConfiguration(), "goRoot");
            root = root != null ? root : child(m.getConfiguration(), "GOROOT");
            Path goroot = root == null ? null : Path.of(root);
            declared.add(new DeclaredToolchains.Declared(provides, goroot, "toolchains.xml"));
        }
        return declared;
    }

    /**
     * The text of a child of a toolchain's {@code <configuration>}: an Xpp3Dom, whose class belongs to the Maven
     * version running (plexus-utils or plexus-xml), so it is read through its {@code getChild}/{@code getValue}.
     */
    static String child(Object configuration, String name) {
        if (configuration == null) {
            return null;
        }
        try {
            Object child =
                    configuration.getClass().getMethod("getChild", String.class).invoke(configuration, name);
            Object value = child == null
                    ? null
                    : child.getClass().getMethod("getValue").invoke(child);
            return value == null || value.toString().isBlank()
                    ? null
                    : value.toString().trim();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The Maven log for the engine, naming the module when the reactor has several. */
    MavenLog engineLog() {
        return new MavenLog(getLog(), module(session));
    }

    /** The current module's artifactId when the reactor builds more than one module, else {@code null}. */
    static String module(MavenSession session) {
        if (session == null
                || session.getProjects() == null
                || session.getProjects().size() < 2
                || session.getCurrentProject() == null) {
            return null;
        }
        return session.getCurrentProject().getArtifactId();
    }

    static Path home() {
        return Path.of(System.getProperty("user.home"));
    }
}
