package io.osprey.cscf.pcscf;

import io.osprey.sip.transport.Source;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Registrations restored from a snapshot that still need the P-CSCF's own reg-event subscription (TS 24.229
 * §5.2.3, RFC 3680): the subscription dialog from before the restart ended with the process, so each gets a fresh
 * SUBSCRIBE, as after a 200 to REGISTER. They are released a batch at a time, at most {@link #PER_TICK} per
 * housekeeping tick (once a second), so a restart with many UEs does not flood the S-CSCFs with SUBSCRIBEs.
 */
final class RestoredSubscriptions {

    /** SUBSCRIBEs sent per tick: 100 000 restored UEs are subscribed again within about ten minutes. */
    static final int PER_TICK = 200;

    private final Queue<Source> waiting = new ConcurrentLinkedQueue<>();

    void add(Collection<UeRegistration> restored) {
        for (UeRegistration registration : restored) {
            waiting.add(registration.source());
        }
    }

    /**
     * Hands up to {@link #PER_TICK} waiting UEs to {@code subscribe}, each with its registration as the cache holds
     * it now; one that has since ended or expired is passed over (a UE that registered again meanwhile already has
     * a subscription, which {@code subscribe} keeps).
     */
    void release(UeRegistrations registrations, long now, Consumer<UeRegistration> subscribe) {
        for (int released = 0; released < PER_TICK; ) {
            Source source = waiting.poll();
            if (source == null) {
                return;
            }
            UeRegistration current = registrations.fromSource(source, now);
            if (current != null) {
                subscribe.accept(current);
                released++;
            }
        }
    }

    /** Number of UEs still waiting. */
    int waiting() {
        return waiting.size();
    }
}
