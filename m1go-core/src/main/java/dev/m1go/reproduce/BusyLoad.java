package dev.m1go.reproduce;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code m1go.stress.load}: K daemon threads that keep a CPU busy each while the matrix runs, since contention is what
 * exposes preemption races. Closing stops them.
 */
final class BusyLoad implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private BusyLoad() {}

    static BusyLoad start(int threads) {
        BusyLoad load = new BusyLoad();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(load::spin, "m1go-stress-load-" + (i + 1));
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            load.threads.add(t);
            t.start();
        }
        return load;
    }

    int size() {
        return threads.size();
    }

    boolean alive() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    private void spin() {
        long x = 1;
        while (running) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        if (x == 42) {
            Thread.yield(); // keeps the loop from being optimised away
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
