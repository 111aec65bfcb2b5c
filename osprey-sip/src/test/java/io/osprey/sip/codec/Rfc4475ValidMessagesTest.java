package io.osprey.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.CSeq;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipMethod;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.Via;
import io.osprey.sip.uri.SipUri;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 4475 §3.1.1: valid messages that must parse, with the values they carry, and survive re-encoding. */
class Rfc4475ValidMessagesTest extends Rfc4475Fixtures {

    @Test
    void s3_1_1_1_wsinv_shortTortuousInvite() {
        SipRequest r = validRequest("wsinv");

        assertThat(r.method()).isEqualTo("INVITE");
        assertThat(((SipUri) r.requestUri()).hasParam("unknownparam")).isTrue();
        assertThat(r.callId().value()).isEqualTo("wsinv.ndaksdj@192.0.2.1");
        assertThat(r.maxForwards()).isEqualTo(68);
        assertThat(r.cseq()).isEqualTo(new CSeq(9, "INVITE"));
        assertThat(r.to().uri().toString()).isEqualTo("sip:vivekg@chair-dnrc.example.com");
        assertThat(r.to().tag()).isEqualTo("1918181833n");
        assertThat(r.from().displayName()).isEqualTo("J Rosenberg \\\"");
        assertThat(r.from().tag()).isEqualTo("98asjd8");
        assertThat(r.vias()).extracting(Via::transport, Via::host, v -> v.branch().value()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("UDP", "192.0.2.2", "390skdjuw"),
                org.assertj.core.groups.Tuple.tuple("TCP", "spindle.example.com", "z9hG4bK9ikj8"),
                org.assertj.core.groups.Tuple.tuple("UDP", "192.168.255.111", "z9hG4bK30239"));
        assertThat(r.header("Subject")).isEmpty();
        assertThat(r.header("NewFangledHeader")).isEqualTo("newfangled value continued newfangled value");
        assertThat(r.header("UnknownHeaderWithUnusualValue")).isEqualTo(";;,,;;,;");
        assertThat(r.routes()).singleElement().satisfies(route -> {
            assertThat(((SipUri) route.uri()).lr()).isTrue();
            assertThat(((SipUri) route.uri()).param("unknownwith")).isEqualTo("value");
            assertThat(((SipUri) route.uri()).hasParam("unknown-no-value")).isTrue();
        });
        NameAddress contact = r.contacts().get(0);
        assertThat(contact.displayName()).isEqualTo("Quoted string \"\"");
        assertThat(contact.param("newparam")).isEqualTo("newvalue");
        assertThat(contact.params().has("secondparam")).isTrue();
        assertThat(contact.param("q")).isEqualTo("0.33");
        assertThat(r.contentType()).isEqualTo("application/sdp");
        assertThat(r.contentLength()).isEqualTo(150);
        assertThat(uas().validate(r)).isEmpty();
    }

