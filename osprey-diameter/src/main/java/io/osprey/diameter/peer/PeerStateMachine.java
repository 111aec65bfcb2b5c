package io.osprey.diameter.peer;

import static io.osprey.diameter.peer.ConnectionSide.INITIATOR;
import static io.osprey.diameter.peer.ConnectionSide.RESPONDER;
import static io.osprey.diameter.peer.PeerAction.Type.ACCEPT;
import static io.osprey.diameter.peer.PeerAction.Type.CLEANUP;
import static io.osprey.diameter.peer.PeerAction.Type.DISC;
import static io.osprey.diameter.peer.PeerAction.Type.PROCESS;
import static io.osprey.diameter.peer.PeerAction.Type.PROCESS_CEA;
import static io.osprey.diameter.peer.PeerAction.Type.PROCESS_DWA;
import static io.osprey.diameter.peer.PeerAction.Type.PROCESS_DWR;
import static io.osprey.diameter.peer.PeerAction.Type.REJECT;
import static io.osprey.diameter.peer.PeerAction.Type.SND_CEA;
import static io.osprey.diameter.peer.PeerAction.Type.SND_CER;
import static io.osprey.diameter.peer.PeerAction.Type.SND_CONN_REQ;
import static io.osprey.diameter.peer.PeerAction.Type.SND_DPA;
import static io.osprey.diameter.peer.PeerAction.Type.SND_DPR;
import static io.osprey.diameter.peer.PeerAction.Type.SND_DWA;
import static io.osprey.diameter.peer.PeerAction.Type.SND_MESSAGE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Diameter peer state machine of RFC 6733 §5.6, as a pure function of events: {@link #handle} takes an
 * event and the side it happened on, moves to the next state and returns the actions of the RFC table, in
 * order, for the caller to carry out. It does no I/O and keeps no timers. Process-CER (§5.3) happens before
 * {@link PeerEvent#R_CONN_CER} is raised: a CER that fails it is answered and closed by the caller without
 * reaching this machine. The election of §5.6.4 is decided here from the two Origin-Hosts; a won election
 * raises Win-Election internally. Events the table does not list for a state are ignored, except that a new
 * R-Conn-CER is always rejected and an answer arriving while Closing is still processed (a late answer to a
 * request sent before the DPR). Not thread-safe: one thread owns a peer.
 */
public final class PeerStateMachine {

    private final String localHost;
    private final String peerHost;
    private PeerState state = PeerState.CLOSED;
    private boolean elect;

    public PeerStateMachine(String localHost, String peerHost) {
        this.localHost = Objects.requireNonNull(localHost, "localHost");
        this.peerHost = Objects.requireNonNull(peerHost, "peerHost");
    }

    public PeerState state() {
        return state;
    }

    /**
     * The election of RFC 6733 §5.6.4: the local node wins if its Origin-Host succeeds the peer's when both are
     * compared as octet strings, with ASCII letters compared case-insensitively.
     */
    public static boolean localWinsElection(String localHost, String remoteHost) {
        byte[] local = localHost.getBytes(StandardCharsets.US_ASCII);
        byte[] remote = remoteHost.getBytes(StandardCharsets.US_ASCII);
        int common = Math.min(local.length, remote.length);
        for (int i = 0; i < common; i++) {
            int l = lower(local[i]);
            int r = lower(remote[i]);
            if (l != r) {
                return l > r;
            }
        }
        return local.length > remote.length;
    }

    private static int lower(byte b) {
        int c = b & 0xFF;
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    /** Feeds one event; returns the actions to take, in RFC order. */
    public List<PeerAction> handle(PeerEvent event, ConnectionSide side) {
        Objects.requireNonNull(event, "event");
        List<PeerAction> actions = new ArrayList<>(3);
        elect = false;
        state = transition(event, side, actions);
        if (elect && localWinsElection(localHost, peerHost)) {
            state = transition(PeerEvent.WIN_ELECTION, RESPONDER, actions);
        }
        return List.copyOf(actions);
    }

    private PeerState transition(PeerEvent event, ConnectionSide side, List<PeerAction> out) {
        return switch (state) {
            case CLOSED -> closed(event, out);
            case WAIT_CONN_ACK -> waitConnAck(event, out);
            case WAIT_I_CEA -> waitICea(event, side, out);
            case WAIT_CONN_ACK_ELECT -> waitConnAckElect(event, side, out);
            case WAIT_RETURNS -> waitReturns(event, side, out);
            case R_OPEN -> open(event, side, RESPONDER, out);
            case I_OPEN -> open(event, side, INITIATOR, out);
            case CLOSING -> closing(event, side, out);
        };
    }

    private PeerState closed(PeerEvent event, List<PeerAction> out) {
        return switch (event) {
            case START -> add(out, PeerState.WAIT_CONN_ACK, SND_CONN_REQ, INITIATOR);
            case R_CONN_CER -> add(out, PeerState.R_OPEN, RESPONDER, ACCEPT, SND_CEA);
            default -> state;
        };
    }

    private PeerState waitConnAck(PeerEvent event, List<PeerAction> out) {
        return switch (event) {
            case RCV_CONN_ACK -> add(out, PeerState.WAIT_I_CEA, SND_CER, INITIATOR);
            case RCV_CONN_NACK -> add(out, PeerState.CLOSED, CLEANUP, INITIATOR);
            case R_CONN_CER -> add(out, PeerState.WAIT_CONN_ACK_ELECT, ACCEPT, RESPONDER);
            case TIMEOUT -> error(out);
            default -> state;
        };
    }

    private PeerState waitICea(PeerEvent event, ConnectionSide side, List<PeerAction> out) {
        return switch (event) {
            case RCV_CEA -> side == INITIATOR ? add(out, PeerState.I_OPEN, PROCESS_CEA, INITIATOR) : state;
            // R-Accept, Process-CER, Elect
            case R_CONN_CER -> elect(add(out, PeerState.WAIT_RETURNS, ACCEPT, RESPONDER));
            case PEER_DISC -> side == INITIATOR ? add(out, PeerState.CLOSED, DISC, INITIATOR) : state;
            case RCV_NON_CEA, RCV_CEA_FAILURE, TIMEOUT -> error(out);
            default -> state;
        };
    }

    private PeerState waitConnAckElect(PeerEvent event, ConnectionSide side, List<PeerAction> out) {
        return switch (event) {
            // I-Snd-CER, Elect
            case RCV_CONN_ACK -> elect(add(out, PeerState.WAIT_RETURNS, SND_CER, INITIATOR));
            case RCV_CONN_NACK -> add(out, PeerState.R_OPEN, SND_CEA, RESPONDER);
            case PEER_DISC -> side == RESPONDER ? add(out, PeerState.WAIT_CONN_ACK, DISC, RESPONDER) : state;
            case R_CONN_CER -> add(out, state, REJECT, RESPONDER);
            case TIMEOUT -> error(out);
            default -> state;
        };
    }

    private PeerState waitReturns(PeerEvent event, ConnectionSide side, List<PeerAction> out) {
        return switch (event) {
            case WIN_ELECTION -> {
                add(out, state, DISC, INITIATOR);
                yield add(out, PeerState.R_OPEN, SND_CEA, RESPONDER);
            }
            case PEER_DISC -> {
                if (side == INITIATOR) {
                    add(out, state, DISC, INITIATOR);
                    yield add(out, PeerState.R_OPEN, SND_CEA, RESPONDER);
                }
                yield add(out, PeerState.WAIT_I_CEA, DISC, RESPONDER);
            }
            // The RFC lists only R-Disc; the CEA is still processed for the peer's capabilities.
            case RCV_CEA -> {
                add(out, state, DISC, RESPONDER);
                yield add(out, PeerState.I_OPEN, PROCESS_CEA, INITIATOR);
            }
            // Our handshake failed, but the peer's own connection is fine: as I-Peer-Disc.
            case RCV_CEA_FAILURE, RCV_NON_CEA -> {
                add(out, state, DISC, INITIATOR);
                yield add(out, PeerState.R_OPEN, SND_CEA, RESPONDER);
            }
            case R_CONN_CER -> add(out, state, REJECT, RESPONDER);
            case TIMEOUT -> error(out);
            default -> state;
        };
    }

    private PeerState open(PeerEvent event, ConnectionSide side, ConnectionSide open, List<PeerAction> out) {
        if (event != PeerEvent.SEND_MESSAGE && event != PeerEvent.STOP && event != PeerEvent.R_CONN_CER && side != open) {
            return state; // a straggler on a connection that lost the election
        }
        return switch (event) {
            case SEND_MESSAGE -> add(out, state, SND_MESSAGE, open);
            case RCV_MESSAGE -> add(out, state, PROCESS, open);
            case RCV_DWR -> add(out, state, open, PROCESS_DWR, SND_DWA);
            case RCV_DWA -> add(out, state, PROCESS_DWA, open);
            case R_CONN_CER -> add(out, state, REJECT, RESPONDER);
            case STOP -> add(out, PeerState.CLOSING, SND_DPR, open);
            case RCV_DPR -> add(out, PeerState.CLOSING, SND_DPA, open);
            case PEER_DISC -> add(out, PeerState.CLOSED, DISC, open);
            default -> state;
        };
    }

    private PeerState closing(PeerEvent event, ConnectionSide side, List<PeerAction> out) {
        return switch (event) {
            case RCV_DPA, PEER_DISC -> add(out, PeerState.CLOSED, DISC, side);
            case TIMEOUT -> error(out);
            case RCV_MESSAGE -> add(out, state, PROCESS, side);
            case R_CONN_CER -> add(out, state, REJECT, RESPONDER);
            default -> state;
        };
    }

    private static PeerState add(List<PeerAction> out, PeerState next, PeerAction.Type type, ConnectionSide side) {
        out.add(PeerAction.of(type, side));
        return next;
    }

    private static PeerState add(List<PeerAction> out, PeerState next, ConnectionSide side, PeerAction.Type... types) {
        for (PeerAction.Type type : types) {
            out.add(PeerAction.of(type, side));
        }
        return next;
    }

    /** The Elect action: {@link #handle} raises Win-Election after the transition if the local node won. */
    private PeerState elect(PeerState next) {
        elect = true;
        return next;
    }

    private static PeerState error(List<PeerAction> out) {
        out.add(PeerAction.error());
        return PeerState.CLOSED;
    }
}
