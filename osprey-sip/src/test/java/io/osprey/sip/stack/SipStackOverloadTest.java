package io.osprey.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.RawUdpClient;
import io.osprey.sip.transport.SipText;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Overload control: while the lane is busy, or while messages wait too long for it, new requests get 503 with
 * Retry-After from the I/O thread (RFC 3261 §21.5.4), while requests inside dialogs, CANCELs and responses are queued or dropped but never
 * refused, so calls in progress can finish. A busy lane's work never runs on the I/O thread, which therefore
 * keeps answering.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SipStackOverloadTest {

    private static final String BLOCKER = "overload-blocker";

    private final RecordingUser user = new RecordingUser();
    private final CountDownLatch laneBusy = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final RawUdpClient client = new RawUdpClient();
    private SipStack stack;

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void refusesNewRequestsPastTheLoadRatioButLetsDialogsAndResponsesThrough() throws Exception {
        stack = LoopbackStack.start(2, 0.5, user);
        blockTheLane();

        send(response("overload-stray"));                                    // queued: lane half full
        send(request("BYE", "overload-dialog-1", "b1"));                     // in a dialog: queued, lane full
        send(request("INVITE", "overload-new-1", ""));                       // new: 503
        send(request("BYE", "overload-dialog-2", "b1"));                     // lane full: dropped
        send(request("CANCEL", "overload-cancel", ""));                      // never refused: dropped
        send(request("OPTIONS", "overload-no-to", "").replace("To: <sip:bob@example.com>\n", ""));  // new: 503

        // the I/O thread answers in arrival order: the two 503s in a row show nothing else was answered
        SipResponse busy = (SipResponse) client.receive();
        assertBusy(busy, "overload-new-1");
        SipResponse noTo = (SipResponse) client.receive();
        assertThat(noTo.statusCode()).isEqualTo(503);
        assertThat(noTo.callId().value()).isEqualTo("overload-no-to");
        assertThat(noTo.to()).isNull();
        assertThat(stack.overloadRejections()).isEqualTo(2);
        assertThat(stack.droppedMessages()).isEqualTo(2);

        release.countDown();

        SipResponse byeAnswer = (SipResponse) client.receive();
        assertThat(byeAnswer.callId().value()).isEqualTo("overload-dialog-1");
        assertThat(byeAnswer.statusCode()).isEqualTo(200);
        assertThat(user.seen).containsExactly("response overload-stray", "request BYE overload-dialog-1");

        // the ACK for the 503 matches no transaction; the stack knows its tag and absorbs it
        send(SipText.requestText("ACK", via("overload-new-1"), "overload-new-1", busy.to().tag(), ""));
        String accepted = sendUntilAccepted("overload-after");
        assertThat(user.seen).doesNotContain("ack overload-new-1").contains("request OPTIONS " + accepted);
        assertThat(stack.absorbedAcks()).isEqualTo(1);
    }

    @Test
    void refusesANewRequestWhenItsLaneQueueIsFull() throws Exception {
        stack = LoopbackStack.start(1, 2.0, user); // the ratio never triggers: only a full queue does
        blockTheLane();

        send(request("BYE", "overload-dialog-1", "b1"));
        send(request("INVITE", "overload-new-1", ""));

        assertBusy((SipResponse) client.receive(), "overload-new-1");
        assertThat(stack.overloadRejections()).isEqualTo(1);
        assertThat(stack.droppedMessages()).isZero();

        release.countDown();
        SipResponse byeAnswer = (SipResponse) client.receive();
        assertThat(byeAnswer.callId().value()).isEqualTo("overload-dialog-1");
        assertThat(byeAnswer.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesNewRequestsWhileMessagesWaitTooLongForTheirLaneButNotTheirRetransmissions() throws Exception {
        stack = LoopbackStack.start(100, 2.0, Duration.ofMillis(100), user); // only the queueing delay refuses
        String pending = request("INVITE", "delay-pending", "");
        send(pending);
        assertThat(((SipResponse) client.receive()).statusCode()).as("100 Trying").isEqualTo(100);
        blockTheLane();

        send(request("BYE", "delay-dialog", "b1"));
        Thread.sleep(250); // the BYE waits 250 ms for its lane: more than the 100 ms allowed
        release.countDown();
        SipResponse byeAnswer = (SipResponse) client.receive();
        assertThat(byeAnswer.callId().value()).isEqualTo("delay-dialog");
        assertThat(byeAnswer.statusCode()).as("in a dialog: served however long it waited").isEqualTo(200);

        // for the next 200 ms (twice the limit) new requests are refused...
        send(request("INVITE", "delay-new", ""));
        SipResponse busy = (SipResponse) client.receive();
        assertBusy(busy, "delay-new");
        assertThat(busy.header("Warning")).contains("overloaded: messages wait longer than 100 ms");
        // ...but a retransmission still reaches its transaction, which answers it again
        send(pending);
        SipResponse again = (SipResponse) client.receive();
        assertThat(again.callId().value()).isEqualTo("delay-pending");
        assertThat(again.statusCode()).isEqualTo(100);
        assertThat(stack.overloadRejections()).isEqualTo(1);

        sendUntilAccepted("delay-after");
    }

    /**
     * Sends OPTIONS until one is answered 200, each with a new Call-ID, and returns that Call-ID. The lane counts
     * the BYE's task until it has returned, a moment after its 200 went out, and refuses new requests meanwhile.
     */
    private String sendUntilAccepted(String callIdPrefix) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            String callId = callIdPrefix + "-" + attempt;
            send(request("OPTIONS", callId, ""));
            SipResponse answer = (SipResponse) client.receive();
            assertThat(answer.callId().value()).isEqualTo(callId);
            if (answer.statusCode() == 200) {
                return callId;
            }
            assertThat(answer.statusCode()).isEqualTo(503);
            Thread.sleep(10);
        }
        throw new AssertionError("the stack refused 100 OPTIONS after its lane was released");
    }

    /** Occupies the (only) lane with a task that waits for {@link #release}, as a slow transaction user would. */
    private void blockTheLane() throws Exception {
        stack.transactions().execute(BLOCKER, () -> {
            laneBusy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(laneBusy.await(3, TimeUnit.SECONDS)).as("lane runs the blocking task").isTrue();
    }

    private static void assertBusy(SipResponse response, String callId) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.callId().value()).isEqualTo(callId);
        assertThat(response.header("Retry-After")).isEqualTo(Long.toString(LoopbackStack.RETRY_AFTER.toSeconds()));
        assertThat(response.to().tag()).isNotNull();
    }

    private void send(String text) throws Exception {
        InetSocketAddress stackAddress = LoopbackStack.udpAddress(stack);
        client.send(text, stackAddress);
    }

    private String request(String method, String callId, String toTag) {
        return SipText.requestText(method, via(callId), callId, toTag, "");
    }

    private String response(String callId) {
        return "SIP/2.0 200 OK\nVia: " + via(callId) + "\n"
                + "From: <sip:alice@example.com>;tag=a1\nTo: <sip:bob@example.com>;tag=b1\n"
                + "Call-ID: " + callId + "\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n";
    }

    private String via(String callId) {
        return "SIP/2.0/UDP 127.0.0.1:" + client.port() + ";branch=z9hG4bK" + callId + ";rport";
    }
}
