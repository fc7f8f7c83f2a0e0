package dev.m1go.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.host.Arch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolchainFilterTest {

    private static final List<Toolchain> ALL = List.of(
            t("go1.19.8", Arch.AMD64),
            t("go1.19.8", Arch.ARM64),
            t("go1.22.12", Arch.AMD64),
            t("go1.22.12", Arch.ARM64),
            t("go1.27.3", Arch.AMD64),
            t("go1.27.3", Arch.ARM64));

    private static Toolchain t(String v, Arch a) {
        return new Toolchain(v, Path.of("/x/" + v + a), a, "test", Map.of(), null);
    }

    private static List<String> select(String filter) {
        ToolchainFilter f = ToolchainFilter.parse(filter);
        return ALL.stream()
                .filter(f::test)
                .map(x -> x.version() + "/" + x.binaryArch().goarch())
                .toList();
    }

    @Test
    void everyAmd64Toolchain_andTheArm64Go119() {
        assertThat(select("@amd64, 1.19@arm64"))
                .containsExactly("go1.19.8/amd64", "go1.19.8/arm64", "go1.22.12/amd64", "go1.27.3/amd64");
    }

    @Test
    void aVersionWithoutArchitecture_takesBothArchitectures() {
        assertThat(select("1.22")).containsExactly("go1.22.12/amd64", "go1.22.12/arm64");
        assertThat(select(">=1.22 <1.28@arm64")).containsExactly("go1.22.12/arm64", "go1.27.3/arm64");
    }

    @Test
    void unknownArchitecture_isRejectedQuotingThePart() {
        assertThatThrownBy(() -> ToolchainFilter.parse("1.22@sparc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1.22@sparc'")
                .hasMessageContaining("sparc");
    }
}
