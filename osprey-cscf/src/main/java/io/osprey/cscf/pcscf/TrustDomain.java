package io.osprey.cscf.pcscf;

import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;

/**
 * The header fields that stay inside the IMS trust domain: the P-CSCF takes them off every request and response it
 * sends to a UE. P-Charging-Vector and P-Charging-Function-Addresses are only passed between nodes of the trust
 * domain (RFC 7315 §4 and §5.5-5.6; TS 24.229 §5.2.6.3 and §5.2.6.4 have the P-CSCF remove them towards the UE),
 * so a UE never learns the operator's charging identifiers or collection functions. A message without them is
 * passed as it is, without a copy.
 */
final class TrustDomain {

    private static final String CHARGING_VECTOR = "P-Charging-Vector";
    private static final String CHARGING_FUNCTIONS = "P-Charging-Function-Addresses";

    private TrustDomain() {
    }

    /** {@code request} as it may leave the trust domain towards a UE. */
    static SipRequest towardsUe(SipRequest request) {
        return carriesCharging(request)
                ? request.toBuilder().remove(CHARGING_VECTOR).remove(CHARGING_FUNCTIONS).build() : request;
    }

    /** {@code response} as it may leave the trust domain towards a UE. */
    static SipResponse towardsUe(SipResponse response) {
        return carriesCharging(response)
                ? response.toBuilder().remove(CHARGING_VECTOR).remove(CHARGING_FUNCTIONS).build() : response;
    }

    private static boolean carriesCharging(SipMessage message) {
        return message.header(CHARGING_VECTOR) != null || message.header(CHARGING_FUNCTIONS) != null;
    }
}
