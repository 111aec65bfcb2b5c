package io.osprey.cscf.pcscf;

import static io.osprey.cscf.pcscf.PcscfFixture.FROM_ALICE;
import static io.osprey.cscf.pcscf.PcscfFixture.FROM_SCSCF;
import static io.osprey.cscf.pcscf.PcscfFixture.invite;
import static io.osprey.cscf.pcscf.PcscfFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.proxy.Target;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.uri.UriParser;
import org.junit.jupiter.api.Test;

/**
 * NAT traversal at the P-CSCF (RFC 3581, TS 24.229 Annex F): a UE whose contact names a private address
 * (10.0.0.1) but whose REGISTER came from 127.0.0.1:40000 is reached at 127.0.0.1:40000, by its contact and by the
 * contact's {@code user@host:port} alias, and never at the private address.
 */
class PcscfNatTest {

    private static final String PRIVATE_CONTACT = "sip:alice@10.0.0.1:5060";
    private final PcscfFixture pcscf = new PcscfFixture(SecAgreeSettings.NONE);

    @Test
    void aTerminatingRequestForThePrivateContactGoesToTheAddressTheUeRegisteredFrom() {
        pcscf.registerAlice(PRIVATE_CONTACT);

        RoutingDecision decision = pcscf.terminating(request("""
                INVITE sip:alice@10.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:6060;branch=z9hG4bKterm1
                Max-Forwards: 68
                From: <sip:bob@ims.test>;tag=b1
                To: <sip:alice@ims.test>
                Call-ID: call-2@127.0.0.1
                CSeq: 1 INVITE
                Content-Length: 0

                """));

        Target target = only(decision);
        assertThat(target.hop()).isEqualTo(FROM_ALICE.asHop());
        assertThat(target.requestUri().toString()).isEqualTo(PRIVATE_CONTACT);
    }

    @Test
    void anInDialogRequestForTheAliasWithOtherParametersGoesThereToo() {
        pcscf.registerAlice(PRIVATE_CONTACT);

        RoutingDecision decision = pcscf.inDialog(request("""
                BYE sip:alice@10.0.0.1;transport=udp SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:6060;branch=z9hG4bKbye1
                Max-Forwards: 68
                From: <sip:bob@ims.test>;tag=b1
                To: <sip:alice@ims.test>;tag=a1
                Call-ID: call-2@127.0.0.1
                CSeq: 2 BYE
                Content-Length: 0

                """), FROM_SCSCF);

        assertThat(only(decision).hop()).as("default port 5060 is the alias's").isEqualTo(FROM_ALICE.asHop());
        Hop hop = pcscf.policy.terminatingHop(UriParser.parse("sip:alice@10.0.0.1:5060;ob"));
        assertThat(hop).isEqualTo(FROM_ALICE.asHop());
        assertThat(pcscf.policy.terminatingHop(UriParser.parse("sip:mallory@10.0.0.1:5060"))).isNull();
    }

    @Test
    void anOutOfDialogRequestFromAUeForAnotherUesContactStillGoesThroughTheServiceRoute() {
        pcscf.registerAlice(PRIVATE_CONTACT);
        SipRequest direct = invite("").toBuilder().requestUri(UriParser.parse(PRIVATE_CONTACT)).build();

        RoutingDecision.Forward forward = (RoutingDecision.Forward) pcscf.fromAlice(direct);

        assertThat(only(forward).hop()).as("no short cut past the S-CSCF").isNull();
        assertThat(forward.request().headers("Route")).containsExactly("<sip:orig@scscf.ims.test:6060;lr>");
    }

    @Test
    void aContactNotInTheCacheIsLeftToTheAddressTheScscfVouchesFor() {
        assertThat(pcscf.policy.terminatingHop(UriParser.parse(PRIVATE_CONTACT))).isNull();

        RoutingDecision decision = pcscf.terminating(invite("").toBuilder()
                .requestUri(UriParser.parse("sip:carol@192.0.2.7:5060")).build());

        assertThat(only(decision).hop()).as("resolved from the Request-URI by the proxy core").isNull();
        assertThat(only(decision).requestUri().toString()).isEqualTo("sip:carol@192.0.2.7:5060");
    }

    private static Target only(RoutingDecision decision) {
        RoutingDecision.Forward forward = (RoutingDecision.Forward) decision;
        assertThat(forward.groups()).hasSize(1);
        assertThat(forward.groups().get(0)).hasSize(1);
        return forward.groups().get(0).get(0);
    }
}
