package io.osprey.ue;

import java.util.List;

/**
 * The outcome of a REGISTER exchange (RFC 3261 §10.2, TS 24.229 §5.1.1.2-§5.1.1.4).
 *
 * @param statusCode     final status of the last REGISTER: 200 when registered (or deregistered), 401 when the UE
 *                       gave up on the challenges, 403, 408 when no final response came (timer F), 503 when the
 *                       request could not be sent, ...
 * @param reason         its reason phrase
 * @param serviceRoute   Service-Route values of the 200 (RFC 3608), as they go into Route, e.g.
 *                       {@code <sip:orig@scscf.example:6060;lr>}; empty otherwise
 * @param associatedUris the URIs of P-Associated-URI (RFC 7315 §4.1) of the 200, default identity first
 * @param expires        seconds the registrar granted to this UE's contact; 0 after deregistration or failure
 * @param challenges     how many 401 responses the exchange met
 * @param resynchronised whether the USIM refused a SQN and the UE answered with AUTS (TS 33.102 §6.3.5)
 * @param warning        a Warning header of the final response, or what the UE itself found wrong (MAC failure,
 *                       unanswerable challenge, unexpected AMF); null when none
 */
public record Registration(int statusCode, String reason, List<String> serviceRoute, List<String> associatedUris,
                           int expires, int challenges, boolean resynchronised, String warning) {

    public Registration {
        serviceRoute = List.copyOf(serviceRoute);
        associatedUris = List.copyOf(associatedUris);
    }

    /** Whether the final response was a 2xx. */
    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }
}
