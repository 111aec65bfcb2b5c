package io.osprey.diameter.peer;

import io.osprey.common.time.Scheduler;
import io.osprey.diameter.dictionary.BaseDictionary;

/**
 * Reconnection to a configured peer after its connection closed: after Tc, with the bounded exponential
 * {@link ReconnectBackoff}, unless the node stopped or the peer asked not to be called back (RFC 6733 §5.4.3:
 * DO_NOT_WANT_TO_TALK_TO_YOU; BUSY waits the longest delay). Owned by the peer's thread.
 */
final class Reconnection {

    private final Scheduler scheduler;
    private final ReconnectBackoff backoff;
    private boolean enabled;
    private Scheduler.Timer timer;

    Reconnection(Scheduler scheduler, PeerTimers timers) {
        this.scheduler = scheduler;
        this.backoff = new ReconnectBackoff(timers.reconnect(), timers.maxReconnect());
    }

    boolean enabled() {
        return enabled;
    }

    void enable(boolean on) {
        enabled = on;
        if (!on) {
            cancel();
        }
    }

    /** A connection opened: the next loss retries after Tc again. */
    void opened() {
        backoff.reset();
    }

    /** Runs {@code start} after the next backoff delay, unless disabled by then or already scheduled. */
    void schedule(Runnable start) {
        if (enabled && timer == null) {
            timer = scheduler.schedule(backoff.next(), () -> {
                timer = null;
                if (enabled) {
                    start.run();
                }
            });
        }
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** The peer sent DPR with {@code cause}. */
    void peerDisconnected(int cause) {
        if (cause == BaseDictionary.DISCONNECT_DO_NOT_WANT_TO_TALK_TO_YOU) {
            enable(false);
        } else if (cause == BaseDictionary.DISCONNECT_BUSY) {
            backoff.backOffFully();
        } else {
            backoff.reset();
        }
    }
}
