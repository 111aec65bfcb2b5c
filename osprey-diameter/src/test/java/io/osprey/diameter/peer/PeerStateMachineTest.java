package io.osprey.diameter.peer;

import static io.osprey.diameter.peer.ConnectionSide.INITIATOR;
import static io.osprey.diameter.peer.ConnectionSide.RESPONDER;
import static io.osprey.diameter.peer.PeerEvent.PEER_DISC;
import static io.osprey.diameter.peer.PeerEvent.RCV_CEA;
import static io.osprey.diameter.peer.PeerEvent.RCV_CEA_FAILURE;
import static io.osprey.diameter.peer.PeerEvent.RCV_CONN_ACK;
import static io.osprey.diameter.peer.PeerEvent.RCV_CONN_NACK;
import static io.osprey.diameter.peer.PeerEvent.RCV_DPA;
import static io.osprey.diameter.peer.PeerEvent.RCV_DPR;
import static io.osprey.diameter.peer.PeerEvent.RCV_DWA;
import static io.osprey.diameter.peer.PeerEvent.RCV_DWR;
import static io.osprey.diameter.peer.PeerEvent.RCV_MESSAGE;
import static io.osprey.diameter.peer.PeerEvent.RCV_NON_CEA;
import static io.osprey.diameter.peer.PeerEvent.R_CONN_CER;
import static io.osprey.diameter.peer.PeerEvent.SEND_MESSAGE;
import static io.osprey.diameter.peer.PeerEvent.START;
import static io.osprey.diameter.peer.PeerEvent.STOP;
import static io.osprey.diameter.peer.PeerEvent.TIMEOUT;
import static io.osprey.diameter.peer.PeerEvent.WIN_ELECTION;
import static io.osprey.diameter.peer.PeerState.CLOSED;
import static io.osprey.diameter.peer.PeerState.CLOSING;
import static io.osprey.diameter.peer.PeerState.I_OPEN;
import static io.osprey.diameter.peer.PeerState.R_OPEN;
import static io.osprey.diameter.peer.PeerState.WAIT_CONN_ACK;
import static io.osprey.diameter.peer.PeerState.WAIT_CONN_ACK_ELECT;
import static io.osprey.diameter.peer.PeerState.WAIT_I_CEA;
import static io.osprey.diameter.peer.PeerState.WAIT_RETURNS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The RFC 6733 §5.6 transition table, row by row, and the election of §5.6.4. */
class PeerStateMachineTest {

    /** "aaa" precedes "bbb", so this node loses every election and Wait-Returns stays reachable. */
    private static final String LOSER = "aaa.ims.test";
    private static final String WINNER = "zzz.ims.test";
    private static final String PEER = "bbb.ims.test";

    /** The events that lead from Closed to each state, named as the test rows use them. */
    private enum Setup {
        CLOSED_(),
        WAIT_CONN_ACK_(new Step(START, null)),
        WAIT_I_CEA_(new Step(START, null), new Step(RCV_CONN_ACK, INITIATOR)),
        WAIT_CONN_ACK_ELECT_(new Step(START, null), new Step(R_CONN_CER, RESPONDER)),
        WAIT_RETURNS_(new Step(START, null), new Step(RCV_CONN_ACK, INITIATOR), new Step(R_CONN_CER, RESPONDER)),
        I_OPEN_(new Step(START, null), new Step(RCV_CONN_ACK, INITIATOR), new Step(RCV_CEA, INITIATOR)),
        R_OPEN_(new Step(R_CONN_CER, RESPONDER)),
        I_CLOSING(new Step(START, null), new Step(RCV_CONN_ACK, INITIATOR), new Step(RCV_CEA, INITIATOR),
                new Step(STOP, null)),
        R_CLOSING(new Step(R_CONN_CER, RESPONDER), new Step(RCV_DPR, RESPONDER));

        final Step[] steps;

        Setup(Step... steps) {
            this.steps = steps;
        }

