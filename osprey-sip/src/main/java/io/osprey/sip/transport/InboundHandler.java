package io.osprey.sip.transport;

/**
 * Receives decoded messages from the transports, on a Netty event loop thread. Implementations hand the message
 * to the lane of its Call-ID and return at once; they never block.
 */
@FunctionalInterface
public interface InboundHandler {

    void onMessage(InboundMessage message);
}
