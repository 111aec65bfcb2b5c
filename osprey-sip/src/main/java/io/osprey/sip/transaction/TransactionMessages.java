package io.osprey.sip.transaction;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;

/** Messages the transaction layer itself builds. */
final class TransactionMessages {

    private TransactionMessages() {
    }

    /**
     * The ACK for a 300–699 response, RFC 3261 §17.1.1.3: Request-URI, Call-ID, From, CSeq number and the single
     * top Via of the INVITE, the To of the response (with its tag), CSeq method ACK, and the INVITE's Route set.
     */
    static SipRequest ackForNon2xx(SipRequest invite, SipResponse response) {
        SipRequest.Builder ack = SipRequest.builder("ACK", invite.requestUri())
                .add("Via", invite.topVia().toString())
                .add("Max-Forwards", "70")
                .add("From", invite.header("From"))
                .add("To", response.header("To"))
                .add("Call-ID", invite.header("Call-ID"))
                .add("CSeq", invite.cseq().number() + " ACK");
        for (String route : invite.headers("Route")) {
            ack.add("Route", route);
        }
        return ack.build();
    }

    /** 100 Trying for an INVITE (RFC 3261 §8.2.6.1: no To tag; Timestamp echoed by forRequest). */
    static SipResponse trying(SipRequest invite) {
        return SipResponse.forRequest(invite, 100, "Trying").build();
    }
}
