package dev.m1go.doctor;

import dev.m1go.doctor.DoctorReport.DockerSection;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import java.util.ArrayList;
import java.util.List;

/** What the Docker engine {@link DockerProbe} found means for the container runner. */
final class DockerCheck {

    private DockerCheck() {}

    static List<Finding> findings(DockerSection d, Os os) {
        List<Finding> findings = new ArrayList<>();
        for (DoctorReport.PlatformEngine e : d.engines()) {
            if (!e.reachable()) {
                findings.add(FindingKind.DOCKER_UNREACHABLE.finding(
                        "Docker " + e.platform(), d.evidence(), e.platform() + " cells, " + e.status()));
            }
        }
        if (!d.reachable()) {
            findings.add(FindingKind.DOCKER_UNREACHABLE.finding("Docker", d.evidence(), d.status()));
            return findings;
        }
        if (os == Os.LINUX) {
            for (Arch a : List.of(Arch.AMD64, Arch.ARM64)) {
                if (d.platforms().stream().noneMatch(p -> p.startsWith("linux/" + a.goarch()))) {
                    findings.add(FindingKind.DOCKER_NO_EMULATION.finding("Docker", d.evidence(), a.goarch()));
                }
            }
        }
        return findings;
    }
}
