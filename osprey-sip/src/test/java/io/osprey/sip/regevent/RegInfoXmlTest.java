package io.osprey.sip.regevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegInfoXmlTest {

    /** Shaped like the examples of RFC 3680 §5.3 and §6: one AOR, one active and one expired contact. */
    private static final String RFC3680_LIKE = """
            <?xml version="1.0"?>
            <reginfo xmlns="urn:ietf:params:xml:ns:reginfo"
                     version="0" state="full">
              <registration aor="sip:joe@example.com" id="a7" state="active">
                <contact id="76" state="active" event="registered"
                         duration-registered="7322" q="0.8">
                  <uri>sip:joe@pc887.example.com</uri>
                </contact>
                <contact id="77" state="terminated" event="expired"
                         duration-registered="3600">
                  <uri>sip:joe@university.example.edu</uri>
                </contact>
              </registration>
            </reginfo>
            """;

    /** A TS 24.229 style notification with +sip.instance, reg-id and the RFC 5628 GRUU extension elements. */
    private static final String IMS_WITH_GRUU = """
            <?xml version="1.0" encoding="UTF-8"?>
            <reginfo xmlns="urn:ietf:params:xml:ns:reginfo"
                     xmlns:gr="urn:ietf:params:xml:ns:gruuinfo"
                     xmlns:ext="urn:example:ext" version="3" state="partial">
              <registration aor="sip:alice@ims.mnc001.mcc001.3gppnetwork.org" id="r1" state="active">
                <contact id="c1" state="active" event="refreshed" expires="600000" callid="abc@192.0.2.10"
                         cseq="17" ext:flavour="ignored">
                  <uri>sip:alice@[2001:db8::10]:5060;transport=udp</uri>
                  <display-name xml:lang="en">Alice &amp; Co</display-name>
                  <unknown-param name="+sip.instance">"&lt;urn:gsma:imei:35209900-176148-0&gt;"</unknown-param>
                  <unknown-param name="reg-id">1</unknown-param>
                  <unknown-param name="+g.3gpp.smsip"/>
                  <gr:pub-gruu uri="sip:alice@ims.mnc001.mcc001.3gppnetwork.org;gr=urn:gsma:imei:35209900-176148-0"/>
                  <gr:temp-gruu uri="sip:tgruu.7hs==@ims.mnc001.mcc001.3gppnetwork.org;gr" first-cseq="17"/>
                </contact>
              </registration>
              <registration aor="tel:+15551230001" id="r2" state="active"/>
              <ext:trailer><ext:deep><ext:deeper/></ext:deep></ext:trailer>
            </reginfo>
            """;

    @Test
    void parsesTheRfc3680StyleExample() {
        RegInfo info = RegInfoXmlParser.parse(RFC3680_LIKE);

        assertThat(info.version()).isZero();
        assertThat(info.state()).isEqualTo(RegInfo.State.FULL);
        assertThat(info.registrations()).hasSize(1);
        Registration reg = info.registration("sip:joe@example.com");
        assertThat(reg.id()).isEqualTo("a7");
        assertThat(reg.state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(reg.contacts()).extracting(Contact::id).containsExactly("76", "77");
        Contact active = reg.contact("76");
        assertThat(active.state()).isEqualTo(ContactState.ACTIVE);
        assertThat(active.event()).isEqualTo(ContactEvent.REGISTERED);
        assertThat(active.durationRegistered()).isEqualTo(7322L);
        assertThat(active.q()).isEqualTo("0.8");
        assertThat(active.uri()).isEqualTo("sip:joe@pc887.example.com");
        assertThat(active.expires()).isNull();
        Contact expired = reg.contact("77");
        assertThat(expired.state()).isEqualTo(ContactState.TERMINATED);
        assertThat(expired.event()).isEqualTo(ContactEvent.EXPIRED);
        assertThat(expired.event().terminates()).isTrue();
    }

    @Test
    void parsesImsExtrasAndIgnoresOtherNamespaces() {
        RegInfo info = RegInfoXmlParser.parse(IMS_WITH_GRUU.getBytes(StandardCharsets.UTF_8));

        assertThat(info.version()).isEqualTo(3);
        assertThat(info.state()).isEqualTo(RegInfo.State.PARTIAL);
        assertThat(info.registrations()).extracting(Registration::aor)
                .containsExactly("sip:alice@ims.mnc001.mcc001.3gppnetwork.org", "tel:+15551230001");
        Contact c = info.registrations().get(0).contacts().get(0);
        assertThat(c.event()).isEqualTo(ContactEvent.REFRESHED);
        assertThat(c.expires()).isEqualTo(600000);
        assertThat(c.callId()).isEqualTo("abc@192.0.2.10");
        assertThat(c.cseq()).isEqualTo(17L);
        assertThat(c.uri()).isEqualTo("sip:alice@[2001:db8::10]:5060;transport=udp");
        assertThat(c.displayName()).isEqualTo("Alice & Co");
        assertThat(c.instanceId()).isEqualTo("\"<urn:gsma:imei:35209900-176148-0>\"");
        assertThat(c.unknownParams()).containsExactly(
                Map.entry("+sip.instance", "\"<urn:gsma:imei:35209900-176148-0>\""),
                Map.entry("reg-id", "1"),
                Map.entry("+g.3gpp.smsip", ""));
        assertThat(info.registrations().get(1).contacts()).isEmpty();
    }

    @Test
    void writerUsesTheSchemaNamesAndRoundTrips() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("+sip.instance", "\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\"");
        params.put("+g.3gpp.icsi-ref", "");
        Contact contact = new Contact("c9", ContactState.TERMINATED, ContactEvent.PROBATION,
                "sip:bob@192.0.2.7:5062", 0, 120, "1.0", "x\"y<z>&", 42L, "Bob \"B\" <Builder>\tTab", params, 99L);
        RegInfo info = new RegInfo(12, RegInfo.State.FULL, List.of(
                new Registration("sip:bob@example.net", "reg\n1", RegistrationState.TERMINATED, List.of(contact)),
                new Registration("sip:empty@example.net", "r0", RegistrationState.INIT, List.of())));

        String xml = RegInfoXmlWriter.write(info);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\" version=\"12\" state=\"full\">")
                .contains("<registration aor=\"sip:bob@example.net\" id=\"reg&#10;1\" state=\"terminated\">")
                .contains("<contact id=\"c9\" state=\"terminated\" event=\"probation\" expires=\"0\""
                        + " duration-registered=\"99\" retry-after=\"120\" q=\"1.0\" callid=\"x&quot;y&lt;z&gt;&amp;\""
                        + " cseq=\"42\">")
                .contains("<uri>sip:bob@192.0.2.7:5062</uri>")
                .contains("<display-name>Bob \"B\" &lt;Builder&gt;\tTab</display-name>")
                .contains("<unknown-param name=\"+sip.instance\">\"&lt;urn:uuid:")
                .contains("<unknown-param name=\"+g.3gpp.icsi-ref\"/>")
                .contains("<registration aor=\"sip:empty@example.net\" id=\"r0\" state=\"init\"/>");
        assertThat(RegInfoXmlParser.parse(xml)).isEqualTo(info);
        assertThat(RegInfoXmlParser.parse(RegInfoXmlWriter.writeBytes(info))).isEqualTo(info);
    }

    @Test
    void parsedDocumentsRoundTrip() {
        for (String doc : List.of(RFC3680_LIKE, IMS_WITH_GRUU)) {
            RegInfo parsed = RegInfoXmlParser.parse(doc);
            assertThat(RegInfoXmlParser.parse(RegInfoXmlWriter.write(parsed))).isEqualTo(parsed);
        }
    }

    @Test
    void emptyDocumentIsSelfClosing() {
        RegInfo empty = new RegInfo(0, RegInfo.State.FULL, List.of());

        assertThat(RegInfoXmlWriter.write(empty)).endsWith("state=\"full\"/>\n");
        assertThat(RegInfoXmlParser.parse(RegInfoXmlWriter.write(empty))).isEqualTo(empty);
    }

    @Test
    void carriageReturnsAndSupplementaryCharactersSurvive() {
        Contact c = new Contact("1", ContactState.ACTIVE, ContactEvent.CREATED, "sip:x@y", null, null, null,
                "a\rb", null, "line1\r\nline2 \uD83D\uDE00", Map.of());
        RegInfo info = new RegInfo(1, RegInfo.State.FULL,
                List.of(new Registration("sip:x@y", "1", RegistrationState.ACTIVE, List.of(c))));

        assertThat(RegInfoXmlParser.parse(RegInfoXmlWriter.write(info))).isEqualTo(info);
    }

    @Test
    void writerRefusesCharactersXmlCannotCarry() {
        Contact c = Contact.of("1", ContactState.ACTIVE, ContactEvent.CREATED, "sip:x@y\u0001");
        RegInfo info = new RegInfo(1, RegInfo.State.FULL,
                List.of(new Registration("sip:x@y", "1", RegistrationState.ACTIVE, List.of(c))));

        assertThatThrownBy(() -> RegInfoXmlWriter.write(info))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0001");
    }

    @Test
    void contactHelpersCopy() {
        Contact c = Contact.of("1", ContactState.ACTIVE, ContactEvent.REGISTERED, "sip:x@y").withExpires(3600)
                .withRegister("cid", 5L);

        Contact expired = c.with(ContactState.TERMINATED, ContactEvent.EXPIRED);

        assertThat(expired.state()).isEqualTo(ContactState.TERMINATED);
        assertThat(expired.event()).isEqualTo(ContactEvent.EXPIRED);
        assertThat(expired.expires()).isEqualTo(3600);
        assertThat(expired.callId()).isEqualTo("cid");
        assertThat(expired.cseq()).isEqualTo(5L);
        assertThat(c.state()).isEqualTo(ContactState.ACTIVE);
    }

    @Test
    void modelRefusesImpossibleValues() {
        assertThatThrownBy(() -> new RegInfo(-1, RegInfo.State.FULL, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Contact.of("1", ContactState.ACTIVE, ContactEvent.CREATED, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Contact.of("1", ContactState.ACTIVE, ContactEvent.CREATED, "sip:x@y").withExpires(-5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Registration("", "1", RegistrationState.INIT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
