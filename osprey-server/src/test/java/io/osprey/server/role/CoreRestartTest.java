package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.hss.model.Impi;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.server.config.OspreyConfig;
import io.osprey.sip.regevent.RegInfoXmlParser;
import io.osprey.sip.regevent.RegistrationState;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    @Test
    void aUesRegEventSubscriptionSurvivesARestartAndTheUeIsToldWhenTheNetworkThenEndsItsRegistration()
            throws Exception {
        RunningCore core = RunningCore.start(dir);
        OspreyConfig config = core.config();
        core.provisioning().addSubscriber(NewSubscriber.of("kate@ims.test", "sip:kate@ims.test")
                .withPassword("kate-secret"));
        try (UserEquipment kate = UserEquipment.start(UeConfig.builder("kate@ims.test", "sip:kate@ims.test",
                RunningCore.DOMAIN, UeCredentials.password("kate-secret")).pcscf(core.pcscf()).build())) {
            assertThat(kate.register(Duration.ofSeconds(600)).get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(kate.subscribeRegEvent().get(20, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(kate.regNotifications().poll(10, TimeUnit.SECONDS)).as("the first NOTIFY").isNotNull();
            core.close();

            try (RunningCore again = RunningCore.start(config)) {
                // the UE's subscription and the P-CSCF's (renewed after its own restart) are both there
                assertThat(again.scscf().regEventSubscriptions()).isGreaterThanOrEqualTo(1);
                again.hss().server().cxNotifier().terminateRegistration("scscf.ims.test", new Impi("kate@ims.test"),
                        List.of(), CxDictionary.REASON_PERMANENT_TERMINATION, Optional.of("subscription ended"))
                        .get(20, TimeUnit.SECONDS);

                String last = kate.regNotifications().poll(10, TimeUnit.SECONDS);
                assertThat(last).as("a NOTIFY in the dialog set up before the restart").isNotNull();
                assertThat(RegInfoXmlParser.parse(last).registrations()).allSatisfy(registration ->
                        assertThat(registration.state()).isEqualTo(RegistrationState.TERMINATED));
            }
        }
    }
}
