package dev.m1go.matrix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A fixed maximum of workers that always take the most urgent task waiting: the lowest rank, then the one submitted
 * first. A task may submit further tasks (a build submits the runs of its cells); no task ever waits for another, so
 * a worker is never held by a cell whose build is not ready. The first task that fails stops the rest.
 *
 * <p>Tasks of the {@link Lane#SLOW} lane (builds by a toolchain that itself runs translated: minutes each on a cold
 * cache) take a worker before any other task, so that the longest chain of work starts at once, but never more than
 * {@link #slowLimit} workers while quick work waits: with two or more workers one stays free for it, and a native cell
 * never waits behind a ten-minute build under qemu. Once no quick task waits, the idle workers take slow ones too,
 * so the end of a run is not one worker building alone. With a single worker slow tasks wait for their rank like any
 * task.
 *
 * <p>Tasks of the {@link Lane#ONE_AT_A_TIME} lane (translated test binaries: an emulated test binary takes whole
 * minutes of CPU, and two side by side starve the tests with deadlines) run one at a time, in rank order with the
 * quick tasks; while one runs, the other workers take any other work.
 *
 * <p>Workers start as tasks arrive, never more than tasks that could run at once: a huge {@code m1go.threads} costs
 * nothing beyond the work there is.
 */
final class WorkQueue {

    /** Work that may fail with m1go's own I/O errors. */
    @FunctionalInterface
    interface Task {
        void run() throws IOException, InterruptedException;
    }

    /** Which share of the workers a task may use. */
    enum Lane {
        /** Any worker. */
        ANY,
        /** At most {@link #slowLimit} workers at once, taken before any other work. */
        SLOW,
        /** One task at a time; otherwise like {@link #ANY}. */
        ONE_AT_A_TIME
    }

    private final int threads;
    private final int slowLimit;
    private final Object lock = new Object();
    private final PriorityQueue<Ranked> quick = new PriorityQueue<>();
    private final PriorityQueue<Ranked> slow = new PriorityQueue<>();
    private final PriorityQueue<Ranked> single = new PriorityQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private long sequence;
    private int pending;
    private int idle;
    private int slowRunning;
    private boolean singleRunning;
    private boolean started;
    private boolean stopped;
    private Throwable failure;

    WorkQueue(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.slowLimit = Math.max(1, threads - 1);
    }

    /** How many {@link Lane#SLOW} tasks may run at once: every worker but one, and at least one. */
    int slowLimit() {
        return slowLimit;
    }

    /** {@link #submit(int, Lane, Task)} on {@link Lane#ANY}. */
    void submit(int rank, Task task) {
        submit(rank, Lane.ANY, task);
    }

    /**
     * Queues a task; lower ranks run first. The tasks submitted before {@link #await} are all queued before the first
     * worker starts, so the most urgent of them is taken first.
     */
    void submit(int rank, Lane lane, Task task) {
        synchronized (lock) {
            if (failure != null || stopped) {
                return;
            }
            pending++;
            (lane == Lane.SLOW ? slow : lane == Lane.ONE_AT_A_TIME ? single : quick)
                    .add(new Ranked(rank, sequence++, lane, task));
            if (started) {
                wake();
            }
        }
    }

    /**
     * Waits until every task (and every task they submitted) has run, then stops the workers.
     *
     * @throws IOException the first task's I/O error
     */
    void await() throws IOException, InterruptedException {
        try {
            synchronized (lock) {
                started = true;
                wake();
                while (pending > 0 && failure == null) {
                    lock.wait();
                }
                if (failure instanceof IOException io) {
                    throw io;
                }
                if (failure instanceof InterruptedException ie) {
                    throw ie;
                }
                if (failure instanceof java.io.UncheckedIOException uio) {
                    throw uio.getCause(); // a full disk is a full disk, not "a cell failed inside m1go"
                }
                if (failure instanceof Error err) {
                    throw err;
                }
                if (failure != null) {
                    throw new IllegalStateException("a cell failed inside m1go: " + failure, failure);
                }
            }
        } finally {
            synchronized (lock) {
                stopped = true;
                lock.notifyAll();
            }
            workers.forEach(Thread::interrupt);
        }
    }

    /** Called with the lock held: lets an idle worker take new work, or starts one while there are fewer than allowed. */
    private void wake() {
        int waiting = quick.size() + slow.size() + (singleRunning || single.isEmpty() ? 0 : 1);
        if (idle > 0) {
            lock.notifyAll();
        }
        int wanted = Math.min(threads, workers.size() + Math.max(0, waiting - idle));
        while (workers.size() < wanted) {
            Thread th = new Thread(this::work, "m1go-cell-" + (workers.size() + 1));
            th.setDaemon(true);
            workers.add(th);
            th.start();
        }
    }

    /**
     * Called with the lock held: the next task this worker may take, or {@code null}. With one worker nothing can stay
     * free for quick work, so slow tasks then simply wait for their rank.
     */
    private Ranked next() {
        Ranked quickest = quickest();
        if (slow.isEmpty()) {
            return takeQuick(quickest);
        }
        boolean slowFirst = threads > 1 || quickest == null || slow.peek().compareTo(quickest) < 0;
        // Beyond its limit a slow task takes a worker only when no quick task waits: every quick build has then been
        // taken, and the worker that ends one is free for its runs at once.
        if (slowFirst && slowRunning < slowLimit || quickest == null) {
            slowRunning++;
            return slow.poll();
        }
        return takeQuick(quickest);
    }

    /** The most urgent quick task that may start now: of {@link Lane#ANY}, or the next one-at-a-time task if none runs. */
    private Ranked quickest() {
        Ranked any = quick.peek();
        Ranked one = singleRunning ? null : single.peek();
        if (one == null || any != null && any.compareTo(one) < 0) {
            return any;
        }
        return one;
    }

    private Ranked takeQuick(Ranked t) {
        if (t == null) {
            return null;
        }
        if (t.lane == Lane.ONE_AT_A_TIME) {
            singleRunning = true;
            return single.poll();
        }
        return quick.poll();
    }

    private void work() {
        while (true) {
            Ranked t;
            synchronized (lock) {
                while (true) {
                    if (stopped || failure != null) {
                        return;
                    }
                    t = next();
                    if (t != null) {
                        break;
                    }
                    idle++;
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    } finally {
                        idle--;
                    }
                }
            }
            Throwable failed = null;
            try {
                t.task.run();
            } catch (Throwable e) {
                failed = e;
            } finally {
                synchronized (lock) {
                    if (failed != null && failure == null) {
                        failure = failed;
                    }
                    if (t.lane == Lane.SLOW) {
                        slowRunning--;
                    } else if (t.lane == Lane.ONE_AT_A_TIME) {
                        singleRunning = false;
                    }
                    pending--;
                    lock.notifyAll();
                }
            }
        }
    }

    private record Ranked(int rank, long seq, Lane lane, Task task) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            return rank != o.rank ? Integer.compare(rank, o.rank) : Long.compare(seq, o.seq);
        }
    }
}