        PeerStateMachine machine(String localHost) {
            PeerStateMachine fsm = new PeerStateMachine(localHost, PEER);
            for (Step step : steps) {
                fsm.handle(step.event, step.side);
            }
            return fsm;
        }
    }

    private record Step(PeerEvent event, ConnectionSide side) {
    }

    private static Arguments row(Setup from, PeerEvent event, ConnectionSide side, PeerState next, String... actions) {
        return Arguments.of(from, event, side, next, List.of(actions));
    }

    static Stream<Arguments> rfc6733Table() {
        return Stream.of(
                row(Setup.CLOSED_, START, null, WAIT_CONN_ACK, "I-SND_CONN_REQ"),
                row(Setup.CLOSED_, R_CONN_CER, RESPONDER, R_OPEN, "R-ACCEPT", "R-SND_CEA"),

                row(Setup.WAIT_CONN_ACK_, RCV_CONN_ACK, INITIATOR, WAIT_I_CEA, "I-SND_CER"),
                row(Setup.WAIT_CONN_ACK_, RCV_CONN_NACK, INITIATOR, CLOSED, "I-CLEANUP"),
                row(Setup.WAIT_CONN_ACK_, R_CONN_CER, RESPONDER, WAIT_CONN_ACK_ELECT, "R-ACCEPT"),
                row(Setup.WAIT_CONN_ACK_, TIMEOUT, null, CLOSED, "ERROR"),

                row(Setup.WAIT_I_CEA_, RCV_CEA, INITIATOR, I_OPEN, "I-PROCESS_CEA"),
                row(Setup.WAIT_I_CEA_, R_CONN_CER, RESPONDER, WAIT_RETURNS, "R-ACCEPT"),
                row(Setup.WAIT_I_CEA_, PEER_DISC, INITIATOR, CLOSED, "I-DISC"),
                row(Setup.WAIT_I_CEA_, RCV_NON_CEA, INITIATOR, CLOSED, "ERROR"),
                row(Setup.WAIT_I_CEA_, RCV_CEA_FAILURE, INITIATOR, CLOSED, "ERROR"),
                row(Setup.WAIT_I_CEA_, TIMEOUT, null, CLOSED, "ERROR"),

                row(Setup.WAIT_CONN_ACK_ELECT_, RCV_CONN_ACK, INITIATOR, WAIT_RETURNS, "I-SND_CER"),
                row(Setup.WAIT_CONN_ACK_ELECT_, RCV_CONN_NACK, INITIATOR, R_OPEN, "R-SND_CEA"),
                row(Setup.WAIT_CONN_ACK_ELECT_, PEER_DISC, RESPONDER, WAIT_CONN_ACK, "R-DISC"),
                row(Setup.WAIT_CONN_ACK_ELECT_, R_CONN_CER, RESPONDER, WAIT_CONN_ACK_ELECT, "R-REJECT"),
                row(Setup.WAIT_CONN_ACK_ELECT_, TIMEOUT, null, CLOSED, "ERROR"),

                row(Setup.WAIT_RETURNS_, WIN_ELECTION, RESPONDER, R_OPEN, "I-DISC", "R-SND_CEA"),
                row(Setup.WAIT_RETURNS_, PEER_DISC, INITIATOR, R_OPEN, "I-DISC", "R-SND_CEA"),
                row(Setup.WAIT_RETURNS_, RCV_CEA, INITIATOR, I_OPEN, "R-DISC", "I-PROCESS_CEA"),
                row(Setup.WAIT_RETURNS_, PEER_DISC, RESPONDER, WAIT_I_CEA, "R-DISC"),
                row(Setup.WAIT_RETURNS_, R_CONN_CER, RESPONDER, WAIT_RETURNS, "R-REJECT"),
                row(Setup.WAIT_RETURNS_, TIMEOUT, null, CLOSED, "ERROR"),

                row(Setup.R_OPEN_, SEND_MESSAGE, null, R_OPEN, "R-SND_MESSAGE"),
                row(Setup.R_OPEN_, RCV_MESSAGE, RESPONDER, R_OPEN, "R-PROCESS"),
                row(Setup.R_OPEN_, RCV_DWR, RESPONDER, R_OPEN, "R-PROCESS_DWR", "R-SND_DWA"),
                row(Setup.R_OPEN_, RCV_DWA, RESPONDER, R_OPEN, "R-PROCESS_DWA"),
                row(Setup.R_OPEN_, R_CONN_CER, RESPONDER, R_OPEN, "R-REJECT"),
                row(Setup.R_OPEN_, STOP, null, CLOSING, "R-SND_DPR"),
                row(Setup.R_OPEN_, RCV_DPR, RESPONDER, CLOSING, "R-SND_DPA"),
                row(Setup.R_OPEN_, PEER_DISC, RESPONDER, CLOSED, "R-DISC"),

                row(Setup.I_OPEN_, SEND_MESSAGE, null, I_OPEN, "I-SND_MESSAGE"),
                row(Setup.I_OPEN_, RCV_MESSAGE, INITIATOR, I_OPEN, "I-PROCESS"),
                row(Setup.I_OPEN_, RCV_DWR, INITIATOR, I_OPEN, "I-PROCESS_DWR", "I-SND_DWA"),
                row(Setup.I_OPEN_, RCV_DWA, INITIATOR, I_OPEN, "I-PROCESS_DWA"),
                row(Setup.I_OPEN_, R_CONN_CER, RESPONDER, I_OPEN, "R-REJECT"),
                row(Setup.I_OPEN_, STOP, null, CLOSING, "I-SND_DPR"),
                row(Setup.I_OPEN_, RCV_DPR, INITIATOR, CLOSING, "I-SND_DPA"),
                row(Setup.I_OPEN_, PEER_DISC, INITIATOR, CLOSED, "I-DISC"),

                row(Setup.I_CLOSING, RCV_DPA, INITIATOR, CLOSED, "I-DISC"),
                row(Setup.R_CLOSING, RCV_DPA, RESPONDER, CLOSED, "R-DISC"),
                row(Setup.I_CLOSING, TIMEOUT, null, CLOSED, "ERROR"),
                row(Setup.I_CLOSING, PEER_DISC, INITIATOR, CLOSED, "I-DISC"),
                row(Setup.R_CLOSING, PEER_DISC, RESPONDER, CLOSED, "R-DISC"));
    }

