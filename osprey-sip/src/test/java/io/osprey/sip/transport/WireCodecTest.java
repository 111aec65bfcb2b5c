package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.Via;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The content rules of RFC 3261 §18 and RFC 3581 that {@link WireCodec} applies, without sockets. */
class WireCodecTest {

    private static final Source UDP_SOURCE = new Source(TransportProtocol.UDP,
            new InetSocketAddress("192.0.2.50", 40000), new InetSocketAddress("192.0.2.1", 5060));

    private static InetSocketAddress from(String ip, int port) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    private static SipRequest withVia(String via) {
        return SipText.request("OPTIONS", via, "wire-1@192.0.2.50");
    }

    private static SipResponse okWithVia(String via) {
        return SipResponse.forRequest(withVia(via), 200, null).toTag("b1").build();
    }

    /** RFC 3261 §18.2.1 and RFC 3581 §4: what a server writes into the top Via of a request it receives. */
    @Nested
    class StampReceived {

        @Test
        void addsReceivedWhenSentByIpDiffersFromSource() throws Exception {
            SipRequest stamped = WireCodec.stampReceived(
                    withVia("SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bK74bf9"), from("192.0.2.50", 40000));

            Via top = stamped.topVia();
            assertThat(top.received()).isEqualTo("192.0.2.50");
            assertThat(top.hasRport()).isFalse();
            assertThat(top.host()).isEqualTo("192.0.2.7");
            assertThat(top.port()).isEqualTo(5060);
            assertThat(top.branch().value()).isEqualTo("z9hG4bK74bf9");
        }

        @Test
        void addsReceivedWhenSentByIsAHostName() throws Exception {
            SipRequest stamped = WireCodec.stampReceived(
                    withVia("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds"), from("192.0.2.50", 5060));

            assertThat(stamped.topVia().received()).isEqualTo("192.0.2.50");
            assertThat(stamped.topVia().host()).isEqualTo("pc33.atlanta.com");
        }

        @Test
        void leavesTheRequestAloneWhenSentByIsTheSourceAndNoRportIsAsked() throws Exception {
            SipRequest request = withVia("SIP/2.0/UDP 192.0.2.50:5060;branch=z9hG4bK1");

            assertThat(WireCodec.stampReceived(request, from("192.0.2.50", 40000))).isSameAs(request);
        }

        @Test
        void comparesIpv6AddressesNotTheirSpelling() throws Exception {
            SipRequest request = withVia("SIP/2.0/UDP [2001:db8:0:0::1]:5060;branch=z9hG4bK1");

            assertThat(WireCodec.stampReceived(request, from("2001:db8::1", 5060))).isSameAs(request);
        }

        @Test
        void fillsAnEmptyRportAndAddsReceivedEvenWhenTheAddressMatches() throws Exception {
            SipRequest stamped = WireCodec.stampReceived(
                    withVia("SIP/2.0/UDP 192.0.2.50:5060;branch=z9hG4bK1;rport"), from("192.0.2.50", 40000));

            assertThat(stamped.topVia().rport()).isEqualTo(40000);
            assertThat(stamped.topVia().received()).isEqualTo("192.0.2.50");
        }

        @Test
        void keepsARportThatAlreadyHasAValue() throws Exception {
            SipRequest request = withVia("SIP/2.0/UDP 192.0.2.50:5060;branch=z9hG4bK1;rport=5062");

            assertThat(WireCodec.stampReceived(request, from("192.0.2.50", 40000))).isSameAs(request);
        }

        @Test
        void stampsAnIpv6SourceSoThatTheViaStillParses() throws Exception {
            SipRequest stamped = WireCodec.stampReceived(
                    withVia("SIP/2.0/TCP [2001:db8::9]:5060;branch=z9hG4bK1;rport"), from("2001:db8::1", 40000));

            Via top = stamped.topVia();
            assertThat(InetAddress.getByName(top.received())).isEqualTo(InetAddress.getByName("2001:db8::1"));
            assertThat(top.rport()).isEqualTo(40000);
        }

        @Test
        void changesOnlyTheTopValueOfACommaSeparatedVia() throws Exception {
            SipRequest request = withVia(
                    "SIP/2.0/UDP 192.0.2.7;branch=z9hG4bKtop, SIP/2.0/UDP 192.0.2.8:5070;branch=z9hG4bKsecond");

            SipRequest stamped = WireCodec.stampReceived(request, from("192.0.2.50", 5060));

            assertThat(stamped.vias()).hasSize(2);
            assertThat(stamped.vias().get(0).received()).isEqualTo("192.0.2.50");
            assertThat(stamped.vias().get(0).branch().value()).isEqualTo("z9hG4bKtop");
            assertThat(stamped.vias().get(1)).isEqualTo(request.vias().get(1));
            assertThat(stamped.callId()).isEqualTo(request.callId());
            assertThat(stamped.cseq()).isEqualTo(request.cseq());
        }
    }

