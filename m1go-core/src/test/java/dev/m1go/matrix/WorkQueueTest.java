package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scheduler: ranks, the lane of slow builds, and workers only as many as the work. */
@Timeout(30)
class WorkQueueTest {

    @Test
    void slowTasks_neverTakeEveryWorker_soAQuickTaskRunsWhileTheyBlock() throws Exception {
        WorkQueue q = new WorkQueue(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowAtOnce = new AtomicInteger();
        AtomicInteger maxSlowAtOnce = new AtomicInteger();
        CountDownLatch quickRan = new CountDownLatch(1);
        for (int i = 0; i < 3; i++) {
            q.submit(0, WorkQueue.Lane.SLOW, () -> {
                maxSlowAtOnce.accumulateAndGet(slowAtOnce.incrementAndGet(), Math::max);
                release.await();
                slowAtOnce.decrementAndGet();
            });
        }
        q.submit(5, () -> quickRan.countDown());
        Thread awaiting = new Thread(() -> {
            try {
                q.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaiting.start();
        assertThat(quickRan.await(10, TimeUnit.SECONDS)).as("the quick task ran while slow ones held a worker")
                .isTrue();
        release.countDown();
        awaiting.join();
        assertThat(maxSlowAtOnce.get()).isEqualTo(1);
    }

    @Test
    void slowTasks_startBeforeQuickOnes_onTheirOwnLane() throws Exception {
        WorkQueue q = new WorkQueue(3);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch bothStarted = new CountDownLatch(2);
        for (String name : List.of("quick-1", "quick-2")) {
            q.submit(0, () -> order.add(name));
        }
        for (String name : List.of("slow-1", "slow-2")) {
            q.submit(9, WorkQueue.Lane.SLOW, () -> {
                order.add(name);
                bothStarted.countDown();
                bothStarted.await(5, TimeUnit.SECONDS);
            });
        }
        q.await();
        assertThat(q.slowLimit()).isEqualTo(2);
        assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("slow-1", "slow-2");
        assertThat(bothStarted.getCount()).as("two slow tasks ran at once on three workers").isZero();
    }

    @Test
    void oneWorker_takesTheCheapestFirst_slowTasksWaitForTheirRank() throws Exception {
        WorkQueue q = new WorkQueue(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        q.submit(3, WorkQueue.Lane.SLOW, () -> order.add("slow build"));
        q.submit(2, () -> {
            order.add("build");
            q.submit(0, () -> order.add("run"));
        });
        q.await();
        assertThat(order).containsExactly("build", "run", "slow build");
    }

    @Test
    void aHugeThreadCount_startsNoMoreWorkersThanThereIsWork_andFinishes() throws Exception {
        WorkQueue q = new WorkQueue(100_000);
        AtomicInteger ran = new AtomicInteger();
        q.submit(0, () -> {
            ran.incrementAndGet();
            q.submit(0, ran::incrementAndGet);
        });
        int before = Thread.activeCount();
        q.await();
        assertThat(ran.get()).isEqualTo(2);
        assertThat(Thread.activeCount() - before).isLessThan(10);
    }

    @Test
    void theFirstFailure_isThrownByAwait() {
        WorkQueue q = new WorkQueue(2);
        q.submit(0, () -> {
            throw new java.io.IOException("disk full");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(q::await).isInstanceOf(java.io.IOException.class)
                .hasMessage("disk full");
    }
}
