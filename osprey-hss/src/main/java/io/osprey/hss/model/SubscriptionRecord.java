package io.osprey.hss.model;

/**
 * An IMS subscription as provisioned (TS 23.228 §4.3.3.3, TS 29.228 §6.6): the container of a user's private
 * and public identities. Holds no secret, so list and show endpoints may return it as is.
 *
 * @param id           operator-chosen id, unique (by default the first IMPI)
 * @param capabilities S-CSCF capabilities for S-CSCF selection
 */
public record SubscriptionRecord(String id, ScscfCapabilities capabilities) {

    /** Longest subscription id accepted. */
    public static final int MAX_ID_LENGTH = 255;

    public SubscriptionRecord {
        Checks.token("subscriptionId", id, MAX_ID_LENGTH);
        Checks.notNull("capabilities", capabilities);
    }

    /** A subscription with no S-CSCF capability requirements. */
    public static SubscriptionRecord of(String id) {
        return new SubscriptionRecord(id, ScscfCapabilities.NONE);
    }
}
