package io.osprey.diameter.peer;

import static io.osprey.diameter.peer.ConnectionSide.INITIATOR;
import static io.osprey.diameter.peer.ConnectionSide.RESPONDER;

import io.osprey.diameter.message.DiameterMessage;

/**
 * The connections the RFC 6733 §5.6 state machine calls I (we opened it) and R (the peer opened it), with
 * what each handshake revealed: the peer's CER on R, awaiting our CEA, and the capabilities announced on
 * either. Owned by the peer's thread.
 */
final class PeerConnections {

    private PeerConnection initiator;
    private PeerConnection responder;
    private DiameterMessage responderCer;
    private PeerCapabilities responderCapabilities;
    private PeerCapabilities initiatorCapabilities;

    /** I or R for a connection the state machine knows; null for any other (rejected, already dropped). */
    ConnectionSide sideOf(PeerConnection connection) {
        if (connection == null) {
            return null;
        }
        return connection == initiator ? INITIATOR : connection == responder ? RESPONDER : null;
    }

    PeerConnection get(ConnectionSide side) {
        return side == INITIATOR ? initiator : responder;
    }

    /** The connection an open (or closing) peer uses: I in I-Open, otherwise R when there is one. */
    PeerConnection active(PeerState state) {
        return state == PeerState.I_OPEN || responder == null ? initiator : responder;
    }

    void initiated(PeerConnection connection) {
        initiator = connection;
    }

    /** Accept: the connection that delivered {@code cer} becomes R. */
    void accept(PeerConnection connection, DiameterMessage cer, PeerCapabilities capabilities) {
        responder = connection;
        responderCer = connection == null ? null : cer;
        responderCapabilities = capabilities;
    }

    DiameterMessage responderCer() {
        return responderCer;
    }

    /** Process-CEA: what the peer announced on I. */
    void initiatorCapabilities(PeerCapabilities capabilities) {
        initiatorCapabilities = capabilities;
    }

    /** The capabilities of the connection that opened in {@code state}. */
    PeerCapabilities capabilitiesFor(PeerState state) {
        return state == PeerState.I_OPEN ? initiatorCapabilities : responderCapabilities;
    }

    /** Disc: forgets and closes the connection on {@code side}. */
    void disconnect(ConnectionSide side) {
        PeerConnection connection = get(side);
        if (side == INITIATOR) {
            initiator = null;
        } else {
            responder = null;
            responderCer = null;
        }
        if (connection != null) {
            connection.close();
        }
    }
}
