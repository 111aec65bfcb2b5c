package io.osprey.sip.auth;

import io.osprey.sip.message.SipRequest;

/**
 * Recognises the second step of a registration: a REGISTER whose Authorization carries a digest response
 * (RFC 3261 §22.4). Overload control lets such a request through longer than a new one, because the work of its
 * first step (a 401 with a challenge; in IMS a MAR and its vectors, TS 24.229 §5.4.1.2) is already spent, and
 * refusing it now would waste that work and bring the UE back as a new registration.
 */
public final class ChallengeAnswers {

    private ChallengeAnswers() {
    }

    /** Whether {@code request} is a REGISTER answering a challenge; a malformed Authorization does not count. */
    public static boolean answersChallenge(SipRequest request) {
        if (!"REGISTER".equals(request.method())) {
            return false;
        }
        for (String authorization : request.headers("Authorization")) {
            try {
                String response = DigestCredentials.parse(authorization).response();
                if (response != null && !response.isEmpty()) {
                    return true;
                }
            } catch (RuntimeException malformed) {
                // not a challenge answer; the registrar answers the malformed header when there is room
            }
        }
        return false;
    }
}
