package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolIdentityTest {

    @TempDir
    Path tmp;

    @Test
    void content_isKeptUnderTheFilesStamp_andAFileChangedInPlaceIsHashedAgain() throws Exception {
        Path go = Files.writeString(tmp.resolve("go"), "a go command");
        Path stamps = tmp.resolve("cache/tools");

        String first = new ToolIdentity("", stamps).content(go);
        assertThat(first).isEqualTo(dev.m1go.core.Sha256.hex(go));
        try (Stream<Path> kept = Files.list(stamps)) {
            assertThat(kept.toList())
                    .singleElement()
                    .satisfies(f ->
                            assertThat(Files.readString(f)).isEqualTo(dev.m1go.core.FileStamp.of(go) + " " + first));
        }
        assertThat(new ToolIdentity("", stamps).content(go))
                .as("the next run, from its stamp")
                .isEqualTo(first);

        // Same size, the old modification time back: only the change time tells, and it does.
        FileTime time = Files.getLastModifiedTime(go);
        Files.writeString(go, "A go command");
        Files.setLastModifiedTime(go, time);
        assertThat(new ToolIdentity("", stamps).content(go))
                .isEqualTo(dev.m1go.core.Sha256.hex(go))
                .isNotEqualTo(first);
    }
}
