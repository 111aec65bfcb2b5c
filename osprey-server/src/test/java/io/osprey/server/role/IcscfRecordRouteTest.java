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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which CSCFs stay in a call's dialog: the P-CSCFs and S-CSCFs of both sides always (they Record-Route); the
 * I-CSCF only with {@code icscf.record-route: true}, since TS 24.229 §5.3.2.1 lets it leave the path once it has
 * found the S-CSCF. Either way the BYE follows the route set to the other side.
 */
class IcscfRecordRouteTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theDialogRunsThroughEveryCscfThatRecordRouted(boolean icscfRecordRoutes) throws Exception {
        try (RunningCore core = RunningCore.start(dir, false, "", "  record-route: " + icscfRecordRoutes + "\n")) {
            for (String user : List.of("rita", "sam")) {
                core.provisioning().addSubscriber(NewSubscriber.of(user + "@ims.test", "sip:" + user + "@ims.test")
                        .withPassword(user + "-secret"));
            }
            try (UserEquipment rita = ue(core, "rita"); UserEquipment sam = ue(core, "sam")) {
                assertThat(rita.register(Duration.ofSeconds(600)).get(20, TimeUnit.SECONDS).statusCode())
                        .isEqualTo(200);
                assertThat(sam.register(Duration.ofSeconds(600)).get(20, TimeUnit.SECONDS).statusCode())
                        .isEqualTo(200);
                sam.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(10)));

                Call call = rita.call("sip:sam@ims.test").get(20, TimeUnit.SECONDS);

                assertThat(call.statusCode()).isEqualTo(200);
                String route = String.join(",", call.routeSet());
                // the P-CSCF advertises its listen address towards the UEs
                assertThat(route).as("P-CSCF and S-CSCF").contains("127.0.0.1:" + core.pcscfPort(), "scscf.ims.test");
                assertThat(route.contains("icscf.ims.test")).as(route).isEqualTo(icscfRecordRoutes);
                assertThat(call.hangup().get(20, TimeUnit.SECONDS)).as("BYE along the route set").isEqualTo(200);
            }
        }
    }

    private static UserEquipment ue(RunningCore core, String user) throws Exception {
        return UserEquipment.start(UeConfig.builder(user + "@ims.test", "sip:" + user + "@ims.test",
                RunningCore.DOMAIN, UeCredentials.password(user + "-secret")).pcscf(core.pcscf()).build());
    }
}
