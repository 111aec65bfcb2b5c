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
}
