package io.osprey.cscf.pcscf;

import static io.osprey.cscf.pcscf.PcscfFixture.FROM_ALICE;
import static io.osprey.cscf.pcscf.PcscfFixture.challenge;
import static io.osprey.cscf.pcscf.PcscfFixture.invite;
import static io.osprey.cscf.pcscf.PcscfFixture.ok;
import static io.osprey.cscf.pcscf.PcscfFixture.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.transport.Source;
import io.osprey.sip.transport.TransportProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A P-CSCF that saved its registration cache and a new one that restored it: the UE is still served (TS 24.229
 * §5.2.6.3.1 refuses only unregistered UEs), and its fresh reg-event subscriptions are released in batches.
 */
class PcscfRegistrationRestoreTest {

    private static final String CONTACT = "sip:alice@10.0.0.1:5060";

    @TempDir
    Path dir;

    @Test
    void aRestoredUeIsServedWithItsIdentityAndServiceRouteInsteadOfRefused() throws IOException {
        PcscfFixture before = new PcscfFixture(SecAgreeSettings.NONE);
        before.registerAlice(CONTACT);
        Path file = dir.resolve("pcscf-registrations.txt");
        assertThat(before.policy.saveRegistrations(file)).isEqualTo(1);

        PcscfFixture after = new PcscfFixture(SecAgreeSettings.NONE);
        RoutingDecision refused = after.fromAlice(invite(""));
        assertThat(refused).isInstanceOfSatisfying(RoutingDecision.Respond.class,
                respond -> assertThat(respond.statusCode()).isEqualTo(403));

        assertThat(after.policy.restoreRegistrations(file)).isEqualTo(1);
        RoutingDecision.Forward forward = (RoutingDecision.Forward) after.fromAlice(invite(""));

        assertThat(forward.request().headers("Route")).containsExactly("<sip:orig@scscf.ims.test:6060;lr>");
        assertThat(forward.request().header("P-Asserted-Identity")).isEqualTo("<sip:alice@ims.test>");
        assertThat(after.policy.terminatingHop(io.osprey.sip.uri.UriParser.parse(CONTACT)))
                .isEqualTo(FROM_ALICE.asHop());
        assertThat(after.policy.registeredUes()).isEqualTo(1);
    }

    @Test
    void aUeWhoseSecurityAgreementWasLostIsAskedToAgreeAgainWith494() throws IOException {
        SecAgreeSettings ipsec = new SecAgreeSettings(List.of("ipsec-3gpp"), 5062, 5063);
        PcscfFixture before = new PcscfFixture(ipsec);
        String client = "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1111;spi-s=2222;port-c=5100;"
                + "port-s=5101\nRequire: sec-agree\nProxy-Require: sec-agree\n";
        RoutingDecision.Forward first = (RoutingDecision.Forward) before.fromAlice(register(1, CONTACT, client));
        String server = String.join(", ", first.responses().rewrite(challenge(first.request()))
                .headers("Security-Server"));
        String verify = "Security-Verify: " + server + "\n";
        RoutingDecision.Forward second = (RoutingDecision.Forward) before.fromAlice(register(2, CONTACT,
                client + verify));
        second.responses().rewrite(ok(second.request(), CONTACT));
        assertThat(before.fromAlice(invite(verify))).isInstanceOf(RoutingDecision.Forward.class);
        Path file = dir.resolve("pcscf-registrations.txt");
        before.policy.saveRegistrations(file);

        PcscfFixture after = new PcscfFixture(ipsec);
        after.policy.restoreRegistrations(file);
        RoutingDecision decision = after.fromAlice(invite(verify));

        assertThat(decision).isInstanceOfSatisfying(RoutingDecision.Answer.class, answer ->
                assertThat(answer.response().statusCode()).as("RFC 3329 §2.3.1: agree again").isEqualTo(494));
        assertThat(after.fromAlice(register(3, CONTACT, client))).isInstanceOf(RoutingDecision.Forward.class);
    }

    @Test
    void noSubscribeIsReleasedBeforeTheSipStackIsBound() throws IOException {
        PcscfFixture before = new PcscfFixture(SecAgreeSettings.NONE);
        before.registerAlice(CONTACT);
        Path file = dir.resolve("pcscf-registrations.txt");
        before.policy.saveRegistrations(file);
        PcscfFixture after = new PcscfFixture(SecAgreeSettings.NONE);
        after.policy.restoreRegistrations(file);

        after.policy.housekeeping();

        assertThat(after.policy.restoredAwaitingSubscription()).isEqualTo(1);
        assertThat(after.policy.regEventSubscriptions()).isZero();
    }

    @Test
    void restoredUesAreHandedOutABatchPerTickSkippingThoseThatEnded() {
        UeRegistrations cache = new UeRegistrations();
        List<UeRegistration> restored = new ArrayList<>();
        int count = RestoredSubscriptions.PER_TICK * 2 + 7;
        for (int i = 0; i < count; i++) {
            UeRegistration ue = new UeRegistration(List.of("sip:ue" + i + "@ims.test"),
                    List.of("<sip:orig@scscf.ims.test:6060;lr>"), Set.of("sip:ue" + i + "@10.0.0.1"),
                    new Source(TransportProtocol.UDP, new InetSocketAddress("127.0.0.1", 20000 + i), null),
                    i == 1 ? 50 : 1_000, null);
            cache.put(ue);
            restored.add(ue);
        }
        cache.remove(restored.get(0).source());
        RestoredSubscriptions waiting = new RestoredSubscriptions();
        waiting.add(restored);
        List<UeRegistration> subscribed = new ArrayList<>();

        waiting.release(cache, 100, subscribed::add);
        assertThat(subscribed).hasSize(RestoredSubscriptions.PER_TICK)
                .as("the removed and the expired one are passed over")
                .doesNotContain(restored.get(0), restored.get(1)).startsWith(restored.get(2));
        waiting.release(cache, 100, subscribed::add);
        waiting.release(cache, 100, subscribed::add);
        waiting.release(cache, 100, subscribed::add);

        assertThat(subscribed).hasSize(count - 2).doesNotHaveDuplicates();
        assertThat(waiting.waiting()).isZero();
    }
}
