package io.osprey.diameter.peer;

import io.osprey.common.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The watchdog of RFC 3539 §3.4.1 for one peer connection: sends a DWR when the connection was silent for Tw,
 * suspects the connection when that DWR is not answered within the next Tw (failover), closes it after another
 * Tw, and after a reconnection waits for three answered DWRs before failing back (REOPEN). Tw is drawn anew for
 * every timer as the configured interval plus a uniform jitter (RFC 3539 §3.4.1: 30 s ± 2 s by default).
 * Where the RFC's DOWN state retries AttemptOpen() every Tw, the owner's reconnect backoff does it instead, so
 * no timer runs while DOWN. Not thread-safe: timers must run on the owner's thread.
 */
public final class Watchdog {

    /** What the algorithm asks its owner to do. */
    public interface Actions {
        void sendWatchdog();

        /** Move requests still waiting on this connection to other peers where possible. */
        void failover();

        /** The connection may carry requests again. */
        void failback();

        void closeConnection();
    }

    private final Scheduler scheduler;
    private final Duration interval;
    private final Duration jitter;
    private final RandomGenerator random;
    private final Actions actions;
    private WatchdogState state = WatchdogState.INITIAL;
    private boolean pending;
    private int numDwa;
    private Scheduler.Timer timer;

    public Watchdog(Scheduler scheduler, Duration interval, Duration jitter, RandomGenerator random, Actions actions) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("watchdog interval Tw must be positive, was " + interval);
        }
        if (jitter.isNegative() || jitter.compareTo(interval) >= 0) {
            throw new IllegalArgumentException("watchdog jitter must be 0 or more and below Tw " + interval + ", was "
                    + jitter);
        }
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = interval;
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    public WatchdogState state() {
        return state;
    }

    /** The connection passed capabilities exchange. */
    public void connectionUp() {
        if (state == WatchdogState.INITIAL) {
            setWatchdog();
            state = WatchdogState.OKAY;
        } else if (state == WatchdogState.DOWN) {
            numDwa = 0;
            actions.sendWatchdog();
            setWatchdog();
            pending = true;
            state = WatchdogState.REOPEN;
        }
    }

    /** The connection closed or left the open state. */
    public void connectionDown() {
        WatchdogState was = state;
        if (was == WatchdogState.INITIAL || was == WatchdogState.DOWN) {
            return;
        }
        cancelTimer();
        pending = false;
        state = WatchdogState.DOWN;
        if (was == WatchdogState.OKAY) {
            actions.failover();
        }
    }

    public void dwaReceived() {
        switch (state) {
            case OKAY -> {
                pending = false;
                setWatchdog();
            }
            case SUSPECT -> {
                pending = false;
                state = WatchdogState.OKAY;
                setWatchdog();
                actions.failback();
            }
            case REOPEN -> {
                pending = false;
                numDwa++;
                if (numDwa == 3) {
                    state = WatchdogState.OKAY;
                    actions.failback();
                }
            }
            default -> {
            }
        }
    }

    /**
     * Any other message arrived from the peer. Returns false when the message must be thrown away (REOPEN:
     * the connection is not trusted yet).
     */
    public boolean otherMessageReceived() {
        switch (state) {
            case OKAY -> setWatchdog();
            case SUSPECT -> {
                state = WatchdogState.OKAY;
                setWatchdog();
                actions.failback();
            }
            case REOPEN -> {
                return false;
            }
            default -> {
            }
        }
        return true;
    }

    /** Stops the timer for good, e.g. when the node shuts down. */
    public void cancel() {
        cancelTimer();
    }

    private void timerExpired() {
        timer = null;
        switch (state) {
            case OKAY -> {
                if (pending) {
                    state = WatchdogState.SUSPECT;
                    setWatchdog();
                    actions.failover();
                } else {
                    actions.sendWatchdog();
                    pending = true;
                    setWatchdog();
                }
            }
            case SUSPECT -> closeAndGoDown();
            case REOPEN -> {
                if (!pending) {
                    actions.sendWatchdog();
                    pending = true;
                    setWatchdog();
                } else if (numDwa >= 0) {
                    numDwa = -1;
                    setWatchdog();
                } else {
                    closeAndGoDown();
                }
            }
            default -> {
            }
        }
    }

    private void closeAndGoDown() {
        state = WatchdogState.DOWN;
        pending = false;
        actions.closeConnection();
    }

    private void setWatchdog() {
        cancelTimer();
        long spread = jitter.toNanos();
        long delay = interval.toNanos() + (spread == 0 ? 0 : random.nextLong(-spread, spread + 1));
        timer = scheduler.schedule(Duration.ofNanos(delay), this::timerExpired);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
