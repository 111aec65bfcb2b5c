package io.osprey.sip.stack;

import io.osprey.common.hash.Fnv1a;
import io.osprey.sip.message.Branch;
import io.osprey.sip.message.CSeq;
import io.osprey.sip.message.CallId;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.Via;
import java.security.SecureRandom;

/**
 * To tags for the final responses a stack sends without a transaction: 503 under overload and rejections before
 * the transaction layer. A tag is derived from the request and a secret of this stack, so that a retransmitted
 * request gets the same tag (RFC 3261 §8.2.6.2), and so that the ACK for such a response, which repeats the
 * request's Call-ID, From tag, CSeq number and top Via branch (§17.1.1.3), is recognised by its To tag alone and
 * absorbed. Without a transaction to match it (§17.2.3) it would otherwise reach the transaction user as if it
 * acknowledged a 2xx, and a proxy would forward it.
 */
final class StatelessTags {

    /** Marks the tags of this scheme, so that other ACKs are told apart without hashing. */
    private static final String PREFIX = "ss";

    private final long secret;

    StatelessTags() {
        this(new SecureRandom().nextLong());
    }

    StatelessTags(long secret) {
        this.secret = secret;
    }

    /** The To tag for a stateless final response to {@code request}. */
    String tagFor(SipRequest request) {
        return PREFIX + Long.toHexString(hash(request) >>> 1);
    }

    /** Whether {@code ack} acknowledges a response that carried {@link #tagFor} of its request. */
    boolean acknowledgesOurs(SipRequest ack) {
        NameAddress to = ack.to();
        String tag = to == null ? null : to.tag();
        return tag != null && tag.startsWith(PREFIX) && tag.equals(tagFor(ack));
    }

    private long hash(SipRequest request) {
        long h = Fnv1a.START ^ secret;
        CallId callId = request.callId();
        NameAddress from = request.from();
        CSeq cseq = request.cseq();
        Via top = request.topVia();
        Branch branch = top == null ? null : top.branch();
        h = Fnv1a.mix(h, callId == null ? null : callId.value());
        h = Fnv1a.mix(h, from == null ? null : from.tag());
        h = cseq == null ? Fnv1a.mix(h, null) : Fnv1a.mixDigits(h, cseq.number());
        h = Fnv1a.mix(h, branch == null ? null : branch.value());
        return h;
    }
}
