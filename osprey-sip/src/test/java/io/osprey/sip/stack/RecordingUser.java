package io.osprey.sip.stack;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transaction.ServerTransaction;
import io.osprey.sip.transaction.TransactionUser;
import io.osprey.sip.transport.InboundMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A transaction user that records what reaches it and answers non-INVITE requests with 200. */
final class RecordingUser implements TransactionUser {

    /** Call-IDs of requests, ACKs and stray responses, in the order they reached the user. */
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void onRequest(ServerTransaction transaction, InboundMessage request) {
        SipRequest sip = (SipRequest) request.message();
        String callId = sip.callId().value();
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
