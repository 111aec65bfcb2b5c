package io.osprey.cscf.icscf;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.uri.SipUri;
import java.util.List;
import org.junit.jupiter.api.Test;

/** THIG encryption of home-network hops (TS 24.229 §5.3.3): hidden, revealed, not forgeable. */
class TopologyHidingUnitTest {

    private final TopologyHiding hiding = new TopologyHiding("ims.test", "icscf.ims.test", 4060);

    @Test
    void homeHopsAreReplacedByOneTokenRouteThatRevealsThem() {
        SipResponse ok = SipResponse.builder(200, "OK")
                .add("Record-Route", "<sip:127.0.0.1:5060;lr>")
                .add("Record-Route", "<sip:scscf.ims.test:6060;lr>, <sip:as.ims.test;lr>")
                .add("Record-Route", "<sip:peer.example.net;lr>")
                .add("Service-Route", "<sip:orig@scscf.ims.test:6060;lr>")
                .build();

        SipResponse hidden = hiding.hide(ok);

        List<String> recordRoute = hidden.headers("Record-Route");
        assertThat(recordRoute).hasSize(3);
        assertThat(recordRoute.get(0)).isEqualTo("<sip:127.0.0.1:5060;lr>");
        assertThat(recordRoute.get(1)).startsWith("<sip:icscf.ims.test:4060;lr;thig=");
        assertThat(recordRoute.get(2)).isEqualTo("<sip:peer.example.net;lr>");
        assertThat(String.join(",", hidden.headers("Record-Route") + hidden.header("Service-Route")))
                .doesNotContain("scscf", "as.ims.test");
        SipUri token = (SipUri) NameAddress.parse(recordRoute.get(1)).uri();
        assertThat(hiding.reveal(token)).containsExactly("<sip:scscf.ims.test:6060;lr>", "<sip:as.ims.test;lr>");
    }

    @Test
    void tamperedOrForeignTokensRevealNothing() {
        SipResponse hidden = hiding.hide(SipResponse.builder(200, "OK")
                .add("Service-Route", "<sip:orig@scscf.ims.test:6060;lr>").build());
        SipUri route = (SipUri) NameAddress.parse(hidden.header("Service-Route")).uri();
        String token = route.param(TopologyHiding.PARAM);
        String flipped = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);

        assertThat(hiding.reveal(route.withParam(TopologyHiding.PARAM, flipped))).isNull();
        assertThat(new TopologyHiding("ims.test", "icscf.ims.test", 4060).reveal(route))
                .as("another key").isNull();
        assertThat(hiding.reveal(route.withParam(TopologyHiding.PARAM, "not*base64"))).isNull();
    }
}
