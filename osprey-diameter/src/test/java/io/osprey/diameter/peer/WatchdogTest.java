package io.osprey.diameter.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.common.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 3539 §3.4.1 on a virtual clock. */
class WatchdogTest {

    private static final Duration TW = Duration.ofSeconds(30);

    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<String> actions = new ArrayList<>();
    private final Watchdog watchdog = new Watchdog(clock, TW, Duration.ZERO, new SplittableRandom(1), new Recorder());

    private final class Recorder implements Watchdog.Actions {
        @Override
        public void sendWatchdog() {
            actions.add("DWR");
        }

        @Override
        public void failover() {
            actions.add("failover");
        }

        @Override
        public void failback() {
            actions.add("failback");
        }

        @Override
        public void closeConnection() {
            actions.add("close");
        }
    }

    private void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void sendsDwrAfterTwOfSilenceAndStaysOkayWhenAnswered() {
        watchdog.connectionUp();
        assertThat(watchdog.state()).isEqualTo(WatchdogState.OKAY);

        advance(29);
        assertThat(actions).isEmpty();
        advance(1);
        assertThat(actions).containsExactly("DWR");

        watchdog.dwaReceived();
        advance(29);
        assertThat(actions).containsExactly("DWR");
        advance(1);
        assertThat(actions).containsExactly("DWR", "DWR");
        assertThat(watchdog.state()).isEqualTo(WatchdogState.OKAY);
    }

    @Test
    void trafficPostponesTheDwr() {
        watchdog.connectionUp();
        advance(20);
        assertThat(watchdog.otherMessageReceived()).isTrue();
        advance(20);
        assertThat(actions).isEmpty();
        advance(10);
        assertThat(actions).containsExactly("DWR");
    }

    @Test
    void unansweredDwrMakesTheConnectionSuspectThenDown() {
        watchdog.connectionUp();
        advance(30);
        assertThat(actions).containsExactly("DWR");

        advance(30);
        assertThat(watchdog.state()).isEqualTo(WatchdogState.SUSPECT);
        assertThat(actions).containsExactly("DWR", "failover");

        advance(30);
        assertThat(watchdog.state()).isEqualTo(WatchdogState.DOWN);
        assertThat(actions).containsExactly("DWR", "failover", "close");
        assertThat(clock.pendingTimers()).isZero();
    }

    @Test
    void answerWhileSuspectFailsBack() {
        watchdog.connectionUp();
        advance(60);
        assertThat(watchdog.state()).isEqualTo(WatchdogState.SUSPECT);

        watchdog.dwaReceived();

        assertThat(watchdog.state()).isEqualTo(WatchdogState.OKAY);
        assertThat(actions).containsExactly("DWR", "failover", "failback");
    }

    @Test
    void anyMessageWhileSuspectFailsBack() {
        watchdog.connectionUp();
        advance(60);

        assertThat(watchdog.otherMessageReceived()).isTrue();

        assertThat(watchdog.state()).isEqualTo(WatchdogState.OKAY);
        assertThat(actions).containsExactly("DWR", "failover", "failback");
    }

    @Test
    void losingAnOkayConnectionFailsOverAtOnce() {
        watchdog.connectionUp();
        watchdog.connectionDown();
        assertThat(watchdog.state()).isEqualTo(WatchdogState.DOWN);
        assertThat(actions).containsExactly("failover");
        assertThat(clock.pendingTimers()).isZero();
    }

    @Test
    void reopenedConnectionNeedsThreeAnsweredDwrsBeforeFailback() {
        watchdog.connectionUp();
        watchdog.connectionDown();
        actions.clear();

        watchdog.connectionUp();
        assertThat(watchdog.state()).isEqualTo(WatchdogState.REOPEN);
        assertThat(actions).containsExactly("DWR");
        assertThat(watchdog.otherMessageReceived()).as("traffic is thrown away while reopening").isFalse();

        watchdog.dwaReceived();
        advance(30);
        assertThat(actions).containsExactly("DWR", "DWR");
        watchdog.dwaReceived();
        advance(30);
        assertThat(watchdog.state()).isEqualTo(WatchdogState.REOPEN);
        watchdog.dwaReceived();

        assertThat(watchdog.state()).isEqualTo(WatchdogState.OKAY);
        assertThat(actions).containsExactly("DWR", "DWR", "DWR", "failback");
        assertThat(watchdog.otherMessageReceived()).isTrue();
    }

    @Test
    void reopenedConnectionThatStopsAnsweringGoesDownAfterTwoMoreIntervals() {
        watchdog.connectionUp();
        watchdog.connectionDown();
        watchdog.connectionUp();
        actions.clear();

        advance(30);
        assertThat(watchdog.state()).as("first expiry with a DWR pending: NumDWA = -1").isEqualTo(WatchdogState.REOPEN);
        assertThat(actions).isEmpty();
        advance(30);
        assertThat(watchdog.state()).isEqualTo(WatchdogState.DOWN);
        assertThat(actions).containsExactly("close");
    }

    @Test
    void jitterSpreadsEachIntervalWithinTheBound() {
        VirtualScheduler jittered = new VirtualScheduler();
        List<Long> fired = new ArrayList<>();
        Watchdog dog = new Watchdog(jittered, TW, Duration.ofSeconds(2), new SplittableRandom(7), new Watchdog.Actions() {
            @Override
            public void sendWatchdog() {
                fired.add(jittered.nanoTime());
            }

            @Override
            public void failover() {
            }

            @Override
            public void failback() {
            }

            @Override
            public void closeConnection() {
            }
        });
        long start = jittered.nanoTime();
        dog.connectionUp();
        jittered.advance(Duration.ofSeconds(33));
        assertThat(fired).hasSize(1);
        long tw = fired.get(0) - start;
        assertThat(tw).isBetween(Duration.ofSeconds(28).toNanos(), Duration.ofSeconds(32).toNanos());
    }

    @Test
    void refusesIntervalsThatMakeNoSense() {
        assertThatThrownBy(() -> new Watchdog(clock, Duration.ZERO, Duration.ZERO, new SplittableRandom(), new Recorder()))
                .hasMessageContaining("Tw");
        assertThatThrownBy(() -> new Watchdog(clock, TW, TW, new SplittableRandom(), new Recorder()))
                .hasMessageContaining("jitter");
    }
}
