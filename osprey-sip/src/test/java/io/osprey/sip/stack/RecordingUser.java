package io.osprey.sip.stack;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transaction.ServerTransaction;
import io.osprey.sip.transaction.TransactionUser;
import io.osprey.sip.transport.InboundMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A transaction user that records what reaches it and answers non-INVITE requests with 200. A request with the
 * Call-ID given to {@link #blockOn} holds its lane until {@link #release}, so tests can fill the lane's queue.
 */
final class RecordingUser implements TransactionUser {

    /** Call-IDs of requests, ACKs and stray responses, in the order they reached the user. */
    final List<String> seen = new CopyOnWriteArrayList<>();
    final CountDownLatch blocking = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final String blockOn;

    /** {@code blockOn}: the Call-ID whose request holds the lane, or null for none. */
    RecordingUser(String blockOn) {
        this.blockOn = blockOn;
    }

    void release() {
        release.countDown();
    }

    @Override
    public void onRequest(ServerTransaction transaction, InboundMessage request) {
        SipRequest sip = (SipRequest) request.message();
        String callId = sip.callId().value();
        if (blockOn != null && blockOn.equals(callId)) {
            blocking.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        seen.add("request " + sip.method() + " " + callId);
        if (!"INVITE".equals(sip.method())) {
            transaction.respond(SipResponse.forRequest(sip, 200, null).toTag("tu").build());
        }
    }

    @Override
    public void onAck(InboundMessage ack) {
        seen.add("ack " + ack.message().callId().value());
    }

    @Override
    public void onStrayResponse(InboundMessage response) {
        seen.add("response " + response.message().callId().value());
    }
}