    @Test
    void s3_1_1_2_intmeth_wideRangeOfValidCharacters() {
        SipRequest r = validRequest("intmeth");

        assertThat(r.method()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        assertThat(r.sipMethod()).isEqualTo(SipMethod.EXTENSION);
        SipUri uri = (SipUri) r.requestUri();
        assertThat(uri.user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(uri.password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(r.topVia().branch().value()).isEqualTo("z9hG4bK-.!%66*_+`'~");
        assertThat(r.to().displayName()).isEqualTo("BEL:\u0007 NUL:\u0000 DEL:\u007f");
        assertThat(r.from().displayName()).isEqualTo("token1~` token2'+_ token3*%!.-");
        assertThat(r.from().param("fromParam''~+*_!.-%")).isEqualTo(
                "\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439");
        assertThat(r.from().tag()).isEqualTo("_token~1'+`*%!-.");
        assertThat(r.callId().value()).isEqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");
        assertThat(r.cseq().number()).isEqualTo(139122385);
        assertThat(r.maxForwards()).isEqualTo(255);
        assertThat(r.header("extensionHeader-!.%*+_`'~")).isEqualTo("\ufeff\u5927\u505c\u96fb");
        SipRequestValidator uas = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .methods(Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS")).build();
        assertThat(uas.validate(r)).hasValueSatisfying(j -> assertThat(j.statusCode()).isEqualTo(501));
    }

    @Test
    void s3_1_1_3_esc01_validUseOfPercentEscaping() {
        SipRequest r = validRequest("esc01");

        SipUri ruri = (SipUri) r.requestUri();
        assertThat(ruri.user()).isEqualTo("sips:user@example.com");
        assertThat(ruri.rawUser()).isEqualTo("sips%3Auser%40example.com");
        assertThat(((SipUri) r.to().uri()).equivalent(SipUri.parse("sip:user@example.com"))).isTrue();
        assertThat(((SipUri) r.from().uri()).user()).isEqualTo("I have spaces");
        SipUri contact = (SipUri) r.contacts().get(0).uri();
        assertThat(contact.user()).isEqualTo("caller");
        assertThat(contact.equivalent(SipUri.parse("sip:caller@host5.example.net;lr;name=value%2541"))).isTrue();
        String forwarded = new String(SipMessageEncoder.encode(r), StandardCharsets.US_ASCII);
        assertThat(forwarded).startsWith("INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0\r\n")
                .contains("<sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>");
    }

    @Test
    void s3_1_1_4_escnull_escapedNullsInUris() {
        SipRequest r = validRequest("escnull");

        assertThat(((SipUri) r.to().uri()).user()).isEqualTo("null-\u0000-null");
        List<NameAddress> contacts = r.contacts();
        assertThat(contacts).hasSize(2);
        SipUri one = (SipUri) contacts.get(0).uri();
        SipUri two = (SipUri) contacts.get(1).uri();
        assertThat(one.user()).isEqualTo("\u0000");
        assertThat(two.user()).isEqualTo("\u0000\u0000");
        assertThat(one.equivalent(two)).isFalse();
    }

    @Test
    void s3_1_1_5_esc02_percentWhenNotAnEscape() {
        SipRequest r = validRequest("esc02");

        assertThat(r.method()).isEqualTo("RE%47IST%45R");
        assertThat(r.sipMethod()).isEqualTo(SipMethod.EXTENSION);
        assertThat(r.is(SipMethod.REGISTER)).isFalse();
        assertThat(r.cseq().method()).isEqualTo("RE%47IST%45R");
        assertThat(r.to().displayName()).isEqualTo("%Z%45");
        assertThat(r.topVia().branch().value()).isEqualTo("z9hG4bK209%fzsnel234");
        assertThat(r.contacts()).extracting(c -> ((SipUri) c.uri()).host())
                .containsExactly("host1.example.com", "host3.example.com");
        assertThat(r.header("C%6Fntact")).isEqualTo("<sip:alias2@host2.example.com>");
    }

    @Test
    void s3_1_1_6_lwsdisp_noLwsBetweenDisplayNameAndBracket() {
        SipRequest r = validRequest("lwsdisp");

        assertThat(r.from().displayName()).isEqualTo("caller");
        assertThat(r.from().uri().toString()).isEqualTo("sip:caller@example.com");
        assertThat(r.from().tag()).isEqualTo("323");
    }

    @Test
    void s3_1_1_7_longreq_longValuesInHeaderFields() {
        SipRequest r = validRequest("longreq");

        assertThat(r.vias()).hasSize(34);
        assertThat(r.vias().get(0).host()).isEqualTo("sip33.example.com");
        assertThat(r.vias().get(33).branch().value()).startsWith("verylonglong").endsWith("longbranchvalue");
        assertThat(r.to().displayName()).startsWith("I have a user name of extreme").endsWith("extreme proportion");
        SipUri to = (SipUri) r.to().uri();
        assertThat(to.port()).isEqualTo(6000);
        assertThat(to.params().size()).isEqualTo(3);
        assertThat(r.from().tag()).hasSize(155).startsWith("1298298298").endsWith("2424");
        assertThat(r.callId().value()).endsWith("reallylongcallid");
        assertThat(((SipUri) r.contacts().get(0).uri()).user()).hasSize(5 * "amazinglylongcallername".length());
        assertThat(r.contentLength()).isEqualTo(150);
    }

    @Test
    void s3_1_1_8_dblreq_extraTrailingOctetsInUdpDatagram() {
        SipRequest r = validRequest("dblreq");

        assertThat(r.method()).isEqualTo("REGISTER");
        assertThat(r.callId().value()).isEqualTo("dblreq.0ha0isndaksdj99sdfafnl3lk233412");
        assertThat(r.contentLength()).isZero();
        String datagram = new String(wire("dblreq"), StandardCharsets.US_ASCII);
        String first = datagram.substring(0, datagram.indexOf("\r\n\r\n") + 4);
        assertThat(new String(SipMessageEncoder.encode(r), StandardCharsets.US_ASCII)).isEqualTo(first);
        List<Object> stream = overStream("dblreq");
        assertThat(stream.subList(0, 2)).extracting(m -> ((SipMessage) m).cseq().method())
                .containsExactly("REGISTER", "INVITE");
        assertThat(stream.subList(2, stream.size())).as("octets after the INVITE's Content-Length cannot be framed")
                .singleElement().satisfies(o -> assertThat(((SipDecodeError) o).fatal()).isTrue());
    }

    @Test
    void s3_1_1_9_semiuri_semicolonSeparatedParametersInUriUserPart() {
        SipRequest r = validRequest("semiuri");

        SipUri uri = (SipUri) r.requestUri();
        assertThat(uri.user()).isEqualTo("user;par=u@example.net");
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(uri.params().isEmpty()).isTrue();
        assertThat(r.headers("Accept")).containsExactly("application/sdp", "application/pkcs7-mime",
                "multipart/mixed", "multipart/signed", "message/sip", "message/sipfrag");
    }

    @Test
    void s3_1_1_10_transports_variedAndUnknownTransportTypes() {
        SipRequest r = validRequest("transports");

        assertThat(r.vias()).extracting(Via::transport).containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
        assertThat(r.callId().value()).isEqualTo("transports.kijh4akdnaqjkwendsasfdj");
        assertThat(proxy().validate(r)).isEmpty();
    }

    @Test
    void s3_1_1_11_mpart01_multipartMimeMessage() {
        SipRequest r = validRequest("mpart01");

        assertThat(r.contentLength()).isEqualTo(553).isEqualTo(Integer.parseInt(r.header("Content-Length")));
        byte[] body = r.bodyBytes();
        assertThat(body).hasSize(553);
        assertThat(new String(body, 0, 18, StandardCharsets.US_ASCII)).isEqualTo("--7a9cbec02ceef655");
        int binary = 0;
        for (byte b : body) {
            binary += b < 0 ? 1 : 0;
        }
        assertThat(binary).isEqualTo(89);
        SipRequestValidator uas = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .acceptedContentTypes(Set.of("multipart/mixed", "text/plain")).build();
        assertThat(uas.validate(r)).isEmpty();
    }

    @Test
    void s3_1_1_12_unreason_unusualReasonPhrase() {
        SipResponse r = (SipResponse) valid("unreason");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.reasonPhrase()).isEqualTo("= 2**3 * 5**2 \u043d\u043e \u0441\u0442\u043e \u0434\u0435\u0432"
                + "\u044f\u043d\u043e\u0441\u0442\u043e \u0434\u0435\u0432\u044f\u0442\u044c - \u043f\u0440\u043e"
                + "\u0441\u0442\u043e\u0435");
        assertThat(r.contentLength()).isEqualTo(154);
    }

    @Test
    void s3_1_1_13_noreason_emptyReasonPhrase() {
        SipResponse r = (SipResponse) valid("noreason");

        assertThat(r.statusCode()).isEqualTo(100);
        assertThat(r.reasonPhrase()).isEmpty();
        assertThat(r.startLine()).isEqualTo("SIP/2.0 100 ");
    }
}