    @ParameterizedTest(name = "{0} + {1} {2} -> {3} {4}")
    @MethodSource("rfc6733Table")
    void followsTheRfc6733Table(Setup from, PeerEvent event, ConnectionSide side, PeerState next, List<String> actions) {
        PeerStateMachine fsm = from.machine(LOSER);

        List<PeerAction> done = fsm.handle(event, side);

        assertThat(done).map(PeerAction::toString).containsExactlyElementsOf(actions);
        assertThat(fsm.state()).isEqualTo(next);
    }

    @Test
    void setupsReachTheirStates() {
        assertThat(Setup.WAIT_RETURNS_.machine(LOSER).state()).isEqualTo(WAIT_RETURNS);
        assertThat(Setup.WAIT_CONN_ACK_ELECT_.machine(LOSER).state()).isEqualTo(WAIT_CONN_ACK_ELECT);
        assertThat(Setup.I_CLOSING.machine(LOSER).state()).isEqualTo(CLOSING);
        assertThat(Setup.R_CLOSING.machine(LOSER).state()).isEqualTo(CLOSING);
    }

    @Test
    void winnerOfTheElectionInWaitICeaKeepsThePeersConnection() {
        PeerStateMachine fsm = Setup.WAIT_I_CEA_.machine(WINNER);

        List<PeerAction> done = fsm.handle(R_CONN_CER, RESPONDER);

        // R-Accept, Process-CER, Elect; then Win-Election: I-Disc, R-Snd-CEA
        assertThat(done).map(PeerAction::toString).containsExactly("R-ACCEPT", "I-DISC", "R-SND_CEA");
        assertThat(fsm.state()).isEqualTo(R_OPEN);
    }

