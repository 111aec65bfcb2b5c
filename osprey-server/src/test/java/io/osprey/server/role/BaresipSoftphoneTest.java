package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.osprey.cscf.registrar.Binding;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.ue.AnswerMode;
import io.osprey.ue.Call;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real softphone, Debian's baresip, registers with digest (RFC 3261 §22, RFC 2617) through the P-CSCF → I-CSCF →
 * S-CSCF chain of a running core, calls a UE-simulator user through the originating and terminating legs, is called
 * by one, and hangs up; G.711 RTP flows between them. baresip is driven headless over its ctrl_tcp module.
 */
@Tag("e2e")
class BaresipSoftphoneTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** 50 packets of 20 ms: one second of the softphone's tone. */
    private static final int ONE_SECOND_OF_RTP = 50;

    @TempDir
    static Path dir;
    private static RunningCore core;

    @BeforeAll
    static void startCore() throws Exception {
        core = RunningCore.start(dir);
        for (String user : new String[] {"pat", "quinn", "uma", "vic"}) {
            core.provisioning().addSubscriber(NewSubscriber.of(user + "@" + RunningCore.DOMAIN,
                    "sip:" + user + "@" + RunningCore.DOMAIN).withPassword(user + "-secret"));
        }
    }

    @AfterAll
    static void stopCore() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void softphoneRegistersWithDigestAndCallsAUeThatAnswers() throws Exception {
        Path binary = ExternalPeers.require("baresip", "baresip-core");
        try (UserEquipment uma = ue("uma");
             Baresip phone = Baresip.start(binary, dir.resolve("pat"))) {
            assertThat(get(uma.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
            uma.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(200)));
            phone.addAccount(account("pat"));

            JsonNode registered = phone.awaitEvent("REGISTER_OK", WAIT);
            assertThat(registered.path("accountaor").asText()).isEqualTo("sip:pat@ims.test");
            assertThat(phone.output()).as("baresip's own report of its registration")
                    .containsPattern("pat@ims\\.test: \\{0/UDP/v4\\} 200 OK");
            Binding binding = core.scscfRegistrations().find("sip:pat@ims.test").orElseThrow()
                    .bindings().get(0);
            assertThat(binding.contactUri()).as("the S-CSCF holds the softphone's contact")
                    .contains("@127.0.0.1:" + phone.sipPort());
            assertThat(binding.path()).as("the P-CSCF put itself on the Path (RFC 3327)").isNotEmpty();

            JsonNode dialled = phone.command("dial", "sip:uma@ims.test");
            assertThat(dialled.path("ok").asBoolean()).as(dialled.toString()).isTrue();
            Call answered = uma.incomingCalls().poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(answered).as("the INVITE from baresip reached the UE\n" + phone.diagnostics()).isNotNull();
            assertThat(answered.remoteUri()).contains("sip:pat@ims.test");
            assertThat(phone.awaitEvent("CALL_ESTABLISHED", WAIT).path("direction").asText()).isEqualTo("outgoing");
            assertThat(get(answered.outcome()).statusCode()).isEqualTo(200);
            assertThat(answered.isEstablished()).isTrue();
            await().atMost(WAIT).until(() -> answered.rtpStats().packetsReceived() >= ONE_SECOND_OF_RTP);

            JsonNode hungUp = phone.command("hangup", null);
            assertThat(hungUp.path("ok").asBoolean()).as(hungUp.toString()).isTrue();
            phone.awaitEvent("CALL_CLOSED", WAIT);
            get(answered.ended());
            assertThat(answered.isEstablished()).isFalse();
            assertThat(phone.output()).as("baresip sent the BYE").containsPattern("(?m)^BYE sip:");
            assertThat(phone.events()).as("baresip received the UE's RTP")
                    .anySatisfy(event -> assertThat(event.path("type").asText()).isEqualTo("CALL_RTPESTAB"));
        }
        await("baresip unregistered (Expires: 0) when told to quit").atMost(WAIT)
                .until(() -> core.scscfRegistrations().find("sip:pat@ims.test").isEmpty());
    }

    @Test
    void ueCallsTheSoftphoneWhichAnswersAutomatically() throws Exception {
        Path binary = ExternalPeers.require("baresip", "baresip-core");
        try (UserEquipment vic = ue("vic");
             Baresip phone = Baresip.start(binary, dir.resolve("quinn"))) {
            assertThat(get(vic.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
            phone.addAccount(account("quinn") + ";answermode=auto");
            phone.awaitEvent("REGISTER_OK", WAIT);

            Call call = get(vic.call("sip:quinn@ims.test"));

            assertThat(call.statusCode()).as(call.reason() + "\n" + phone.diagnostics()).isEqualTo(200);
            JsonNode established = phone.awaitEvent("CALL_ESTABLISHED", WAIT);
            assertThat(established.path("direction").asText()).as("baresip answered the INVITE").isEqualTo("incoming");
            assertThat(established.path("peeruri").asText()).contains("sip:vic@ims.test");
            await().atMost(WAIT).until(() -> call.rtpStats().packetsReceived() >= ONE_SECOND_OF_RTP);
            assertThat(get(call.hangup())).isEqualTo(200);
            phone.awaitEvent("CALL_CLOSED", WAIT);
        }
    }

    /** A baresip account registering through the P-CSCF over UDP with digest credentials. */
    private static String account(String user) {
        return "<sip:" + user + "@" + RunningCore.DOMAIN + ";transport=udp>;auth_user=" + user + "@"
                + RunningCore.DOMAIN + ";auth_pass=" + user + "-secret;outbound=\"sip:127.0.0.1:" + core.pcscfPort()
                + ";transport=udp\";regint=600;audio_codecs=PCMU,PCMA;mwi=no;pubint=0";
    }

    private static UserEquipment ue(String user) throws Exception {
        return UserEquipment.start(UeConfig.builder(user + "@" + RunningCore.DOMAIN, "sip:" + user + "@"
                + RunningCore.DOMAIN, RunningCore.DOMAIN, UeCredentials.password(user + "-secret"))
                .pcscf(core.pcscf()).build());
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
