package dev.m1go.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The advice for a module the go command may not fetch. The outputs are what go1.26.8 printed with GOPROXY=off for
 * {@code example.com/offline}, whose go.mod requires {@code example.com/not-in-cache v1.0.0}, missing from the module
 * cache ({@code go test -c} with go.sum entries for it; {@code go list} with {@code go 1.16} in go.mod).
 */
class OfflineAdviceTest {

    @Test
    void aLookupDisabledByGoproxyOff_getsTheAdvice_otherFailuresDoNot() {
        String build = "go: downloading example.com/not-in-cache v1.0.0\n# example.com/offline\n"
                + "offline.go:3:8: module lookup disabled by GOPROXY=off\n";
        String list = "go: example.com/not-in-cache@v1.0.0: module lookup disabled by GOPROXY=off\n";
        assertThat(OfflineAdvice.forOutput(build)).hasValue(OfflineAdvice.TEXT);
        assertThat(OfflineAdvice.forOutput(list)).hasValue(OfflineAdvice.TEXT);
        assertThat(OfflineAdvice.TEXT)
                .contains("go mod download")
                .contains("online")
                .doesNotContain("pass m1go.goflags=-mod=mod");
        assertThat(OfflineAdvice.forOutput("offline.go:3:8: missing go.sum entry for module providing package "
                        + "example.com/not-in-cache (imported by example.com/offline); to add:\n"))
                .isEmpty();
    }

    @Test
    void offline_isGoproxyOff() {
        assertThat(OfflineAdvice.offline(Map.of("GOPROXY", "off"))).isTrue();
        assertThat(OfflineAdvice.offline(Map.of("GOPROXY", "direct"))).isFalse();
        assertThat(OfflineAdvice.offline(Map.of())).isFalse();
    }
}
