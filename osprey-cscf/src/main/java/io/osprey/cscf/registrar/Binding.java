package io.osprey.cscf.registrar;

import java.util.List;

/**
 * One contact bound to a registered public identity (RFC 3261 §10.3): where requests for it go, through which
 * P-CSCF (the Path of RFC 3327), until when, and the RFC 5626 instance that identifies the device across
 * re-registrations.
 *
 * @param contactUri the Contact URI as the UE registered it (the terminating Request-URI)
 * @param path       the Path values the REGISTER collected, top first: the Route set towards the UE
 * @param expiresAt  epoch milliseconds
 * @param q          the Contact's q, 1.0 when absent (RFC 3261 §10.2.1.2)
 * @param instance   the {@code +sip.instance} value, or null
 * @param regId      the {@code reg-id} value, or null
 * @param callId     Call-ID of the REGISTER that last refreshed it (RFC 3261 §10.3 step 7)
 * @param cseq       its CSeq number
 */
public record Binding(String contactUri, List<String> path, long expiresAt, float q, String instance, String regId,
                      String callId, long cseq) {

    public Binding {
        path = List.copyOf(path);
    }

    /** Seconds left at {@code nowMillis}, never negative. */
    public long secondsLeft(long nowMillis) {
        return Math.max(0, (expiresAt - nowMillis + 999) / 1000);
    }

    /** Whether {@code other} stands for the same device contact: same instance id, else same URI. */
    public boolean sameContact(String otherUri, String otherInstance) {
        if (instance != null && otherInstance != null) {
            return instance.equals(otherInstance);
        }
        return contactUri.equals(otherUri);
    }

    public Binding withExpiry(long newExpiresAt, String newCallId, long newCseq) {
        return new Binding(contactUri, path, newExpiresAt, q, instance, regId, newCallId, newCseq);
    }
}
