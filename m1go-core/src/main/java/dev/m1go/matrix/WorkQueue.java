package dev.m1go.matrix;

import java.io.IOException;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of workers that always take the most urgent task waiting: the lowest rank, then the one submitted
 * first. A task may submit further tasks (a build submits the runs of its cells); no task ever waits for another, so
 * a worker is never held by a cell whose build is not ready. The first task that fails stops the rest.
 */
final class WorkQueue {

    /** Work that may fail with m1go's own I/O errors. */
    @FunctionalInterface
    interface Task {
        void run() throws IOException, InterruptedException;
    }

    private final ThreadPoolExecutor pool;
    private final AtomicLong sequence = new AtomicLong();
    private final Object lock = new Object();
    private int pending;
    private Throwable failure;

    WorkQueue(int threads) {
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), r -> {
            Thread th = new Thread(r, "m1go-cell");
            th.setDaemon(true);
            return th;
        });
    }

    /**
     * Queues a task; lower ranks run first. The tasks submitted before {@link #await} are all queued before the first
     * worker starts, so the most urgent of them is taken first.
     */
    void submit(int rank, Task task) {
        synchronized (lock) {
            if (failure != null) {
                return;
            }
            pending++;
        }
        // Straight into the queue: a pool that starts a thread for a new task hands it that task directly, ahead of
        // more urgent ones already waiting.
        pool.getQueue().offer(new Ranked(rank, sequence.getAndIncrement(), task));
    }

    /**
     * Waits until every task (and every task they submitted) has run, then stops the workers.
     *
     * @throws IOException the first task's I/O error
     */
    void await() throws IOException, InterruptedException {
        pool.prestartAllCoreThreads();
        try {
            synchronized (lock) {
                while (pending > 0 && failure == null) {
                    lock.wait();
                }
                if (failure instanceof IOException io) {
                    throw io;
                }
                if (failure instanceof InterruptedException ie) {
                    throw ie;
                }
                if (failure != null) {
                    throw new IllegalStateException("a cell failed inside m1go: " + failure, failure);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private final class Ranked implements Runnable, Comparable<Ranked> {
        private final int rank;
        private final long seq;
        private final Task task;

        Ranked(int rank, long seq, Task task) {
            this.rank = rank;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void run() {
            Throwable failed = null;
            try {
                synchronized (lock) {
                    if (failure != null) {
                        return;
                    }
                }
                task.run();
            } catch (Throwable t) {
                failed = t;
            } finally {
                synchronized (lock) {
                    if (failed != null && failure == null) {
                        failure = failed;
                    }
                    pending--;
                    lock.notifyAll();
                }
            }
        }

        @Override
        public int compareTo(Ranked o) {
            return rank != o.rank ? Integer.compare(rank, o.rank) : Long.compare(seq, o.seq);
        }
    }
}
