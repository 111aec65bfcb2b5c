package io.osprey.ue;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.aka.AkaAlgorithm;
import io.osprey.aka.SqnScheme;
import io.osprey.sip.auth.DigestCredentials;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.transport.TransportProtocol;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Registration against the {@link TestRegistrar}: IMS AKA (v1, v2, resync, MAC failure) and MD5 digest. */
class UeRegistrationTest {

    /** TS 35.208 test set 2 (no byte that trips SIPp, though that does not matter here). */
    private static final UeCredentials.Aka CARD = new UeCredentials.Aka(
            HexFormat.of().parseHex("fec86ba6eb707ed08905757b1bb44b8f"),
            HexFormat.of().parseHex("dbc59adcb6f9a0ef735477b7fadf8374"), false, HexFormat.of().parseHex("8000"), 0);
    private static final SqnScheme SCHEME = SqnScheme.DEFAULT;

    private TestRegistrar registrar;
    private UserEquipment ue;

    @AfterEach
    void stop() {
        if (ue != null) {
            ue.close();
        }
        if (registrar != null) {
            registrar.close();
        }
    }

    private UserEquipment start(UeCredentials credentials, TransportProtocol transport) throws Exception {
        ue = UserEquipment.start(Loopback.config("alice", credentials, registrar.address(), transport)
                .timers(Loopback.FAST).build());
        return ue;
    }

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"UDP", "TCP"})
    void akaRegistrationTakesOneChallenge(TransportProtocol transport) throws Exception {
        registrar = TestRegistrar.start(Loopback.REALM, transport).aka(CARD, AkaAlgorithm.AKA_V1_MD5,
                SCHEME.compose(1, 0));
        start(CARD, transport);

        Registration registration = ue.register(Duration.ofSeconds(600)).get(10, SECONDS);
        assertThat(registration.statusCode()).isEqualTo(200);
        assertThat(registration.isSuccess()).isTrue();
        assertThat(registration.challenges()).isEqualTo(1);
        assertThat(registration.resynchronised()).isFalse();
        assertThat(registration.serviceRoute()).containsExactly(registrar.serviceRoute());
        assertThat(registration.associatedUris()).containsExactly("sip:alice@ims.test", "tel:+15550001");
        assertThat(registration.expires()).isEqualTo(600);
        assertThat(registration.warning()).isNull();
        assertThat(ue.registration()).isEqualTo(registration);

        List<SipRequest> registers = registrar.received("REGISTER");
        assertThat(registers).hasSize(2);
        SipRequest initial = registers.get(0);
        assertThat(initial.requestUri()).hasToString("sip:ims.test");
        assertThat(initial.from().uri()).hasToString("sip:alice@ims.test");
        assertThat(initial.to().uri()).hasToString("sip:alice@ims.test");
        assertThat(initial.headers("Supported")).contains("path");
        assertThat(initial.header("Contact")).contains(ue.contactUri()).contains("expires=600")
                .contains("+sip.instance=\"<urn:uuid:");
        DigestCredentials empty = DigestCredentials.parse(initial.header("Authorization"));
        assertThat(empty.username()).isEqualTo("alice@ims.test");
        assertThat(empty.realm()).isEqualTo("ims.test");
        assertThat(empty.uri()).isEqualTo("sip:ims.test");
        assertThat(empty.nonce()).isEmpty();
        assertThat(empty.response()).isEmpty();
        SipRequest answered = registers.get(1);
        assertThat(answered.callId()).isEqualTo(initial.callId());
        assertThat(answered.cseq().number()).isEqualTo(initial.cseq().number() + 1);
        assertThat(DigestCredentials.parse(answered.header("Authorization")).algorithmToken()).isEqualTo("AKAv1-MD5");
    }

    @Test
    void usimAheadOfTheNetworkResynchronises() throws Exception {
        registrar = TestRegistrar.start(Loopback.REALM, TransportProtocol.UDP).aka(CARD, AkaAlgorithm.AKA_V1_MD5,
                SCHEME.compose(3, 0));
        start(CARD.withSqnStartSeq(100), TransportProtocol.UDP);

        Registration registration = ue.register(Duration.ofSeconds(600)).get(10, SECONDS);
        assertThat(registration.statusCode()).isEqualTo(200);
        assertThat(registration.challenges()).isEqualTo(2);
        assertThat(registration.resynchronised()).isTrue();
        assertThat(registrar.resyncs.get()).isEqualTo(1);
        assertThat(registrar.resyncResponsesValid.get()).as("auts request digest with the empty password")
                .isEqualTo(1);
        assertThat(SCHEME.seq(registrar.sqnHe())).isEqualTo(102); // SEQ_MS + 1 used, the next one stored

        Registration again = ue.register(Duration.ofSeconds(600)).get(10, SECONDS);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.resynchronised()).isFalse();
        assertThat(again.challenges()).isEqualTo(1);
    }

    @Test
    void akaV2RegistrationSucceeds() throws Exception {
        registrar = TestRegistrar.start(Loopback.REALM, TransportProtocol.UDP).aka(CARD, AkaAlgorithm.AKA_V2_MD5,
                SCHEME.compose(1, 0));
        start(CARD, TransportProtocol.UDP);
        assertThat(ue.register(Duration.ofSeconds(60)).get(10, SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aNetworkWithAnotherKeyFailsTheMacCheck() throws Exception {
        UeCredentials.Aka otherKey = UeCredentials.akaWithOp("465b5ce8b199b49faa5f0a2ee238a6bc",
                "dbc59adcb6f9a0ef735477b7fadf8374");
        registrar = TestRegistrar.start(Loopback.REALM, TransportProtocol.UDP).aka(otherKey,
                AkaAlgorithm.AKA_V1_MD5, SCHEME.compose(1, 0));
        start(CARD, TransportProtocol.UDP);
        Registration registration = ue.register(Duration.ofSeconds(600)).get(10, SECONDS);
        assertThat(registration.statusCode()).isEqualTo(401);
        assertThat(registration.challenges()).isEqualTo(1);
        assertThat(registration.warning()).contains("MAC-A");
        assertThat(registrar.received("REGISTER")).hasSize(1);
    }

    @Test
    void digestRegistrationWithThePassword() throws Exception {
        registrar = TestRegistrar.start(Loopback.REALM, TransportProtocol.UDP).password("s3cret");
        start(UeCredentials.password("s3cret"), TransportProtocol.UDP);
        Registration registration = ue.register(Duration.ofSeconds(300)).get(10, SECONDS);
        assertThat(registration.statusCode()).isEqualTo(200);
        assertThat(registration.challenges()).isEqualTo(1);
        assertThat(registration.expires()).isEqualTo(300);
        DigestCredentials answer = DigestCredentials.parse(
                registrar.received("REGISTER").get(1).header("Authorization"));
        assertThat(answer.algorithmToken()).isEqualTo("MD5");
        assertThat(answer.qopToken()).isEqualTo("auth");
    }

    @Test
    void wrongPasswordIsRefusedWith403() throws Exception {
        registrar = TestRegistrar.start(Loopback.REALM, TransportProtocol.UDP).password("s3cret");
        start(UeCredentials.password("guess"), TransportProtocol.UDP);
        Registration registration = ue.register(Duration.ofSeconds(300)).get(10, SECONDS);
        assertThat(registration.statusCode()).isEqualTo(403);
        assertThat(registration.isSuccess()).isFalse();
        assertThat(registration.serviceRoute()).isEmpty();
        assertThat(registration.expires()).isZero();
        assertThat(registration.warning()).contains("wrong digest response");
    }

    @Test
    void deregistrationSendsExpiresZeroAndDropsTheServiceRoute() throws Exception {
        registrar = TestRegistrar.start(Loopback.REALM, TransportProtocol.UDP).password("s3cret");
        start(UeCredentials.password("s3cret"), TransportProtocol.UDP);
        ue.register(Duration.ofSeconds(300)).get(10, SECONDS);

        Registration gone = ue.deregister().get(10, SECONDS);
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(gone.expires()).isZero();
        assertThat(gone.serviceRoute()).isEmpty();
        SipRequest last = registrar.received("REGISTER").getLast();
        assertThat(last.header("Expires")).isEqualTo("0");
        assertThat(last.header("Contact")).contains("expires=0");

        assertThat(ue.message("bob", "after deregistration").get(10, SECONDS)).isEqualTo(200);
        assertThat(registrar.received("MESSAGE").getLast().headers("Route")).isEmpty();
    }

    @Test
    void requestsAfterRegistrationCarryTheServiceRoute() throws Exception {
        registrar = TestRegistrar.start(Loopback.REALM, TransportProtocol.UDP).password("s3cret");
        start(UeCredentials.password("s3cret"), TransportProtocol.UDP);
        ue.register(Duration.ofSeconds(300)).get(10, SECONDS);

        assertThat(ue.message("sip:bob@ims.test", "hi").get(10, SECONDS)).isEqualTo(200);
        SipRequest message = registrar.received("MESSAGE").getLast();
        assertThat(message.headers("Route")).containsExactly(registrar.serviceRoute());
        assertThat(message.requestUri()).hasToString("sip:bob@ims.test");
        assertThat(new String(message.bodyBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hi");

        Call call = ue.call("bob").get(10, SECONDS);
        assertThat(call.statusCode()).isEqualTo(200);
        SipRequest invite = registrar.received("INVITE").getLast();
        assertThat(invite.headers("Route")).containsExactly(registrar.serviceRoute());
        assertThat(invite.requestUri()).hasToString("sip:bob@ims.test");
        assertThat(invite.contentType()).isEqualTo("application/sdp");
        String sdp = new String(invite.bodyBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        int rtpPort = Integer.parseInt(sdp.replaceAll("(?s).*m=audio (\\d+) .*", "$1"));
        assertThat(sdp).contains("c=IN IP4 127.0.0.1").contains("RTP/AVP 0 8 96")
                .contains("a=rtpmap:96 telephone-event/8000");
        assertThat(rtpPort % 2).isZero();
        call.hangup().get(10, SECONDS);
    }

    @Test
    void regEventSubscriptionReceivesTheNotify() throws Exception {
        registrar = TestRegistrar.start(Loopback.REALM, TransportProtocol.UDP).password("s3cret");
        start(UeCredentials.password("s3cret"), TransportProtocol.UDP);
        ue.register(Duration.ofSeconds(300)).get(10, SECONDS);

        assertThat(ue.subscribeRegEvent().get(10, SECONDS)).isEqualTo(200);
        String body = ue.regNotifications().poll(5, SECONDS);
        assertThat(body).isEqualTo(TestRegistrar.REGINFO);
        assertThat(registrar.notifyAnswers.poll(5, SECONDS)).isEqualTo(200);
        SipRequest subscribe = registrar.received("SUBSCRIBE").getLast();
        assertThat(subscribe.requestUri()).hasToString("sip:alice@ims.test");
        assertThat(subscribe.header("Event")).isEqualTo("reg");
        assertThat(subscribe.headers("Route")).containsExactly(registrar.serviceRoute());
    }

    @Test
    void registrarThatNeverAnswersGives408() throws Exception {
        ue = UserEquipment.start(Loopback.config("alice", CARD, Loopback.deadAddress(), TransportProtocol.UDP)
                .timers(Loopback.FAST).build());
        Registration registration = ue.register(Duration.ofSeconds(600)).get(10, SECONDS);
        assertThat(registration.statusCode()).isEqualTo(408);
        assertThat(registration.challenges()).isZero();
    }
}
