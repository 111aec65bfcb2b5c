package io.osprey.diameter.peer;

import java.util.Objects;

/**
 * One action of the RFC 6733 §5.6 peer state machine, with the connection it applies to (the "I-" or "R-"
 * prefix). {@link Type#ERROR} concerns every connection of the peer and has no side.
 */
public record PeerAction(Type type, ConnectionSide side) {

    /** The actions of RFC 6733 §5.6, named after the RFC. */
    public enum Type {
        /** Snd-Conn-Req: open a transport connection to the peer. */
        SND_CONN_REQ,
        /** Accept: make the incoming connection of the R-Conn-CER the responder connection. */
        ACCEPT,
        /** Reject: disconnect the incoming connection of the R-Conn-CER. */
        REJECT,
        SND_CER,
        SND_CEA,
        /** Process-CEA: record the peer's capabilities from its CEA. */
        PROCESS_CEA,
        /** Cleanup: close the connection if still open and free its resources. */
        CLEANUP,
        /** Error: disconnect every connection and free local resources. */
        ERROR,
        /** Disc: disconnect this connection. */
        DISC,
        SND_MESSAGE,
        /** Process: hand a received message to the node (answers to pending requests, requests to routing). */
        PROCESS,
        PROCESS_DWR,
        SND_DWA,
        PROCESS_DWA,
        SND_DPR,
        SND_DPA
    }

    public PeerAction {
        Objects.requireNonNull(type, "type");
        if ((side == null) != (type == Type.ERROR)) {
            throw new IllegalArgumentException(type + (side == null ? " needs a side" : " takes no side"));
        }
    }

    public static PeerAction of(Type type, ConnectionSide side) {
        return new PeerAction(type, side);
    }

    public static PeerAction error() {
        return new PeerAction(Type.ERROR, null);
    }

    @Override
    public String toString() {
        return side == null ? type.name() : (side == ConnectionSide.INITIATOR ? "I-" : "R-") + type;
    }
}