    @Test
    void winnerOfTheElectionInWaitConnAckElectDropsItsOwnConnection() {
        PeerStateMachine fsm = Setup.WAIT_CONN_ACK_ELECT_.machine(WINNER);

        List<PeerAction> done = fsm.handle(RCV_CONN_ACK, INITIATOR);

        assertThat(done).map(PeerAction::toString).containsExactly("I-SND_CER", "I-DISC", "R-SND_CEA");
        assertThat(fsm.state()).isEqualTo(R_OPEN);
    }

    @Test
    void loserOfTheElectionWaitsForItsCeaAndDropsThePeersConnection() {
        PeerStateMachine fsm = Setup.WAIT_I_CEA_.machine(LOSER);

        assertThat(fsm.handle(R_CONN_CER, RESPONDER)).map(PeerAction::toString).containsExactly("R-ACCEPT");
        assertThat(fsm.state()).isEqualTo(WAIT_RETURNS);
        assertThat(fsm.handle(RCV_CEA, INITIATOR)).map(PeerAction::toString).containsExactly("R-DISC", "I-PROCESS_CEA");
        assertThat(fsm.state()).isEqualTo(I_OPEN);
    }

    @Test
    void electionComparesOriginHostsAsCaseInsensitiveOctetStrings() {
        assertThat(PeerStateMachine.localWinsElection("b.test", "a.test")).isTrue();
        assertThat(PeerStateMachine.localWinsElection("a.test", "b.test")).isFalse();
        assertThat(PeerStateMachine.localWinsElection("B.TEST", "a.test")).isTrue();
        assertThat(PeerStateMachine.localWinsElection("A.test", "b.TEST")).isFalse();
        // equal hosts: neither side wins
        assertThat(PeerStateMachine.localWinsElection("peer.test", "PEER.test")).isFalse();
        // a longer string that starts with the other one succeeds it
        assertThat(PeerStateMachine.localWinsElection("peer.test1", "peer.test")).isTrue();
        // octets, not letters: '_' (0x5F) lies between 'Z' (0x5A) and 'a' (0x61), so case folding matters
        assertThat(PeerStateMachine.localWinsElection("a_", "aZ")).isFalse();
        assertThat(PeerStateMachine.localWinsElection("a_", "AA")).isFalse();
        assertThat(PeerStateMachine.localWinsElection("aB", "a_")).isTrue();
    }

    @Test
    void eventsTheTableDoesNotListAreIgnored() {
        PeerStateMachine open = Setup.I_OPEN_.machine(LOSER);
        assertThat(open.handle(START, null)).isEmpty();
        assertThat(open.handle(RCV_CEA, INITIATOR)).isEmpty();
        // a message on the responder side while open over the initiator side: a straggler
        assertThat(open.handle(RCV_MESSAGE, RESPONDER)).isEmpty();
        assertThat(open.state()).isEqualTo(I_OPEN);

        PeerStateMachine closed = Setup.CLOSED_.machine(LOSER);
        assertThat(closed.handle(TIMEOUT, null)).isEmpty();
        assertThat(closed.handle(PEER_DISC, INITIATOR)).isEmpty();
        assertThat(closed.state()).isEqualTo(CLOSED);
    }

    @Test
    void lateAnswersAreStillProcessedWhileClosing() {
        PeerStateMachine closing = Setup.I_CLOSING.machine(LOSER);
        assertThat(closing.handle(RCV_MESSAGE, INITIATOR)).map(PeerAction::toString).containsExactly("I-PROCESS");
        assertThat(closing.handle(R_CONN_CER, RESPONDER)).map(PeerAction::toString).containsExactly("R-REJECT");
        assertThat(closing.state()).isEqualTo(CLOSING);
    }
}
