package io.osprey.sip.transport;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import java.util.function.Consumer;

/**
 * What the transaction layer needs from transports. Sending is asynchronous; a failure (connection refused, ICMP
 * unreachable, no route) is reported to {@code onFailure} on any thread, and the caller posts it back to its lane.
 */
public interface MessageSender {

    /** Sends a request to a hop (RFC 3261 §18.1.1); the transport may switch UDP to TCP for large requests. */
    void sendRequest(SipRequest request, Hop hop, Consumer<Throwable> onFailure);

    /**
     * Sends a response back toward the sender of a request received from {@code requestSource}, following
     * RFC 3261 §18.2.2 and RFC 3581 (the connection it came on, else the Via received/rport, maddr, sent-by).
     */
    void sendResponse(SipResponse response, Source requestSource, Consumer<Throwable> onFailure);

    /**
     * Sends {@code response} as {@link #sendResponse} does and keeps it, to send again whenever the request is
     * retransmitted (RFC 3261 §17.2.1 timer G, §17.2.2 timer J: up to 64*T1). The default keeps the message; a
     * transport may keep no more than resending needs, its wire bytes and destination.
     */
    default KeptResponse sendAndKeepResponse(SipResponse response, Source requestSource, Consumer<Throwable> onFailure) {
        sendResponse(response, requestSource, onFailure);
        return again -> sendResponse(response, requestSource, again);
    }

    /** A response kept by {@link #sendAndKeepResponse}. */
    @FunctionalInterface
    interface KeptResponse {

        /** Sends the response again; a failure goes to {@code onFailure}, as for the first send. */
        void resend(Consumer<Throwable> onFailure);
    }
}
