package io.osprey.diameter.peer;

/**
 * The states of the Diameter peer state machine, RFC 6733 §5.6. A peer is usable for messages only in
 * {@link #I_OPEN} (over the connection we initiated) or {@link #R_OPEN} (over the connection the peer initiated).
 */
public enum PeerState {
    CLOSED,
    /** We asked the transport to connect and wait for the result. */
    WAIT_CONN_ACK,
    /** We sent CER on our connection and wait for the CEA. */
    WAIT_I_CEA,
    /** Our connect is pending and the peer's CER arrived on its own connection: the election follows. */
    WAIT_CONN_ACK_ELECT,
    /** Both connections carry a CER; waiting for the election outcome or one connection to go away. */
    WAIT_RETURNS,
    R_OPEN,
    I_OPEN,
    /** DPR sent or answered; waiting for DPA or for the transport to close. */
    CLOSING;

    public boolean isOpen() {
        return this == I_OPEN || this == R_OPEN;
    }

    /** States the RFC leaves by a Timeout event, so a timer runs while in them. */
    public boolean isTimed() {
        return this == WAIT_CONN_ACK || this == WAIT_I_CEA || this == WAIT_CONN_ACK_ELECT || this == WAIT_RETURNS
                || this == CLOSING;
    }
}
