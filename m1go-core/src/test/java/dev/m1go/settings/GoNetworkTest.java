package dev.m1go.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GoNetworkTest {

    private static final GoNetwork.Proxy PROXY =
            new GoNetwork.Proxy("http", "proxy.corp", 3128, "me", "p@ss", "localhost|*.corp.example|10.0.0.1");

    @Test
    void offline_meansGoproxyOff_andLeavesGoflagsAlone() {
        GoNetwork.Applied a = GoNetwork.apply(Map.of("GOPROXY", "direct", "GOFLAGS", "-mod=mod"), true, null);
        assertThat(a.environment()).containsEntry("GOPROXY", "off").containsEntry("GOFLAGS", "-mod=mod");
        assertThat(a.notes()).singleElement().asString().contains("GOPROXY=off", "module lookup disabled");
    }

    @Test
    void online_withoutProxy_changesNothing() {
        GoNetwork.Applied a = GoNetwork.apply(Map.of("PATH", "/bin"), false, null);
        assertThat(a.environment()).isEqualTo(Map.of("PATH", "/bin"));
        assertThat(a.notes()).isEmpty();
    }

    @Test
    void mavensProxy_becomesHttpsProxyAndNoProxy() {
        GoNetwork.Applied a = GoNetwork.apply(Map.of(), false, PROXY);
        assertThat(a.environment())
                .containsEntry("HTTPS_PROXY", "http://me:p%40ss@proxy.corp:3128")
                .containsEntry("HTTP_PROXY", "http://me:p%40ss@proxy.corp:3128")
                .containsEntry("NO_PROXY", "localhost,.corp.example,10.0.0.1");
        assertThat(a.notes()).singleElement().asString().doesNotContain("p@ss");
    }

    @Test
    void anExplicitEnvironmentProxy_wins() {
        GoNetwork.Applied a = GoNetwork.apply(Map.of("https_proxy", "http://mine:8080"), false, PROXY);
        assertThat(a.environment()).doesNotContainKey("HTTPS_PROXY").containsEntry("https_proxy", "http://mine:8080");
        assertThat(a.notes()).singleElement().asString().contains("already sets");
    }
}
