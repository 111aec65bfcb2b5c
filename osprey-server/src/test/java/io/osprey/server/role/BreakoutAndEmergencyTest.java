package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.ue.AnswerMode;
import io.osprey.ue.Call;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers the HSS does not own leave through the I-CSCF's breakout table (the BGCF function) or get 404; an
 * emergency URN without an E-CSCF is answered 380 by the P-CSCF (TS 24.229 §5.2.10).
 */
class BreakoutAndEmergencyTest {

    @TempDir
    static Path dir;
    private static RunningCore core;
    private static UserEquipment trunk;
    private static UserEquipment quinn;

    @BeforeAll
    static void start() throws Exception {
        int trunkPort = FreePorts.udpAndTcp();
        core = RunningCore.start(dir, false, "", """
                  breakout:
                    - match: "+44"
                      to: 127.0.0.1:%d
                """.formatted(trunkPort));
        core.provisioning().addSubscriber(NewSubscriber.of("quinn@ims.test", "sip:quinn@ims.test")
                .withPassword("quinn-secret"));
        trunk = UserEquipment.start(UeConfig.builder("trunk@ims.test", "sip:trunk@ims.test", RunningCore.DOMAIN,
                UeCredentials.password("unused")).pcscf(core.pcscf()).localPort(trunkPort).build());
        trunk.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(10)));
        quinn = UserEquipment.start(UeConfig.builder("quinn@ims.test", "sip:quinn@ims.test", RunningCore.DOMAIN,
                UeCredentials.password("quinn-secret")).pcscf(core.pcscf()).build());
        assertThat(quinn.register(Duration.ofSeconds(600)).get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (quinn != null) {
            quinn.close();
        }
        if (trunk != null) {
            trunk.close();
        }
        if (core != null) {
            core.close();
        }
    }

    @Test
    void numberOfAnotherNetworkGoesToTheTrunkOfItsPrefix() throws Exception {
        Call call = quinn.call("tel:+44-20-7946-0000").get(20, TimeUnit.SECONDS);

        assertThat(call.statusCode()).as(call.reason()).isEqualTo(200);
        assertThat(trunk.incomingCalls().poll(5, TimeUnit.SECONDS)).as("the trunk got the call").isNotNull();
        call.hangup().get(20, TimeUnit.SECONDS);
    }

    @Test
    void numberWithoutARouteIsNotFound() throws Exception {
        assertThat(quinn.call("tel:+33-1-23-45-67-89").get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(404);
    }

    @Test
    void emergencyCallWithoutAnEcscfIsRedirectedAsAlternativeService() throws Exception {
        Call call = quinn.call("urn:service:sos").get(20, TimeUnit.SECONDS);

        assertThat(call.statusCode()).isEqualTo(380);
    }
}
