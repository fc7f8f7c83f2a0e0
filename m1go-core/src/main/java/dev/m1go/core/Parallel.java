package dev.m1go.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent, mostly waiting work side by side: the start-up questions m1go asks of several programs (every
 * emulator's version, every toolchain's {@code go env}) each take a process start or a translated program's
 * start-up, and nothing ties one to the next.
 */
public final class Parallel {

    /** One step that may fail with an I/O error. */
    @FunctionalInterface
    public interface Step<T, R> {
        R apply(T item) throws IOException;
    }

    private Parallel() {}

    /**
     * {@code step} applied to every item, on at most {@code threads} daemon threads called {@code name}; the results
     * in the items' order. The first failure (in that order) is thrown as it was; an interrupt stops the rest.
     */
    public static <T, R> List<R> map(List<T> items, int threads, String name, Step<T, R> step) throws IOException {
        List<R> out = new ArrayList<>(items.size());
        if (items.size() <= 1 || threads <= 1) {
            for (T item : items) {
                out.add(step.apply(item));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> step.apply(item)));
            }
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted (" + name + ")");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(cause));
        } finally {
            pool.shutdownNow();
        }
    }
}
