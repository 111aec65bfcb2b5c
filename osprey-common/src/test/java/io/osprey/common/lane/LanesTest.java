package io.osprey.common.lane;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.common.time.Scheduler;
import io.osprey.common.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LanesTest {

    @Test
    void tasksOfOneKeyRunInOrderOnOneThread() throws InterruptedException {
        try (Lanes lanes = new Lanes("test", 4, 1000)) {
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            List<String> threads = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(500);
            for (int i = 0; i < 500; i++) {
                int n = i;
                assertThat(lanes.offer("call-1".hashCode(), () -> {
                    seen.add(n);
                    threads.add(Thread.currentThread().getName());
                    done.countDown();
                })).isTrue();
            }
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).isSorted().hasSize(500);
            assertThat(threads).containsOnly(threads.get(0));
        }
    }

    @Test
    void fullLaneRefusesInsteadOfBlockingAndSurvivesAFailingTask() throws InterruptedException {
        try (Lanes lanes = new Lanes("test", 1, 2)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            lanes.offer(0, () -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("boom");
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(lanes.offer(0, () -> { })).isTrue();
            assertThat(lanes.offer(0, () -> { })).isTrue();
            assertThat(lanes.offer(0, () -> { })).as("third task over capacity 2").isFalse();
            assertThat(lanes.maxLoad()).isEqualTo(1.0);
            release.countDown();

            CountDownLatch after = new CountDownLatch(1);
            assertThat(lanes.put(0, after::countDown)).isTrue();
            assertThat(after.await(5, TimeUnit.SECONDS)).as("lane still runs after a task threw").isTrue();
        }
    }

    @Test
    void anIdleLaneRunsATaskOnTheCallingThreadAndABusyOneRefuses() throws InterruptedException {
        try (Lanes lanes = new Lanes("test", 1, 10)) {
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            Thread caller = Thread.currentThread();
            boolean[] inLane = new boolean[1];
            assertThat(lanes.runIfIdle(7, () -> {
                assertThat(Thread.currentThread()).isSameAs(caller);
                inLane[0] = lanes.inLane(7);
                order.add("inline 1");
            })).isTrue();
            assertThat(inLane[0]).isTrue();
            assertThat(lanes.inLane(7)).as("only while the task runs").isFalse();

            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            lanes.offer(7, () -> {
                started.countDown();
                awaitQuietly(release);
                order.add("queued 1");
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(lanes.runIfIdle(7, () -> order.add("never"))).as("a task is running").isFalse();
            CountDownLatch done = new CountDownLatch(1);
            lanes.offer(7, () -> {
                order.add("queued 2");
                done.countDown();
            });
            release.countDown();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            // once everything queued has run, the lane is idle again
            for (int i = 0; i < 100 && !lanes.runIfIdle(7, () -> order.add("inline 2")); i++) {
                Thread.sleep(10);
            }
            assertThat(order).containsExactly("inline 1", "queued 1", "queued 2", "inline 2");
            assertThat(lanes.completedTasks()).isEqualTo(4);
        }
    }

    @Test
    void aTaskRunInPlaceCannotRunAnotherLanesTaskInside() {
        try (Lanes lanes = new Lanes("test", 2, 10)) {
            boolean[] nested = {true};
            assertThat(lanes.runIfIdle(0, () -> nested[0] = lanes.runIfIdle(1, () -> { }))).isTrue();
            assertThat(nested[0]).isFalse();
        }
    }

    @Test
    void timersStartedOnALaneFireOnThatLaneAndOthersGoElsewhere() throws InterruptedException {
        VirtualScheduler elsewhere = new VirtualScheduler();
        try (Lanes lanes = new Lanes("test", 2, 10)) {
            Scheduler scheduler = lanes.scheduler(elsewhere);
            CountDownLatch fired = new CountDownLatch(2);
            List<Boolean> onLane = Collections.synchronizedList(new ArrayList<>());
            long[] startedAt = new long[1];
            Scheduler.Timer[] cancelled = new Scheduler.Timer[1];
            // started by a task run in place: the lane's own thread must wake up for it
            assertThat(lanes.runIfIdle(3, () -> {
                startedAt[0] = System.nanoTime();
                scheduler.schedule(Duration.ofMillis(30), () -> {
                    onLane.add(lanes.inLane(3) && System.nanoTime() - startedAt[0] >= 30_000_000L);
                    fired.countDown();
                });
                cancelled[0] = scheduler.schedule(Duration.ofMillis(20), () -> onLane.add(false));
                cancelled[0].cancel();
            })).isTrue();
            lanes.offer(4, () -> scheduler.schedule(Duration.ofMillis(5), () -> {
                onLane.add(lanes.inLane(4));
                fired.countDown();
            }));
            assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(onLane).containsExactly(true, true);

            boolean[] ranElsewhere = new boolean[1];
            scheduler.schedule(Duration.ofSeconds(1), () -> ranElsewhere[0] = true);
            assertThat(elsewhere.pendingTimers()).as("not started on a lane").isEqualTo(1);
            elsewhere.advance(Duration.ofSeconds(1));
            assertThat(ranElsewhere[0]).isTrue();
            assertThat(lanes.pendingTimers()).isZero();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
