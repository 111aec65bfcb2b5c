package io.osprey.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    @Test
    void firesTimersInDeadlineOrderOnlyWhenTheClockReachesThem() {
        VirtualScheduler scheduler = new VirtualScheduler();
        List<String> fired = new ArrayList<>();
        scheduler.schedule(Duration.ofMillis(500), () -> fired.add("A"));
        scheduler.schedule(Duration.ofMillis(100), () -> fired.add("B"));
        scheduler.schedule(Duration.ofMillis(100), () -> fired.add("C"));

        scheduler.advance(Duration.ofMillis(99));
        assertThat(fired).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(fired).containsExactly("B", "C");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(fired).containsExactly("B", "C", "A");
        assertThat(scheduler.nanoTime()).isEqualTo(Duration.ofMillis(1100).toNanos());
    }

    @Test
    void cancelledTimerNeverFiresAndTimersMayScheduleTimers() {
        VirtualScheduler scheduler = new VirtualScheduler();
        List<Long> firedAt = new ArrayList<>();
        Scheduler.Timer cancelled = scheduler.schedule(Duration.ofMillis(10), () -> firedAt.add(-1L));
        scheduler.schedule(Duration.ofMillis(10), () ->
                scheduler.schedule(Duration.ofMillis(10), () -> firedAt.add(scheduler.nanoTime())));

        assertThat(cancelled.cancel()).isTrue();
        assertThat(cancelled.cancel()).isFalse();
        scheduler.advance(Duration.ofMillis(50));
        assertThat(firedAt).containsExactly(Duration.ofMillis(20).toNanos());
        assertThat(scheduler.pendingTimers()).isZero();
    }
}
