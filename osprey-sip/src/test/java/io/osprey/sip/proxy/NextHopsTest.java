package io.osprey.sip.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.TelUri;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextHopsTest {

    private final NextHops hops = new NextHops();

    @Test
    void resolvesHostPortAndTransportAsRfc3263SimplestForm() {
        Hop hop = hops.resolve(SipUri.parse("sip:bob@192.0.2.7:5070;transport=tcp"));
        assertThat(hop.transport()).isEqualTo(TransportProtocol.TCP);
        assertThat(hop.address().getAddress().getHostAddress()).isEqualTo("192.0.2.7");
        assertThat(hop.address().getPort()).isEqualTo(5070);

        Hop secure = hops.resolve(SipUri.parse("sips:192.0.2.7"));
        assertThat(secure.transport()).isEqualTo(TransportProtocol.TLS);
        assertThat(secure.address().getPort()).isEqualTo(5061);

        Hop viaMaddr = hops.resolve(SipUri.parse("sip:bob@example.com;maddr=192.0.2.9"));
        assertThat(viaMaddr.address().getAddress().getHostAddress()).isEqualTo("192.0.2.9");
        assertThat(viaMaddr.address().getPort()).isEqualTo(5060);
        assertThat(hops.resolve(TelUri.of("+15551230002"))).as("not a SIP URI").isNull();
    }

    @Test
    void sharesOneHopPerDestinationWhateverElseTheUriCarries() {
        Hop first = hops.resolve(SipUri.parse("sip:alice@192.0.2.7:5070;lr"));
        assertThat(hops.resolve(SipUri.parse("sip:bob@192.0.2.7:5070"))).isSameAs(first);
        assertThat(hops.resolve(SipUri.parse("sip:192.0.2.7:5071"))).isNotSameAs(first).isNotEqualTo(first);
        assertThat(hops.resolve(SipUri.parse("sip:192.0.2.7:5070;transport=tcp"))).isNotEqualTo(first);
    }

    @Test
    void namesFixedInAdvanceResolveWithoutDns() throws Exception {
        NextHops fixed = new NextHops(Map.of("SCSCF.ims.test", InetAddress.getByName("127.0.0.3")));
        Hop hop = fixed.resolve(SipUri.parse("sip:scscf.ims.test:6060;lr"));
        assertThat(hop.address().getAddress().getHostAddress()).isEqualTo("127.0.0.3");
        assertThat(hop.address().getPort()).isEqualTo(6060);
    }
}
