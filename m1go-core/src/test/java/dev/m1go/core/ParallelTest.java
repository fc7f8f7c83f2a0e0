package dev.m1go.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void map_keepsTheItemsOrder_andRunsThemSideBySide() throws IOException {
        // Each of the first two steps waits for the other: they finish only when both run at once.
        CountDownLatch both = new CountDownLatch(2);
        List<String> out = Parallel.map(List.of(3, 1, 2), 2, "test", n -> {
            if (n != 2) {
                both.countDown();
                try {
                    if (!both.await(30, TimeUnit.SECONDS)) {
                        return "alone";
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "item " + n;
        });
        assertThat(out).containsExactly("item 3", "item 1", "item 2");
    }

    @Test
    void map_throwsTheFirstFailureInItemOrder_asItWas() {
        assertThatThrownBy(() -> Parallel.map(List.of(1, 2, 3), 3, "test", n -> {
                    if (n >= 2) {
                        throw new IOException("step " + n + " failed");
                    }
                    return n;
                }))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("step 2 failed");
    }

    @Test
    void map_ofOneItem_orOneThread_runsOnTheCallersThread() throws IOException {
        Thread caller = Thread.currentThread();
        assertThat(Parallel.map(List.of(1, 2), 1, "test", n -> Thread.currentThread() == caller))
                .containsExactly(true, true);
        assertThat(Parallel.map(List.of(1), 4, "test", n -> Thread.currentThread() == caller))
                .containsExactly(true);
    }
}
