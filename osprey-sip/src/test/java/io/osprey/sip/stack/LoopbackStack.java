package io.osprey.sip.stack;

import io.osprey.sip.codec.SipLimits;
import io.osprey.sip.transaction.TransactionConfig;
import io.osprey.sip.transport.LoopbackPorts;
import io.osprey.sip.transport.TransportConfig;
import io.osprey.sip.transport.TransportProtocol;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Starts a {@link SipStack} with one lane on a free loopback UDP port, retrying if the port is taken. */
final class LoopbackStack {

    static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    private LoopbackStack() {
    }

    /** A stack that refuses new requests only by its lane fill ratio (the queueing-delay signal off). */
    static SipStack start(int laneQueue, double rejectAbove, RecordingUser user) throws InterruptedException {
        return start(laneQueue, rejectAbove, Duration.ZERO, user);
    }

    static SipStack start(int laneQueue, double rejectAbove, Duration maxQueueDelay, RecordingUser user)
            throws InterruptedException {
        Exception last = null;
        for (int attempt = 0; attempt < LoopbackPorts.START_ATTEMPTS; attempt++) {
            TransportConfig transport = new TransportConfig("127.0.0.1", LoopbackPorts.freePort(), 0, 0, null, null,
                    TransportConfig.DEFAULT_UDP_MTU_LIMIT, 60);
            SipStack stack = new SipStack(new SipStackSettings(transport, SipLimits.DEFAULTS,
                    TransactionConfig.DEFAULTS, 1, laneQueue, rejectAbove, RETRY_AFTER, 1, QueueDelay.of(maxQueueDelay)));
            try {
                stack.start(user);
                return stack;
            } catch (InterruptedException e) {
                stack.close();
                throw e;
            } catch (Exception portTaken) {
                stack.close();
                last = portTaken;
            }
        }
        throw new IllegalStateException("could not start a SIP stack on loopback", last);
    }

    static InetSocketAddress udpAddress(SipStack stack) {
        return stack.transports().localAddress(TransportProtocol.UDP);
    }
}
