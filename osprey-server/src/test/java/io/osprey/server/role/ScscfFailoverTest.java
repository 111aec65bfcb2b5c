package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.RegistrationState;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.server.config.ConfigLoader;
import io.osprey.server.config.OspreyConfig;
import io.osprey.server.config.ScscfConfig;
import io.osprey.ue.AnswerMode;
import io.osprey.ue.Call;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two S-CSCFs in one home network, the second in a process of its own ({@code osprey run scscf} with
 * {@code scscf.name: scscf2.ims.test}), and the I-CSCF listing it. When the first stops, the I-CSCF gives it up
 * after {@code icscf.scscf-response-timeout} and takes REGISTERs to the second (TS 24.229 §5.3.1.3), which
 * authenticates the users and takes them over at the HSS (TS 29.228 §6.3.1); the P-CSCF moves its reg-event
 * subscription there, and calls reach the users through it.
 */
class ScscfFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private RunningCore core;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void whenTheFirstScscfStopsTheIcscfRegistersUsersAtTheSecondAndCallsFollowThem() throws Exception {
        int secondPort = FreePorts.udpAndTcp();
        core = RunningCore.start(dir, false, "", """
                  scscf-response-timeout: 1s
                  scscfs:
                    - uri: sip:scscf2.ims.test:%d
                      address: 127.0.0.1
                """.formatted(secondPort));
        open.add(core);
        RunningCore.Process second = startSecondScscf(core, secondPort);
        open.add(second);
        String firstName = "sip:scscf.ims.test:" + core.config().scscf().port();
        String secondName = "sip:scscf2.ims.test:" + secondPort;
        for (String user : List.of("alice", "bob")) {
            core.provisioning().addSubscriber(NewSubscriber.of(user + "@ims.test", "sip:" + user + "@ims.test")
                    .withPassword(user + "-secret"));
        }
        UserEquipment alice = ue("alice");
        assertThat(get(alice.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(servingScscf(core, "alice")).as("the HSS offers the first S-CSCF first").contains(firstName);
        await().atMost(WAIT).until(() -> core.scscf().regEventSubscriptions() == 1);

        core.scscf().close();

        // a re-registration: the HSS still names the first S-CSCF, which says nothing; the second one takes it
        assertThat(get(alice.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(servingScscf(core, "alice")).contains(secondName);
        ScscfRole takeOver = second.role(ScscfRole.class);
        assertThat(takeOver.registrations().find("sip:alice@ims.test")).isPresent();
        // a first registration, with the HSS offering the stopped S-CSCF first, ends at the second too
        UserEquipment bob = ue("bob");
        assertThat(get(bob.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(servingScscf(core, "bob")).contains(secondName);
        // the P-CSCF's reg-event subscriptions moved to the second S-CSCF
        await().atMost(WAIT).until(() -> takeOver.regEventSubscriptions() == 2);

        bob.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(20)));
        Call call = get(alice.call("sip:bob@ims.test"));
        assertThat(call.statusCode()).as(call.reason()).isEqualTo(200);
        get(call.hangup());
    }

    /**
     * A process of its own running only an S-CSCF named scscf2.ims.test: the core's configuration with another
     * {@code scscf} section, as the second machine's osprey.yaml would have it.
     */
    private RunningCore.Process startSecondScscf(RunningCore core, int port) throws Exception {
        ScscfConfig scscf = new ConfigLoader().parse("""
                scscf:
                  name: scscf2.ims.test
                  port: %d
                  state-file: %s
                """.formatted(port, dir.resolve("scscf2-registrations.txt"))).scscf();
        OspreyConfig c = core.config();
        OspreyConfig config = new OspreyConfig(c.homeDomain(), c.sip(), c.proxy(), c.overload(), c.admin(),
                c.store(), c.hss(), c.pcscf(), c.icscf(), scscf);
        return RunningCore.Process.start(new RoleContext(config), List.of("scscf"));
    }

    private UserEquipment ue(String user) throws Exception {
        UserEquipment ue = UserEquipment.start(UeConfig.builder(user + "@ims.test", "sip:" + user + "@ims.test",
                RunningCore.DOMAIN, UeCredentials.password(user + "-secret")).pcscf(core.pcscf()).build());
        open.add(ue::close);
        return ue;
    }

    private static Optional<String> servingScscf(RunningCore core, String user) {
        return core.store().identities().registration(new Impu("sip:" + user + "@ims.test"))
                .filter(registration -> registration.state() == RegistrationState.REGISTERED)
                .flatMap(ImpuRegistration::servingScscf);
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
