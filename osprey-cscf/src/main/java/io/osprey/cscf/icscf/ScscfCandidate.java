package io.osprey.cscf.icscf;

import java.util.Set;

/**
 * An S-CSCF the I-CSCF may choose for a first registration (TS 29.228 §6.7 and Annex A: the operator configures
 * which capability numbers each S-CSCF has; the HSS says which a user needs).
 *
 * @param uri          its SIP URI, the Server-Name the HSS will store, e.g. {@code sip:scscf.ims.example:6060}
 * @param capabilities the capability numbers it offers
 */
public record ScscfCandidate(String uri, Set<Integer> capabilities) {

    public ScscfCandidate {
        capabilities = Set.copyOf(capabilities);
    }
}
