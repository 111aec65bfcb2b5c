package io.osprey.sip.transaction;

import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.Via;

/**
 * Identity of a transaction for matching, RFC 3261 §17.1.3 (client) and §17.2.3 (server).
 *
 * <p>A server key is the top Via branch, its sent-by and the method, where an ACK carries the key of the INVITE
 * it acknowledges (a CANCEL has its own transaction). Requests whose branch lacks the {@code z9hG4bK} cookie come
 * from RFC 2543 elements (RFC 4475 §3.2.1 badbranch, §3.4.1 inv2543); for them the key falls back to the
 * Request-URI, Call-ID, From tag, CSeq number and the whole top Via, as §17.2.3 describes.
 */
public record TransactionKey(String branch, String sentBy, String method, boolean client) {

    public static final String MAGIC_COOKIE = "z9hG4bK";

    /** The key of the client transaction a response belongs to (branch of its top Via and the CSeq method). */
    public static TransactionKey forResponse(SipMessage response) {
        Via top = response.topVia();
        return new TransactionKey(top == null ? "" : branchOf(top), "", response.cseq().method(), true);
    }

    /** The key a client transaction registers under once its top Via is pushed. */
    static TransactionKey forClientRequest(SipRequest request) {
        return new TransactionKey(branchOf(request.topVia()), "", request.method(), true);
    }

    /** The key of the server transaction an incoming request belongs to or creates. */
    public static TransactionKey forServerRequest(SipRequest request) {
        Via top = request.topVia();
        String method = request.method();
        String keyMethod = "ACK".equals(method) ? "INVITE" : method;
        String branch = branchOf(top);
        if (branch.startsWith(MAGIC_COOKIE)) {
            return new TransactionKey(branch, sentBy(top), keyMethod, false);
        }
        // RFC 2543 fallback: everything that identified a transaction before branch ids were unique.
        String legacy = request.requestUri() + "|" + request.callId() + "|" + request.from().tag() + "|"
                + request.cseq().number() + "|" + top;
        return new TransactionKey(legacy, sentBy(top), keyMethod, false);
    }

    /** The key of the INVITE server transaction a CANCEL refers to (RFC 3261 §9.2). */
    public static TransactionKey inviteKeyForCancel(SipRequest cancel) {
        TransactionKey own = forServerRequest(cancel);
        return new TransactionKey(own.branch, own.sentBy, "INVITE", false);
    }

    private static String sentBy(Via via) {
        return via.port() > 0 ? via.host() + ":" + via.port() : via.host();
    }

    private static String branchOf(Via via) {
        return via.branch() == null ? "" : via.branch().value();
    }
}
