package io.osprey.sip.proxy;

import io.osprey.sip.message.SipResponse;

/**
 * A routing policy's view of the responses to a request it forwarded, just before each goes upstream (RFC 3261
 * §16.7 step 9 lets a proxy add or change header fields there). A P-CSCF learns a registration from the 200 to a
 * REGISTER; an I-CSCF hides the home network's topology. Runs on the request's lane.
 */
@FunctionalInterface
public interface ResponseRewriter {

    ResponseRewriter UNCHANGED = response -> response;

    /** Returns the response to send upstream: {@code response} itself or a rewritten copy. */
    SipResponse rewrite(SipResponse response);

    /**
     * Whether a 503 as the best response goes upstream as a 503. By default it becomes a 500 (RFC 3261 §16.7 step
     * 6): the client would otherwise take this proxy for the overloaded one. A policy may pass it on where it "can
     * determine that any subsequent requests it might proxy will also generate a 503" (same step): a P-CSCF whose
     * every request from UEs goes into one home network, an I-CSCF whose S-CSCFs all refused. Then clients back
     * off as the Retry-After says, instead of retrying at once.
     */
    default boolean passesOverload() {
        return false;
    }

    /** {@code rewriter}, with a 503 from the next hops passed upstream as a 503 ({@link #passesOverload}). */
    static ResponseRewriter passingOverload(ResponseRewriter rewriter) {
        return new ResponseRewriter() {
            @Override
            public SipResponse rewrite(SipResponse response) {
                return rewriter.rewrite(response);
            }

            @Override
            public boolean passesOverload() {
                return true;
            }
        };
    }
}
