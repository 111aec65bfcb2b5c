package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.hss.cx.CxNotifier;
import io.osprey.hss.model.Impi;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.server.config.ConfigLoader;
import io.osprey.ue.ReceivedMessage;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the P-CSCF cleanly and starting a new one on the same state file: UEs registered through the first are
 * served by the second without registering again (no 403, TS 24.229 §5.2.6.3.1), and the second subscribes to their
 * reg event afresh (TS 24.229 §5.2.3), a subscription that works: a deregistration by the network reaches it.
 */
class PcscfRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void registeredUesAreServedAfterAPcscfRestartAndItsRegEventSubscriptionsAreRenewed() throws Exception {
        Path stateFile = dir.resolve("pcscf-registrations.txt");
        try (RunningCore core = RunningCore.start(dir)) {
            core.provisioning().addSubscriber(NewSubscriber.of("ada@ims.test", "sip:ada@ims.test")
                    .withPassword("ada-secret"));
            core.provisioning().addSubscriber(NewSubscriber.of("ben@ims.test", "sip:ben@ims.test")
                    .withPassword("ben-secret"));
            try (UserEquipment ada = ue(core, "ada"); UserEquipment ben = ue(core, "ben")) {
                assertThat(get(ada.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
                assertThat(get(ben.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
                await().atMost(WAIT).until(() -> core.scscf().regEventSubscriptions() == 2);

                core.pcscfRole().close();
                assertThat(Files.readAllLines(stateFile)).as("header and one line per UE").hasSize(3);

                try (RoleContext context = new RoleContext(core.config());
                     PcscfRole restarted = new PcscfRole(context)) {
                    restarted.start();
                    assertThat(restarted.policy().registeredUes()).isEqualTo(2);

                    assertThat(get(ada.message("sip:ben@ims.test", "still there?")).intValue())
                            .as("served from the restored cache, not refused").isEqualTo(200);
                    ReceivedMessage received = ben.messages().poll(5, TimeUnit.SECONDS);
                    assertThat(received).isNotNull();
                    assertThat(received.text()).isEqualTo("still there?");

                    await().atMost(WAIT).untilAsserted(() -> {
                        assertThat(core.scscf().regEventSubscriptions()).as("a new SUBSCRIBE for each UE").isEqualTo(4);
                        assertThat(restarted.policy().regEventSubscriptions()).isEqualTo(2);
                    });
                    assertThat(restarted.policy().restoredAwaitingSubscription()).isZero();

                    CxNotifier hss = core.hss().server().cxNotifier();
                    get(hss.terminateRegistration("scscf.ims.test", new Impi("ben@ims.test"), List.of(),
                            CxDictionary.REASON_PERMANENT_TERMINATION, Optional.of("test")));
                    await().atMost(WAIT).untilAsserted(() -> assertThat(restarted.policy().registeredUes())
                            .as("the renewed subscription's NOTIFY removed Ben from the P-CSCF's cache").isEqualTo(1));
                    assertThat(get(ben.message("sip:ada@ims.test", "bye?")).intValue()).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void theStateFileDefaultsToTheDataDirectory() {
        assertThat(new ConfigLoader().parse("").pcscf().stateFile())
                .isEqualTo(Path.of("data", "pcscf-registrations.txt"));
        assertThat(new ConfigLoader().parse("pcscf:\n  state-file: /var/lib/osprey/p.txt\n").pcscf().stateFile())
                .isEqualTo(Path.of("/var/lib/osprey/p.txt"));
    }

    private static UserEquipment ue(RunningCore core, String user) throws Exception {
        return UserEquipment.start(UeConfig.builder(user + "@ims.test", "sip:" + user + "@ims.test",
                RunningCore.DOMAIN, UeCredentials.password(user + "-secret")).pcscf(core.pcscf()).build());
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }
}
