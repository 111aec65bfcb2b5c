package io.osprey.cscf.pcscf;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.proxy.Target;
import io.osprey.sip.uri.Uri;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Emergency requests at the P-CSCF (TS 24.229 §5.2.10, RFC 5031 service URNs): a Request-URI
 * {@code urn:service:sos} or one of its sub-services goes to the configured E-CSCF route; without one the UE is
 * answered 380 (Alternative Service) with a 3GPP IMS XML body of type emergency (TS 24.229 §7.6), telling it to
 * retry as an emergency registration or over the circuit-switched domain.
 */
final class EmergencyCalls {

    static final String ALTERNATIVE_SERVICE_BODY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ims-3gpp version="1">
              <alternative-service>
                <type>emergency</type>
                <reason>emergency calls are not served by this P-CSCF without an E-CSCF</reason>
              </alternative-service>
            </ims-3gpp>
            """;

    private EmergencyCalls() {
    }

    static boolean isEmergency(Uri requestUri) {
        String text = requestUri.toString().toLowerCase(Locale.ROOT);
        return text.equals("urn:service:sos") || text.startsWith("urn:service:sos.");
    }

    static RoutingDecision route(SipRequest request, PcscfSettings settings) {
        if (settings.emergencyRoute() != null) {
            return RoutingDecision.Forward.to(new Target(request.requestUri(), null,
                    List.of("<" + settings.emergencyRoute() + ";lr>")));
        }
        SipResponse alternative = SipResponse.forRequest(request, 380, "Alternative Service")
                .toTag(Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1))
                .body("application/3gpp-ims+xml", ALTERNATIVE_SERVICE_BODY.getBytes(StandardCharsets.UTF_8))
                .build();
        return new RoutingDecision.Answer(alternative);
    }
}
