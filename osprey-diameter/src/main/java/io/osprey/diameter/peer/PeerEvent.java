package io.osprey.diameter.peer;

/**
 * Events of the RFC 6733 §5.6 peer state machine. The RFC's "I-" and "R-" prefixes are given separately as a
 * {@link ConnectionSide}, so {@code I-Rcv-CEA} is {@code (RCV_CEA, INITIATOR)}.
 */
public enum PeerEvent {
    /** Start: the local node wants to connect to the peer. */
    START,
    /** Stop: the local node wants to disconnect from the peer. */
    STOP,
    /** I-Rcv-Conn-Ack: the connection we initiated is established. */
    RCV_CONN_ACK,
    /** I-Rcv-Conn-Nack: the connection we initiated failed. */
    RCV_CONN_NACK,
    /** R-Conn-CER: an incoming connection delivered a CER that passed Process-CER (§5.3). */
    R_CONN_CER,
    /** I-Rcv-CEA with a successful Result-Code. */
    RCV_CEA,
    /**
     * I-Rcv-CEA whose Process-CEA failed (Result-Code not success, or nothing in common): handled as the RFC
     * handles a failed handshake, Error and Closed.
     */
    RCV_CEA_FAILURE,
    /** I-Rcv-Non-CEA: anything but a CEA arrived while waiting for one. */
    RCV_NON_CEA,
    RCV_DWR,
    RCV_DWA,
    RCV_DPR,
    RCV_DPA,
    /** Rcv-Message: any other message on the open connection. */
    RCV_MESSAGE,
    /** Send-Message: the local node has a message for the peer. */
    SEND_MESSAGE,
    /** Peer-Disc: the transport connection was closed or failed. */
    PEER_DISC,
    /** Win-Election: the local node won the election of §5.6.4. */
    WIN_ELECTION,
    /** Timeout: the timer of a waiting state expired. */
    TIMEOUT
}
