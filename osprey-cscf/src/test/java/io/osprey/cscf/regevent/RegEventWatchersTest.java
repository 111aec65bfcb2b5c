package io.osprey.cscf.regevent;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TS 24.229 §5.4.2.1.1: the user, a P-CSCF on its Path and an AS of its iFCs may watch a registration. */
class RegEventWatchersTest {

    private static final Registration BOB = bob();

    private static Registration bob() {
        InitialFilterCriteria ifc = InitialFilterCriteria.of(10, TriggerPoint.cnf(
                ServicePointTrigger.of(0, new SptCondition.Method("REGISTER"))),
                ApplicationServer.of("sip:presence.ims.test:5090", DefaultHandling.SESSION_CONTINUED));
        ImsSubscription data = new ImsSubscription(new Impi("bob@ims.test"), List.of(new ServiceProfile(
                List.of(PublicIdentity.of(new Impu("sip:bob@ims.test")), PublicIdentity.of(new Impu("tel:+15551230002"))),
                Optional.empty(), List.of(ifc), List.of())));
        Binding phone = new Binding("sip:bob@192.0.2.1:5060", List.of("<sip:term@pcscf.ims.test:5060;lr>"),
                Long.MAX_VALUE, 1.0f, null, null, "reg-bob", 2);
        return new Registration("bob@ims.test", "sip:bob@ims.test", List.of("sip:bob@ims.test", "tel:+15551230002"),
                List.of("sip:bob@ims.test", "tel:+15551230002"), List.of(phone), data, null);
    }

    private static SipRequest subscribeAssertedAs(String asserted) {
        String pai = asserted == null ? "" : "P-Asserted-Identity: " + asserted + "\r\n";
        String text = "SUBSCRIBE sip:bob@ims.test SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bKw1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:watcher@ims.test>;tag=w1\r\n"
                + "To: <sip:bob@ims.test>\r\n"
                + "Call-ID: watch-1\r\n"
                + "CSeq: 1 SUBSCRIBE\r\n"
                + "Contact: <sip:watcher@192.0.2.9:5060>\r\n"
                + "Event: reg\r\n"
                + pai
                + "Content-Length: 0\r\n\r\n";
        return (SipRequest) new SipMessageDecoder().decode(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theUserItsPcscfAndItsApplicationServersMayWatch() {
        assertThat(RegEventWatchers.mayWatch(subscribeAssertedAs("<sip:bob@ims.test>"), BOB)).isTrue();
        assertThat(RegEventWatchers.mayWatch(subscribeAssertedAs("<tel:+1-555-123-0002>"), BOB))
                .as("any identity of the implicit set, compared in canonical form").isTrue();
        assertThat(RegEventWatchers.mayWatch(subscribeAssertedAs("<sip:regevent@pcscf.ims.test:5060>"), BOB))
                .isTrue();
        assertThat(RegEventWatchers.mayWatch(subscribeAssertedAs("<sip:presence.ims.test>"), BOB)).isTrue();
    }

    @Test
    void anotherUserAStrangerAndASubscribeWithoutAnAssertedIdentityMayNot() {
        assertThat(RegEventWatchers.mayWatch(subscribeAssertedAs("<sip:alice@ims.test>"), BOB)).isFalse();
        assertThat(RegEventWatchers.mayWatch(subscribeAssertedAs("<sip:regevent@pcscf.other.test>"), BOB)).isFalse();
        assertThat(RegEventWatchers.mayWatch(subscribeAssertedAs(null), BOB)).isFalse();
    }
}
