package io.osprey.diameter.peer;

/**
 * Which end opened a transport connection: the "I-" (initiator, we connected) and "R-" (responder, the peer
 * connected to us) prefixes of the RFC 6733 §5.6 events and actions.
 */
public enum ConnectionSide {
    INITIATOR,
    RESPONDER
}
