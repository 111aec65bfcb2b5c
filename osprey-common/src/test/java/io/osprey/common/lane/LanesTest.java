package io.osprey.common.lane;

import static org.assertj.core.api.Assertions.assertThat;

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
}
