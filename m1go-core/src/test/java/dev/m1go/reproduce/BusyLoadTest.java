package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BusyLoadTest {

    @Test
    void startsKBusyThreads_andStopsThemOnClose() {
        BusyLoad load = BusyLoad.start(2);
        assertThat(load.size()).isEqualTo(2);
        assertThat(load.alive()).isTrue();
        load.close();
        assertThat(load.alive()).isFalse();
    }

    @Test
    void zeroThreads_isNoLoad() {
        try (BusyLoad load = BusyLoad.start(0)) {
            assertThat(load.alive()).isFalse();
        }
    }
}
