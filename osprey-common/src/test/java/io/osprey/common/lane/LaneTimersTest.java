package io.osprey.common.lane;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.common.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timer wheel of a lane, driven with explicit clock values (no threads, no sleeping). */
class LaneTimersTest {

    private static final long T0 = 1_000_000_000L;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final LaneTimers wheel = new LaneTimers(lock, T0);
    private final List<String> fired = new ArrayList<>();

    @BeforeEach
    void holdTheLane() {
        lock.lock();
    }

    @AfterEach
    void releaseTheLane() {
        lock.unlock();
    }

    private Scheduler.Timer add(long nowMs, long delayMs, String name) {
        return wheel.add(T0 + nowMs * MS, delayMs * MS, () -> fired.add(name));
    }

    private void runAt(long ms) {
        wheel.runDue(T0 + ms * MS, Runnable::run);
    }

    @Test
    void firesOnTheFirstTickAtOrAfterTheDeadlineAndNeverEarly() {
        add(0, 500, "a");
        add(3, 25, "b");
        runAt(27);
        assertThat(fired).isEmpty(); // b's deadline 28 ms is not reached
        runAt(30);
        assertThat(fired).containsExactly("b");
        runAt(499);
        assertThat(fired).containsExactly("b");
        runAt(500);
        assertThat(fired).containsExactly("b", "a");
        assertThat(wheel.size()).isZero();
    }

    @Test
    void aCancelledTimerNeverFiresAndLeavesTheWheelAtOnce() {
        Scheduler.Timer timer = add(0, 100, "a");
        assertThat(timer.cancel()).isTrue();
        assertThat(wheel.size()).isZero();
        assertThat(timer.cancel()).as("second cancel").isFalse();
        runAt(200);
        assertThat(fired).isEmpty();
    }

    @Test
    void aTimerCancelledFromAnotherThreadIsSkippedWhenItsSlotComesRound() throws InterruptedException {
        Scheduler.Timer timer = add(0, 100, "a");
        boolean[] cancelled = new boolean[1];
        Thread other = new Thread(() -> cancelled[0] = timer.cancel());
        other.start();
        other.join();
        assertThat(cancelled[0]).isTrue();
        assertThat(wheel.size()).as("only marked: the other thread does not hold the lane").isEqualTo(1);
        runAt(200);
        assertThat(fired).isEmpty();
        assertThat(wheel.size()).isZero();
        assertThat(timer.cancel()).isFalse();
    }

    @Test
    void timersBeyondOneTurnOfTheWheelWaitForTheirRound() {
        long turn = LaneTimers.SLOTS * LaneTimers.TICK_NANOS / MS; // 40960 ms
        assertThat(turn).as("64*T1 fits in one turn, timer C does not").isGreaterThan(32_000).isLessThan(180_000);
        add(0, 180_000, "timer C");
        add(0, 180_000 - 4 * turn, "same slot, four turns earlier");
        for (long ms = 10; ms < 180_000; ms += 10) {
            runAt(ms);
        }
        assertThat(fired).containsExactly("same slot, four turns earlier");
        runAt(180_000);
        assertThat(fired).containsExactly("same slot, four turns earlier", "timer C");
    }

    @Test
    void aLateLaneCatchesUpWithEveryDueTimerOnce() {
        add(0, 20, "a");
        add(0, 50_000, "b");
        add(0, 200_000, "c");
        runAt(120_000); // more than a whole turn late
        assertThat(fired).containsExactly("a", "b");
        runAt(200_000);
        assertThat(fired).containsExactly("a", "b", "c");
    }

    @Test
    void anExpiryMayCancelATimerDueInTheSameTickOrStartANewOne() {
        Scheduler.Timer[] second = new Scheduler.Timer[1];
        wheel.add(T0, 10 * MS, () -> {
            fired.add("first");
            second[0].cancel();
            wheel.add(T0 + 10 * MS, 0, () -> fired.add("started by first"));
        });
        second[0] = add(0, 10, "second");
        runAt(10);
        assertThat(fired).containsExactly("first");
        runAt(20);
        assertThat(fired).containsExactly("first", "started by first");
    }
}
