package io.osprey.sip.proxy;

import io.osprey.common.hash.Fnv1a;
import io.osprey.sip.message.Branch;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeader;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.Via;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Branch ids that carry a loop fingerprint, and loop detection with them (RFC 3261 §16.3 step 4, §16.6 step 8).
 *
 * <p>A branch is {@code z9hG4bK} + a 64-bit hash of the fields that decide where a request goes (Request-URI,
 * From tag, To tag, Call-ID, CSeq number, Route, Proxy-Require) + {@code .} + random part. When a request comes back
 * with a Via of ours whose fingerprint equals that of the request as it is now, nothing that affects routing has
 * changed since we forwarded it: a loop (482). A different fingerprint is a spiral, which is legitimate (e.g. an
 * S-CSCF forwarding to an AS and getting the request back).
 */
public final class LoopDetector {

    private final LocalAddresses local;

    public LoopDetector(LocalAddresses local) {
        this.local = local;
    }

    /** A fresh branch carrying {@code fingerprint}, the {@link #fingerprint} of the request as it was received. */
    public static String branch(String fingerprint) {
        return Branch.MAGIC_COOKIE + fingerprint + "." + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /** A fresh branch with no fingerprint, for requests this element originates (e.g. CANCEL needs the INVITE's). */
    public static String randomBranch() {
        return Branch.MAGIC_COOKIE + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /** Whether {@code request} already passed this proxy with the same routing-relevant fields. */
    public boolean isLoop(SipRequest request) {
        String expected = null;
        for (Via via : request.vias()) {
            if (!local.isOurVia(via)) {
                continue;
            }
            Branch branch = via.branch();
            if (branch == null) {
                continue;
            }
            if (expected == null) {
                expected = Branch.MAGIC_COOKIE + fingerprint(request) + ".";
            }
            if (branch.value().startsWith(expected)) {
                return true;
            }
        }
        return false;
    }

    /** The loop fingerprint of a request as received (§16.6 step 8: computed before this proxy changes it). */
    public static String fingerprint(SipRequest request) {
        long hash = Fnv1a.START;
        hash = Fnv1a.mix(hash, request.requestUri().toString());
        NameAddress from = request.from();
        NameAddress to = request.to();
        hash = Fnv1a.mix(hash, from == null ? null : from.tag());
        hash = Fnv1a.mix(hash, to == null ? null : to.tag());
        hash = Fnv1a.mix(hash, request.callId() == null ? null : request.callId().value());
        hash = request.cseq() == null ? Fnv1a.mix(hash, null) : Fnv1a.mixDigits(hash, request.cseq().number());
        hash = mixValues(hash, request, SipHeaderName.ROUTE);
        hash = mixValues(hash, request, SipHeaderName.PROXY_REQUIRE);
        return Long.toHexString(hash);
    }

    private static long mixValues(long hash, SipRequest request, SipHeaderName name) {
        for (int i = 0; i < request.headerCount(); i++) {
            SipHeader field = request.headerField(i);
            if (field.known() == name) {
                for (String value : field.values()) {
                    hash = Fnv1a.mix(hash, value);
                }
            }
        }
        return hash;
    }
}