    /** RFC 3261 §18.2.2 and RFC 3581 §4: where a response goes when the request's connection cannot be used. */
    @Nested
    class ResponseTarget {

        @Test
        void usesReceivedAndRportOverUdp() throws Exception {
            SipResponse response =
                    okWithVia("SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK1;received=192.0.2.50;rport=40000");

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isEqualTo(from("192.0.2.50", 40000));
        }

        @Test
        void usesReceivedWithTheSentByPortWhenRportHasNoValue() throws Exception {
            SipResponse response = okWithVia("SIP/2.0/UDP 10.0.0.7:5070;branch=z9hG4bK1;received=192.0.2.50;rport");

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isEqualTo(from("192.0.2.50", 5070));
        }

        @Test
        void usesTheSentByWithoutReceived() throws Exception {
            SipResponse response = okWithVia("SIP/2.0/UDP 192.0.2.7:5070;branch=z9hG4bK1");

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isEqualTo(from("192.0.2.7", 5070));
        }

        @Test
        void defaultsToThePortOfTheViaTransport() throws Exception {
            assertThat(WireCodec.responseTarget(okWithVia("SIP/2.0/UDP 192.0.2.7;branch=z9hG4bK1"), UDP_SOURCE))
                    .isEqualTo(from("192.0.2.7", 5060));
            assertThat(WireCodec.responseTarget(okWithVia("SIP/2.0/TCP 192.0.2.7;branch=z9hG4bK1"), UDP_SOURCE))
                    .isEqualTo(from("192.0.2.7", 5060));
            assertThat(WireCodec.responseTarget(okWithVia("SIP/2.0/TLS 192.0.2.7;branch=z9hG4bK1"), UDP_SOURCE))
                    .isEqualTo(from("192.0.2.7", 5061));
        }

        @Test
        void ignoresRportOnAReliableTransportWhoseConnectionIsGone() throws Exception {
            // the source port of a closed TCP connection is dead; §18.2.2 reconnects to received + sent-by port
            SipResponse response =
                    okWithVia("SIP/2.0/TCP 10.0.0.7:5070;branch=z9hG4bK1;received=192.0.2.50;rport=40000");

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isEqualTo(from("192.0.2.50", 5070));
        }

        @Test
        void acceptsAnIpv6SentBy() throws Exception {
            SipResponse response = okWithVia("SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK1");

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isEqualTo(from("2001:db8::9", 5070));
        }

        @Test
        void refusesTheBroadcastViaOfRfc4475Bcast() throws IOException {
            SipResponse bcast;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("rfc4475/bcast.dat")) {
                assertThat(in).as("RFC 4475 §3.3.10 test message").isNotNull();
                bcast = (SipResponse) new SipMessageDecoder().decode(in.readAllBytes());
            }
            // the top Via is ours; a proxy pops it and would send the response to the next one
            SipResponse forwarded = bcast.toBuilder().removeFirst("Via").build();

            assertThat(forwarded.topVia().host()).isEqualTo("255.255.255.255");
            assertThat(WireCodec.responseTarget(forwarded, UDP_SOURCE)).isNull();
        }

        @Test
        void refusesABroadcastReceivedAddress() {
            SipResponse response = okWithVia("SIP/2.0/UDP 192.0.2.7;branch=z9hG4bK1;received=255.255.255.255");

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isNull();
        }

        @Test
        void refusesMulticastTargets() {
            // 224.0.1.75 is sip.mcast.net (RFC 3261 §18.1.1)
            assertThat(WireCodec.responseTarget(okWithVia("SIP/2.0/UDP 224.0.1.75;branch=z9hG4bK1"), UDP_SOURCE))
                    .isNull();
            assertThat(WireCodec.responseTarget(okWithVia("SIP/2.0/UDP [ff02::1];branch=z9hG4bK1"), UDP_SOURCE))
                    .isNull();
        }

        @Test
        void sendsToTheMaddrWithTheSentByPortOverUdp() throws Exception {
            SipResponse response = okWithVia(
                    "SIP/2.0/UDP 10.0.0.7:5070;branch=z9hG4bK1;maddr=192.0.2.99;received=192.0.2.50;rport=40000");
            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isEqualTo(from("192.0.2.99", 5070));

            SipResponse noPort = okWithVia("SIP/2.0/UDP 10.0.0.7;branch=z9hG4bK1;maddr=192.0.2.99");
            assertThat(WireCodec.responseTarget(noPort, UDP_SOURCE)).isEqualTo(from("192.0.2.99", 5060));
        }

