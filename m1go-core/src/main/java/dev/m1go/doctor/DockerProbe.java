package dev.m1go.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.core.Mappers;
import dev.m1go.doctor.DoctorReport.DockerSection;
import dev.m1go.host.Arch;
import dev.m1go.host.DockerEndpoint;
import dev.m1go.host.EngineProbe;
import dev.m1go.host.Host;
import dev.m1go.host.Observation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a Docker engine answers ({@code GET /_ping}, then {@code GET /version}, through {@link EngineProbe}, each
 * with a short time limit): {@code DOCKER_HOST} when set, else the default socket and Docker Desktop's
 * {@code ~/.docker/run/docker.sock}. It never starts a container and never pulls an image. The platforms it can run
 * are its own and, for the foreign ones, what the kernel's binfmt_misc handlers with the {@code F} flag translate
 * (containers need that flag).
 */
final class DockerProbe {

    private final Map<String, String> environment;
    private final Path home;
    private final Duration timeout;
    private final Map<Arch, DockerEndpoint> containerHosts;

    DockerProbe(Map<String, String> environment, Path home, Duration timeout) {
        this(environment, home, timeout, Map.of());
    }

    /** @param containerHosts {@code m1go.container.hosts}: the engine of each platform named, checked too */
    DockerProbe(
            Map<String, String> environment, Path home, Duration timeout, Map<Arch, DockerEndpoint> containerHosts) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.timeout = timeout;
        this.containerHosts = new java.util.TreeMap<>(containerHosts);
    }

    /** The default engine, and each engine {@code m1go.container.hosts} names for a platform. */
    DockerSection probe(Host host) {
        DockerSection section = probeDefault(host);
        List<DoctorReport.PlatformEngine> engines = new ArrayList<>();
        containerHosts.forEach((arch, endpoint) -> engines.add(platformEngine(arch, endpoint)));
        return engines.isEmpty() ? section : section.withEngines(engines);
    }

    /** Whether a named engine answers, what it is, and its architecture (which decides whether cells translate). */
    private DoctorReport.PlatformEngine platformEngine(Arch arch, DockerEndpoint endpoint) {
        String platform = "linux/" + arch.goarch();
        try {
            EngineProbe.EngineInfo info = new EngineProbe(endpoint, timeout).probe();
            String engineArch = Arch.parse(info.arch() == null ? "" : info.arch())
                    .map(Arch::goarch)
                    .orElse(info.arch());
            return new DoctorReport.PlatformEngine(
                    platform,
                    endpoint.label(),
                    endpoint.source(),
                    true,
                    "engine "
                            + info.version() + " (API " + info.apiVersion() + "), " + info.os() + "/" + engineArch
                            + (arch.goarch().equals(engineArch)
                                    ? ": " + platform + " cells run natively there"
                                    : ": " + platform + " cells are translated there"));
        } catch (EngineProbe.Unreachable e) {
            return new DoctorReport.PlatformEngine(
                    platform,
                    endpoint.label(),
                    endpoint.source(),
                    false,
                    "no engine answers at " + endpoint.describe() + ": " + e.getMessage());
        }
    }

    private DockerSection probeDefault(Host host) {
        List<Observation> evidence = new ArrayList<>();
        DockerEndpoint configured = DockerEndpoint.from(environment);
        List<DockerEndpoint> endpoints = new ArrayList<>(List.of(configured));
        if (configured.source().equals("DOCKER_HOST")) {
            evidence.add(Observation.read("environment DOCKER_HOST", configured.uri()));
        } else {
            evidence.add(Observation.read("environment DOCKER_HOST", "unset: trying the default sockets"));
            endpoints.add(new DockerEndpoint(
                    "unix://" + home.resolve(".docker/run/docker.sock"), "default", configured.tls()));
        }
        List<String> statuses = new ArrayList<>();
        for (DockerEndpoint endpoint : endpoints) {
            if (!endpoint.scheme().equals("unix") && !endpoint.scheme().equals("tcp")) {
                statuses.add(
                        "DOCKER_HOST " + endpoint.uri() + " is not unix:// or tcp://; the doctor checks only those");
                evidence.add(Observation.read("DOCKER_HOST " + endpoint.uri(), statuses.get(statuses.size() - 1)));
                continue;
            }
            EngineProbe engine = new EngineProbe(endpoint, timeout);
            EngineProbe.Answer ping;
            try {
                ping = engine.get("/_ping");
            } catch (EngineProbe.Unreachable e) {
                String why = e.getMessage();
                statuses.add(
                        why.startsWith("no socket at ") ? why : "no engine answers at " + endpoint.uri() + ": " + why);
                evidence.add(new Observation("GET " + endpoint.uri() + " /_ping", null, why));
                continue;
            }
            evidence.add(new Observation("GET " + endpoint.uri() + " /_ping", null, answer(ping)));
            if (ping.status() != 200) {
                statuses.add("the engine at " + endpoint.uri() + " answered /_ping with HTTP " + ping.status());
                continue;
            }
            return reachable(host, endpoint, engine, evidence);
        }
        return new DockerSection(
                String.join(", ", endpoints.stream().map(DockerEndpoint::uri).toList()),
                false,
                String.join("; ", statuses),
                null,
                List.of(),
                evidence);
    }

    private DockerSection reachable(
            Host host, DockerEndpoint endpoint, EngineProbe engine, List<Observation> evidence) {
        String version = null;
        String os = "linux";
        String arch = null;
        try {
            EngineProbe.Answer answer = engine.get("/version");
            evidence.add(new Observation("GET " + endpoint.uri() + " /version", null, answer(answer)));
            JsonNode json = Mappers.tree(answer.body().isBlank() ? "{}" : answer.body());
            version = json.path("Version").asText(null);
            os = json.path("Os").asText("linux");
            arch = json.path("Arch").asText(null);
        } catch (EngineProbe.Unreachable | IOException e) {
            evidence.add(new Observation("GET " + endpoint.uri() + " /version", null, e.getMessage()));
        }
        List<String> platforms = new ArrayList<>();
        if (arch != null) {
            platforms.add(os + "/" + Arch.parse(arch).map(Arch::goarch).orElse(arch));
        }
        host.binfmt().stream()
                .filter(b -> b.enabled()
                        && b.arch() != null
                        && b.flags().contains("F")
                        && !platforms.contains("linux/" + b.arch().goarch()))
                .forEach(b ->
                        platforms.add("linux/" + b.arch().goarch() + " (emulated by binfmt_misc " + b.name() + ")"));
        return new DockerSection(
                endpoint.uri(),
                true,
                "the engine answered /_ping" + (version == null ? "" : "; server version " + version),
                version,
                platforms,
                evidence);
    }

    private static String answer(EngineProbe.Answer a) {
        return "HTTP " + a.status() + "\n" + a.body();
    }
}
