package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the core (as Ctrl-C does) keeps the registrations: the S-CSCF has them again after a restart. */
class CoreRestartTest {

    @TempDir
    Path dir;

    @Test
    void registrationsSurviveARestart() throws Exception {
        String contact;
        try (RunningCore core = RunningCore.start(dir)) {
            core.provisioning().addSubscriber(NewSubscriber.of("judy@ims.test", "sip:judy@ims.test")
                    .withPassword("judy-secret"));
            try (UserEquipment judy = UserEquipment.start(UeConfig.builder("judy@ims.test", "sip:judy@ims.test",
                    RunningCore.DOMAIN, UeCredentials.password("judy-secret")).pcscf(core.pcscf()).build())) {
                assertThat(judy.register(Duration.ofSeconds(600)).get(20, TimeUnit.SECONDS).statusCode())
                        .isEqualTo(200);
                contact = core.scscfRegistrations().find("sip:judy@ims.test").orElseThrow().bindings().get(0)
                        .contactUri();
            }
        }

        try (RunningCore again = RunningCore.start(dir)) {
            Registration restored = again.scscfRegistrations().find("sip:judy@ims.test").orElseThrow();
            assertThat(restored.bindings()).extracting(Binding::contactUri).containsExactly(contact);
            assertThat(restored.bindings().get(0).secondsLeft(System.currentTimeMillis())).isBetween(500L, 600L);
        }
    }
}