        @Test
        void ignoresMaddrOnAReliableTransport() throws Exception {
            // §18.2.2: maddr is the rule for unreliable transports; TCP reconnects to received and the sent-by port
            SipResponse response =
                    okWithVia("SIP/2.0/TCP 10.0.0.7:5070;branch=z9hG4bK1;maddr=192.0.2.99;received=192.0.2.50");

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isEqualTo(from("192.0.2.50", 5070));
        }

        @Test
        void refusesAMulticastMaddr() {
            SipResponse response = okWithVia("SIP/2.0/UDP 192.0.2.7;branch=z9hG4bK1;maddr=224.0.1.75;ttl=16");

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isNull();
        }

        @Test
        void reusesTheRequestSourceWhenTheViaNamesIt() {
            SipResponse response = okWithVia("SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bK1;received=192.0.2.50;rport=40000");

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isSameAs(UDP_SOURCE.remote());
        }

        @Test
        void anAddressEndingIn255IsAnOrdinaryHostUnlessItIsALocalSubnetsBroadcast() throws Exception {
            InetAddress candidate = InetAddress.getByName("203.0.113.255");
            assumeFalse(localBroadcasts().contains(candidate), "203.0.113.255 is a local broadcast here");
            SipResponse response = okWithVia("SIP/2.0/UDP 203.0.113.255:5070;branch=z9hG4bK1");

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isEqualTo(from("203.0.113.255", 5070));
        }

        @Test
        void refusesTheDirectedBroadcastOfALocalSubnet() throws Exception {
            List<InetAddress> broadcasts = localBroadcasts();
            assumeFalse(broadcasts.isEmpty(), "no IPv4 interface with a broadcast address on this host");
            String address = broadcasts.get(0).getHostAddress();
            SipResponse response = okWithVia("SIP/2.0/UDP 192.0.2.7;branch=z9hG4bK1;received=" + address);

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isNull();
        }

        @Test
        void refusesTheUnspecifiedAddress() {
            assertThat(WireCodec.responseTarget(okWithVia("SIP/2.0/UDP 0.0.0.0;branch=z9hG4bK1"), UDP_SOURCE))
                    .isNull();
        }

        private static List<InetAddress> localBroadcasts() throws SocketException {
            List<InetAddress> out = new ArrayList<>();
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress address : nif.getInterfaceAddresses()) {
                    if (address.getBroadcast() != null) {
                        out.add(address.getBroadcast());
                    }
                }
            }
            return out;
        }

        @Test
        void hasNoTargetWithoutVia() {
            SipResponse response = okWithVia("SIP/2.0/UDP 192.0.2.7;branch=z9hG4bK1").toBuilder().remove("Via").build();

            assertThat(WireCodec.responseTarget(response, UDP_SOURCE)).isNull();
        }
    }

    /** RFC 3261 §18.1.1: a request moved from UDP to TCP says so in its top Via. */
    @Nested
    class WithTransport {

        @Test
        void rewritesTransportAndPortOfTheTopViaOnly() throws Exception {
            SipRequest request = withVia(
                    "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbig;rport, SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKold");

            SipRequest moved = WireCodec.withTransport(request, TransportProtocol.TCP, from("192.0.2.1", 5070));

            Via top = moved.topVia();
            assertThat(top.transport()).isEqualTo("TCP");
            assertThat(top.host()).isEqualTo("192.0.2.1");
            assertThat(top.port()).isEqualTo(5070);
            assertThat(top.branch().value()).isEqualTo("z9hG4bKbig");
            assertThat(top.hasRport()).isTrue();
            assertThat(moved.vias().get(1)).isEqualTo(request.vias().get(1));
            assertThat(moved.startLine()).isEqualTo(request.startLine());
            assertThat(moved.callId()).isEqualTo(request.callId());
        }

        @Test
        void keepsTheSentByPortWithoutALocalAddress() {
            SipRequest moved = WireCodec.withTransport(withVia("SIP/2.0/UDP 192.0.2.1:5080;branch=z9hG4bKbig"),
                    TransportProtocol.TCP, null);

            assertThat(moved.topVia().port()).isEqualTo(5080);
            assertThat(moved.topVia().transport()).isEqualTo("TCP");
        }

        @Test
        void switchesOnlyRequestsWhoseTopViaIsUdp() {
            assertThat(WireCodec.canSwitchToTcp(withVia("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1"))).isTrue();
            assertThat(WireCodec.canSwitchToTcp(withVia("SIP/2.0/udp 192.0.2.1;branch=z9hG4bK1"))).isTrue();
            assertThat(WireCodec.canSwitchToTcp(withVia("SIP/2.0/TCP 192.0.2.1;branch=z9hG4bK1"))).isFalse();
            assertThat(WireCodec.canSwitchToTcp(withVia("SIP/2.0/TLS 192.0.2.1;branch=z9hG4bK1"))).isFalse();
        }
    }
}
