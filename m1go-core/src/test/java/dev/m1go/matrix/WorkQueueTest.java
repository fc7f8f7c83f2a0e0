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

/** The scheduler: ranks, the lane of slow builds, one-at-a-time tasks, and workers only as many as the work. */
@Timeout(30)
class WorkQueueTest {

    @Test
    void slowTasks_neverTakeTheLastWorkerWhileQuickWorkWaits_thenTheIdleOneHelps() throws Exception {
        WorkQueue q = new WorkQueue(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowAtOnce = new AtomicInteger();
        AtomicInteger maxSlowAtOnce = new AtomicInteger();
        AtomicInteger slowAtOnceWhileQuickRan = new AtomicInteger();
        CountDownLatch quickRan = new CountDownLatch(3);
        CountDownLatch twoSlowAtOnce = new CountDownLatch(2);
        for (int i = 0; i < 3; i++) {
            q.submit(0, WorkQueue.Lane.SLOW, () -> {
                maxSlowAtOnce.accumulateAndGet(slowAtOnce.incrementAndGet(), Math::max);
                twoSlowAtOnce.countDown();
                release.await();
                slowAtOnce.decrementAndGet();
            });
        }
        for (int i = 0; i < 3; i++) {
            q.submit(5, () -> {
                slowAtOnceWhileQuickRan.accumulateAndGet(slowAtOnce.get(), Math::max);
                quickRan.countDown();
            });
        }
        Thread awaiting = new Thread(() -> {
            try {
                q.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaiting.start();
        assertThat(quickRan.await(10, TimeUnit.SECONDS))
                .as("the quick tasks ran while a slow one held a worker")
                .isTrue();
        assertThat(slowAtOnceWhileQuickRan.get())
                .as("slow tasks running while quick ones waited")
                .isEqualTo(1);
        assertThat(twoSlowAtOnce.await(10, TimeUnit.SECONDS))
                .as("with no quick task left, the idle worker helps")
                .isTrue();
        release.countDown();
        awaiting.join();
        assertThat(maxSlowAtOnce.get()).isEqualTo(2);
    }

    @Test
    void slowTasks_startBeforeQuickOnes_onTheirOwnLane() throws Exception {
        // Two workers, two quick tasks of the lowest rank queued first: if they were taken first, both workers would
        // wait in them for a slow task that could never start.
        WorkQueue q = new WorkQueue(2);
        CountDownLatch slowStarted = new CountDownLatch(1);
        List<Boolean> quickSawSlowRunning = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 2; i++) {
            q.submit(0, () -> quickSawSlowRunning.add(slowStarted.await(5, TimeUnit.SECONDS)));
        }
        q.submit(9, WorkQueue.Lane.SLOW, slowStarted::countDown);
        q.await();
        assertThat(q.slowLimit()).isEqualTo(1);
        assertThat(quickSawSlowRunning).containsExactly(true, true);
    }

    @Test
    void oneAtATimeTasks_takeTurns_whileTheOtherWorkersTakeTheRest() throws Exception {
        WorkQueue q = new WorkQueue(3);
        AtomicInteger singleAtOnce = new AtomicInteger();
        AtomicInteger maxSingleAtOnce = new AtomicInteger();
        CountDownLatch quickRan = new CountDownLatch(4);
        List<Boolean> quickRanBesideTheFirst = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            boolean first = i == 0;
            q.submit(0, WorkQueue.Lane.ONE_AT_A_TIME, () -> {
                maxSingleAtOnce.accumulateAndGet(singleAtOnce.incrementAndGet(), Math::max);
                if (first) {
                    quickRanBesideTheFirst.add(quickRan.await(10, TimeUnit.SECONDS));
                }
                Thread.sleep(20);
                singleAtOnce.decrementAndGet();
            });
        }
        for (int i = 0; i < 4; i++) {
            q.submit(1, quickRan::countDown);
        }
        q.await();
        assertThat(maxSingleAtOnce.get()).as("one-at-a-time tasks at once").isEqualTo(1);
        assertThat(quickRanBesideTheFirst)
                .as("the other workers ran the rest meanwhile")
                .containsExactly(true);
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
        org.assertj.core.api.Assertions.assertThatThrownBy(q::await)
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("disk full");
    }
}
