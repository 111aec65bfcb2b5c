package io.osprey.diameter.peer;

/**
 * States of the transport failure detection algorithm of RFC 3539 §3.4.1 (the Diameter watchdog, RFC 6733
 * §5.5). Only an {@link #OKAY} connection carries application requests.
 */
public enum WatchdogState {
    /** No connection has been up yet. */
    INITIAL,
    OKAY,
    /** A DWR went unanswered for Tw: requests fail over to other peers. */
    SUSPECT,
    /** The connection is closed. */
    DOWN,
    /** The connection came back; three DWA must arrive before it is used again. */
    REOPEN
}
