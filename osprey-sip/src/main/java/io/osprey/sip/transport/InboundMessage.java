package io.osprey.sip.transport;

import io.osprey.sip.message.SipMessage;

/** A decoded message with where it came from and when (monotonic nanoseconds). */
public record InboundMessage(SipMessage message, Source source, long receivedNanos) {
}
