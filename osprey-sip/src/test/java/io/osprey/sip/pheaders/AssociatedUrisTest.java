package io.osprey.sip.pheaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.TelUri;
import io.osprey.sip.uri.Uri;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssociatedUrisTest {

    @Test
    void parsesTheRegistrarsList() {
        AssociatedUris uris = AssociatedUris.parse("<sip:user1_public1@home1.net>, \"User, One\" "
                + "<sip:user1_public2@home1.net>;x=1, <tel:+1-212-555-1234>");

        assertThat(uris.uris()).hasSize(3);
        assertThat(uris.first().uri().toString()).isEqualTo("sip:user1_public1@home1.net");
        assertThat(uris.uris().get(1).displayName()).isEqualTo("User, One");
        assertThat(uris.uris().get(1).param("x")).isEqualTo("1");
        assertThat(uris.uriList().get(2)).isInstanceOf(TelUri.class);
    }

    @Test
    void anEmptyHeaderIsAnEmptyList() {
        AssociatedUris uris = AssociatedUris.parse("");

        assertThat(uris.isEmpty()).isTrue();
        assertThat(uris.first()).isNull();
        assertThat(uris.toString()).isEmpty();
    }

    @Test
    void formatsAndRoundTrips() {
        AssociatedUris uris = AssociatedUris.of(SipUri.parse("sip:alice@ims.example.net"),
                Uri.parse("tel:+15551230001"));

        assertThat(uris.toString()).isEqualTo("<sip:alice@ims.example.net>, <tel:+15551230001>");
        assertThat(AssociatedUris.parse(uris.toString())).isEqualTo(uris);
    }

    @Test
    void readsEveryLineOfAResponse() {
        SipResponse ok = SipResponse.builder(200, "OK")
                .add("Via", "SIP/2.0/UDP 192.0.2.1:5062;branch=z9hG4bK1")
                .add("From", "<sip:u@ims.example.net>;tag=1")
                .add("To", "<sip:u@ims.example.net>;tag=2")
                .add("Call-ID", "c1")
                .add("CSeq", "1 REGISTER")
                .add("P-Associated-URI", "<sip:u@ims.example.net>")
                .add("P-Associated-URI", "<tel:+15551230001>, <sip:+15551230001@ims.example.net;user=phone>")
                .build();

        assertThat(AssociatedUris.from(ok).uriList()).extracting(Uri::toString).containsExactly(
                "sip:u@ims.example.net", "tel:+15551230001", "sip:+15551230001@ims.example.net;user=phone");
    }

    @Test
    void refusesMalformedEntriesAndTooMany() {
        assertThat(catchThrowableOfType(SipSyntaxException.class,
                () -> AssociatedUris.parse("<sip:a@b>,,<sip:c@d>")).reason()).contains("empty entry");
        assertThat(catchThrowableOfType(SipSyntaxException.class,
                () -> AssociatedUris.parse("<sip:a@b")).field()).isEqualTo("P-Associated-URI");
        assertThat(catchThrowableOfType(SipSyntaxException.class,
                () -> AssociatedUris.parse(List.of("<sip:a@b>, <sip:c@d>"), new PHeaderLimits(100, 4, 1))).limit())
                .isEqualTo(1);
    }
}
