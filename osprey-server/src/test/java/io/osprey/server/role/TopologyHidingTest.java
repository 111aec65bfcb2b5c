package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.ue.AnswerMode;
import io.osprey.ue.Call;
import io.osprey.ue.Registration;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With topology hiding on (THIG, TS 24.229 §5.3.3), the UE never learns the S-CSCF's name: its Service-Route names
 * the I-CSCF with an encrypted token, and its requests, and the dialogs they make, still reach the S-CSCF.
 */
class TopologyHidingTest {

    @TempDir
    Path dir;

    @Test
    void serviceRouteIsHiddenAndCallsStillWork() throws Exception {
        try (RunningCore core = RunningCore.start(dir, true)) {
            for (String user : new String[] {"olga", "pete"}) {
                core.provisioning().addSubscriber(NewSubscriber.of(user + "@ims.test", "sip:" + user + "@ims.test")
                        .withPassword(user + "-secret"));
            }
            try (UserEquipment olga = ue(core, "olga"); UserEquipment pete = ue(core, "pete")) {
                Registration registration = olga.register(Duration.ofSeconds(600)).get(20, TimeUnit.SECONDS);
                assertThat(registration.statusCode()).isEqualTo(200);
                assertThat(String.join(",", registration.serviceRoute()))
                        .contains("icscf.ims.test", "thig=").doesNotContain("scscf.ims.test", "orig@");
                assertThat(pete.register(Duration.ofSeconds(600)).get(20, TimeUnit.SECONDS).statusCode())
                        .isEqualTo(200);
                pete.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(10)));

                Call call = olga.call("sip:pete@ims.test").get(20, TimeUnit.SECONDS);

                assertThat(call.statusCode()).isEqualTo(200);
                assertThat(call.hangup().get(20, TimeUnit.SECONDS)).as("BYE along the hidden route set")
                        .isEqualTo(200);
            }
        }
    }

    private static UserEquipment ue(RunningCore core, String user) throws Exception {
        return UserEquipment.start(UeConfig.builder(user + "@ims.test", "sip:" + user + "@ims.test",
                RunningCore.DOMAIN, UeCredentials.password(user + "-secret")).pcscf(core.pcscf()).build());
    }
}
