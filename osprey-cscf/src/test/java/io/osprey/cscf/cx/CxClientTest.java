package io.osprey.cscf.cx;

import static io.osprey.cscf.cx.CxTestNodes.DOMAIN;
import static io.osprey.cscf.cx.CxTestNodes.SCSCF_HOST;
import static io.osprey.cscf.cx.CxTestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.aka.Auts;
import io.osprey.aka.SqnScheme;
import io.osprey.aka.UsimResult;
import io.osprey.aka.UsimSimulator;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.hss.HssDiameterServer;
import io.osprey.hss.cx.CxNotifier;
import io.osprey.hss.cx.CxServerConfig;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.provisioning.PublicIdentityChange;
import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CxClient} against the real HSS Cx server ({@link HssDiameterServer} over a SQLite store provisioned through
 * {@link ProvisioningService}) on loopback: every request type, and RTR/PPR sent by the HSS's {@link CxNotifier}
 * reaching the installed handlers. Each test uses its own subscribers.
 */
class CxClientTest {

    static final String DEFAULT_SCSCF = "sip:scscf." + DOMAIN + ":6060";
    static final String SCSCF1 = "sip:scscf1." + DOMAIN + ":6060";
    /** TS 35.208 test set 1 K and OPc. */
    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    static final HexFormat HEX = HexFormat.of();

    @TempDir
    static Path directory;
    static SubscriberStore store;
    static ProvisioningService provisioning;
    static HssDiameterServer hss;
    static DiameterNode node;
    static CxClient cx;
    static final BlockingQueue<RegistrationTermination> terminations = new LinkedBlockingQueue<>();
    static final BlockingQueue<PushProfile> pushes = new LinkedBlockingQueue<>();
    static final AtomicReference<Function<PushProfile, CompletionStage<Integer>>> pushAnswer = new AtomicReference<>();

    @BeforeAll
    static void start() {
        store = SubscriberStores.open(StoreConfig.of("sqlite:" + directory.resolve("osprey.db")));
        provisioning = new ProvisioningService(store, DOMAIN);
        provisioning.installDefaultTemplates();
        hss = HssDiameterServer.start(CxServerConfig.defaults(DOMAIN), new InetSocketAddress("127.0.0.1", 0), store);
        node = CxTestNodes.connectedClient(CxTestNodes.HSS_HOST, hss.port(), Duration.ofSeconds(5));
        cx = new CxClient(node, DOMAIN);
        cx.onRegistrationTermination(rtr -> {
            terminations.add(rtr);
            return CompletableFuture.completedFuture(2001);
        });
        cx.onPushProfile(ppr -> {
            pushes.add(ppr);
            return pushAnswer.get().apply(ppr);
        });
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (hss != null) {
            hss.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @BeforeEach
    void clearNotifications() {
        terminations.clear();
        pushes.clear();
        pushAnswer.set(p -> CompletableFuture.completedFuture(2001));
    }

    static String impi(String user) {
        return user + "@" + DOMAIN;
    }

    static String sip(String user) {
        return "sip:" + user + "@" + DOMAIN;
    }

    static void akaUser(String user) {
        provisioning.addSubscriber(NewSubscriber.of(impi(user), sip(user)).withAkaOpc(K, OPC));
    }

    static ServerAssignmentAnswer register(String user, String scscf) {
        ServerAssignmentAnswer saa = await(cx.serverAssignment(impi(user), sip(user), scscf,
                ServerAssignmentType.REGISTRATION, false));
        assertThat(saa.result()).isEqualTo(CxResult.SUCCESS);
        return saa;
    }

    // --- UAR ---

    @Test
    void uarOffersCapabilitiesForAFirstRegistrationAndTheServerNameAfterSar() {
        akaUser("ua1");
        UserAuthorizationAnswer first = await(cx.userAuthorization(impi("ua1"), sip("ua1"), DOMAIN,
                UserAuthorizationType.REGISTRATION));
        assertThat(first.result()).isEqualTo(CxResult.FIRST_REGISTRATION);
        assertThat(first.result().isSuccess()).isTrue();
        assertThat(first.result().is(CxResultCodes.DIAMETER_FIRST_REGISTRATION)).isTrue();
        assertThat(first.serverName()).isNull();
        assertThat(first.capabilities().serverNames()).containsExactly(DEFAULT_SCSCF);
        assertThat(first.capabilities().mandatory()).isEmpty();

        register("ua1", SCSCF1);
        UserAuthorizationAnswer subsequent = await(cx.userAuthorization(impi("ua1"), sip("ua1"), DOMAIN,
                UserAuthorizationType.REGISTRATION));
        assertThat(subsequent.result()).isEqualTo(CxResult.SUBSEQUENT_REGISTRATION);
        assertThat(subsequent.serverName()).isEqualTo(SCSCF1);
        assertThat(subsequent.capabilities()).isNull();

        UserAuthorizationAnswer deregistration = await(cx.userAuthorization(impi("ua1"), sip("ua1"), DOMAIN,
                UserAuthorizationType.DE_REGISTRATION));
        assertThat(deregistration.result()).isEqualTo(CxResult.SUCCESS);
        assertThat(deregistration.serverName()).isEqualTo(SCSCF1);

        UserAuthorizationAnswer capabilities = await(cx.userAuthorization(impi("ua1"), sip("ua1"), DOMAIN,
                UserAuthorizationType.REGISTRATION_AND_CAPABILITIES));
        assertThat(capabilities.result()).isEqualTo(CxResult.FIRST_REGISTRATION);
        assertThat(capabilities.capabilities()).isNotNull();
    }

    @Test
    void uarErrorsAreResultsNotExceptions() {
        akaUser("ua2");
        akaUser("ua3");
        provisioning.updatePublicIdentity(sip("ua3"), PublicIdentityChange.barring(true));

        UserAuthorizationAnswer unknown = await(cx.userAuthorization(impi("ua2"), sip("nobody"), DOMAIN,
                UserAuthorizationType.REGISTRATION));
        assertThat(unknown.result()).isEqualTo(CxResult.USER_UNKNOWN);
        assertThat(unknown.result().experimental()).isTrue();
        assertThat(unknown.result().isPermanentFailure()).isTrue();
        assertThat(unknown.serverName()).isNull();
        assertThat(unknown.capabilities()).isNull();
        assertThat(await(cx.userAuthorization(impi("ua2"), sip("ua3"), DOMAIN, UserAuthorizationType.REGISTRATION))
                .result()).isEqualTo(CxResult.IDENTITIES_DONT_MATCH);
        // a barred identity is refused with the base Result-Code 5003, not the experimental 5003
        assertThat(await(cx.userAuthorization(impi("ua3"), sip("ua3"), DOMAIN, UserAuthorizationType.REGISTRATION))
                .result()).isEqualTo(CxResult.AUTHORIZATION_REJECTED).isNotEqualTo(CxResult.IDENTITY_NOT_REGISTERED);
        assertThat(await(cx.userAuthorization(impi("ua2"), sip("ua2"), "elsewhere.example",
                UserAuthorizationType.REGISTRATION)).result()).isEqualTo(CxResult.ROAMING_NOT_ALLOWED);
        assertThat(await(cx.userAuthorization(impi("ua2"), sip("ua2"), DOMAIN, UserAuthorizationType.DE_REGISTRATION))
                .result()).isEqualTo(CxResult.IDENTITY_NOT_REGISTERED);
    }

    // --- MAR ---

    @Test
    void marReturnsTwoAkaVectorsTheUsimAccepts() {
        // a new USIM has accepted nothing, so the first vector must carry an SQN above 0
        provisioning.addSubscriber(NewSubscriber.of(impi("ma1"), sip("ma1")).withAkaOpc(K, OPC).withSqn(64));
        MultimediaAuthAnswer maa = await(cx.multimediaAuth(impi("ma1"), sip("ma1"), "Digest-AKAv1-MD5", 2, null,
                SCSCF1));

        assertThat(maa.result()).isEqualTo(CxResult.SUCCESS);
        assertThat(maa.impi()).isEqualTo(impi("ma1"));
        assertThat(maa.impu()).isEqualTo(sip("ma1"));
        assertThat(maa.items()).extracting(SipAuthDataItem::itemNumber).containsExactly(1, 2);
        UsimSimulator usim = UsimSimulator.of(HEX.parseHex(K), HEX.parseHex(OPC), SqnScheme.DEFAULT, 0);
        for (SipAuthDataItem item : maa.items()) {
            assertThat(item.scheme()).isEqualTo("Digest-AKAv1-MD5");
            assertThat(item.isAka()).isTrue();
            assertThat(item.isDigest()).isFalse();
            byte[] randAutn = item.authenticate();
            assertThat(randAutn).hasSize(32);
            assertThat(item.confidentialityKey()).hasSize(16);
            assertThat(item.integrityKey()).hasSize(16);
            UsimResult result = usim.authenticate(Arrays.copyOfRange(randAutn, 0, 16),
                    Arrays.copyOfRange(randAutn, 16, 32));
            assertThat(result).isInstanceOf(UsimResult.Authenticated.class);
            UsimResult.Authenticated ok = (UsimResult.Authenticated) result;
            assertThat(item.authorization()).isEqualTo(ok.res());
            assertThat(item.confidentialityKey()).isEqualTo(ok.ck());
            assertThat(item.integrityKey()).isEqualTo(ok.ik());
            assertThat(item.toString()).doesNotContain(HEX.formatHex(ok.ck()));
        }
    }

    @Test
    void marResynchronisesWithTheAutsOfAUsimThatIsAhead() {
        akaUser("ma2");
        UsimSimulator usim = UsimSimulator.of(HEX.parseHex(K), HEX.parseHex(OPC), SqnScheme.DEFAULT, 5_000_000);
        byte[] first = await(cx.multimediaAuth(impi("ma2"), sip("ma2"), "Digest-AKAv1-MD5", 1, null, SCSCF1))
                .items().getFirst().authenticate();
        byte[] rand = Arrays.copyOfRange(first, 0, 16);
        UsimResult refused = usim.authenticate(rand, Arrays.copyOfRange(first, 16, 32));
        assertThat(refused).isInstanceOf(UsimResult.SynchronisationFailure.class);
        Auts auts = ((UsimResult.SynchronisationFailure) refused).auts();
        byte[] randAuts = new byte[30];
        System.arraycopy(rand, 0, randAuts, 0, 16);
        System.arraycopy(auts.octets(), 0, randAuts, 16, Auts.LENGTH);

        MultimediaAuthAnswer maa = await(cx.multimediaAuth(impi("ma2"), sip("ma2"), "Digest-AKAv1-MD5", 1, randAuts,
                SCSCF1));

        assertThat(maa.result()).isEqualTo(CxResult.SUCCESS);
        byte[] fresh = maa.items().getFirst().authenticate();
        assertThat(usim.authenticate(Arrays.copyOfRange(fresh, 0, 16), Arrays.copyOfRange(fresh, 16, 32)))
                .isInstanceOf(UsimResult.Authenticated.class);
        // a SIP-Authorization that is not RAND ‖ AUTS is refused with a base Result-Code, still no exception
        MultimediaAuthAnswer invalid = await(cx.multimediaAuth(impi("ma2"), sip("ma2"), "Digest-AKAv1-MD5", 1,
                new byte[29], SCSCF1));
        assertThat(invalid.result()).isEqualTo(CxResult.ofResultCode(5004));
        assertThat(invalid.items()).isEmpty();
    }

    @Test
    void marForADigestUserReturnsHa1() throws Exception {
        provisioning.addSubscriber(NewSubscriber.of(impi("md1"), sip("md1")).withPassword("hunter2"));

        MultimediaAuthAnswer maa = await(cx.multimediaAuth(impi("md1"), sip("md1"), "SIP Digest", 1, null, SCSCF1));

        assertThat(maa.result()).isEqualTo(CxResult.SUCCESS);
        SipAuthDataItem item = maa.items().getFirst();
        assertThat(item.isDigest()).isTrue();
        assertThat(item.authenticate()).isNull();
        assertThat(item.scheme()).isEqualTo("SIP Digest");
        assertThat(item.digestRealm()).isEqualTo(DOMAIN);
        assertThat(item.digestAlgorithm()).isEqualTo("MD5");
        assertThat(item.digestQop()).isEqualTo("auth");
        String expected = HEX.formatHex(MessageDigest.getInstance("MD5")
                .digest((impi("md1") + ":" + DOMAIN + ":hunter2").getBytes(StandardCharsets.UTF_8)));
        assertThat(item.digestHa1()).isEqualTo(expected);

        assertThat(await(cx.multimediaAuth(impi("md1"), sip("md1"), "Digest-AKAv1-MD5", 1, null, SCSCF1)).result())
                .isEqualTo(CxResult.AUTH_SCHEME_NOT_SUPPORTED);
    }

    // --- SAR ---

    @Test
    void sarRegistrationReturnsTheProfileAndUserDeregistrationClearsIt() {
        akaUser("sa1");
        ServerAssignmentAnswer saa = register("sa1", SCSCF1);

        assertThat(saa.userDataXml()).startsWith("<?xml").contains("<Identity>" + sip("sa1") + "</Identity>")
                .contains("<PrivateID>" + impi("sa1") + "</PrivateID>");
        assertThat(saa.associatedIdentities()).isEmpty();
        assertThat(saa.chargingCcf()).isNull();
        assertThat(await(cx.serverAssignment(impi("sa1"), sip("sa1"), SCSCF1, ServerAssignmentType.RE_REGISTRATION,
                true)).userDataXml()).isNull();
        assertThat(await(cx.locationInfo(sip("sa1"), false)).serverName()).isEqualTo(SCSCF1);

        ServerAssignmentAnswer dereg = await(cx.serverAssignment(impi("sa1"), sip("sa1"), SCSCF1,
                ServerAssignmentType.USER_DEREGISTRATION, false));
        assertThat(dereg.result()).isEqualTo(CxResult.SUCCESS);
        assertThat(dereg.userDataXml()).isNull();
        assertThat(await(cx.locationInfo(sip("sa1"), false)).result()).isEqualTo(CxResult.IDENTITY_NOT_REGISTERED);
    }

    @Test
    void sarWithoutImpiAndItsErrors() {
        akaUser("sa2");
        ServerAssignmentAnswer unregistered = await(cx.serverAssignment(null, sip("sa2"), SCSCF1,
                ServerAssignmentType.UNREGISTERED_USER, false));
        assertThat(unregistered.result()).isEqualTo(CxResult.SUCCESS);
        assertThat(unregistered.userDataXml()).contains(sip("sa2"));
        assertThat(await(cx.serverAssignment(impi("sa2"), sip("sa2"), SCSCF1,
                ServerAssignmentType.AAA_USER_DATA_REQUEST, false)).result()).isEqualTo(CxResult.IN_ASSIGNMENT_TYPE);
        assertThat(await(cx.serverAssignment(impi("sa2"), sip("nobody"), SCSCF1, ServerAssignmentType.REGISTRATION,
                false)).result()).isEqualTo(CxResult.USER_UNKNOWN);
    }

    // --- LIR ---

    @Test
    void lirForRegisteredUnregisteredWithServicesAndUnknownUsers() {
        akaUser("li1");
        akaUser("li2");
        provisioning.addSubscriber(NewSubscriber.of(impi("li3"), sip("li3")).withAkaOpc(K, OPC)
                .withIfcTemplates(List.of("mmtel-term")));
        register("li1", SCSCF1);

        LocationInfoAnswer registered = await(cx.locationInfo(sip("li1"), false));
        assertThat(registered.result()).isEqualTo(CxResult.SUCCESS);
        assertThat(registered.serverName()).isEqualTo(SCSCF1);
        assertThat(registered.capabilities()).isNull();
        assertThat(registered.wildcardedPublicIdentity()).isNull();

        LocationInfoAnswer services = await(cx.locationInfo(sip("li3"), false));
        assertThat(services.result()).isEqualTo(CxResult.UNREGISTERED_SERVICE);
        assertThat(services.serverName()).isNull();
        assertThat(services.capabilities().serverNames()).containsExactly(DEFAULT_SCSCF);

        assertThat(await(cx.locationInfo(sip("li2"), false)).result()).isEqualTo(CxResult.IDENTITY_NOT_REGISTERED);
        assertThat(await(cx.locationInfo(sip("li2"), true)).result()).isEqualTo(CxResult.UNREGISTERED_SERVICE);
        assertThat(await(cx.locationInfo(sip("nobody"), false)).result()).isEqualTo(CxResult.USER_UNKNOWN);
    }

    // --- RTR / PPR ---

    @Test
    void registrationTerminationReachesTheHandlerAndIsAnswered() throws Exception {
        akaUser("rt1");
        register("rt1", SCSCF1);

        DiameterMessage rta = await(hss.cxNotifier().terminateRegistration(SCSCF_HOST, new Impi(impi("rt1")),
                List.of(new Impu(sip("rt1"))), CxDictionary.REASON_NEW_SERVER_ASSIGNED, Optional.of("moved")));

        assertThat(rta.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        RegistrationTermination rtr = terminations.poll(5, TimeUnit.SECONDS);
        assertThat(rtr).isEqualTo(new RegistrationTermination(impi("rt1"), List.of(sip("rt1")),
                CxDictionary.REASON_NEW_SERVER_ASSIGNED, "moved"));
        // the HSS acted on the RTA: the user is no longer registered
        assertThat(await(cx.locationInfo(sip("rt1"), false)).result()).isEqualTo(CxResult.IDENTITY_NOT_REGISTERED);
    }

    @Test
    void pushProfileReachesTheHandlerWhoseCodeIsTheAnswer() throws Exception {
        akaUser("pp1");

        DiameterMessage ppa = await(hss.cxNotifier().pushProfile(SCSCF_HOST, new Impi(impi("pp1")),
                new Impu(sip("pp1"))));
        assertThat(ppa.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        PushProfile ppr = pushes.poll(5, TimeUnit.SECONDS);
        assertThat(ppr.impi()).isEqualTo(impi("pp1"));
        assertThat(ppr.userDataXml()).contains("<PrivateID>" + impi("pp1") + "</PrivateID>");

        pushAnswer.set(p -> CompletableFuture.completedFuture(5009));
        DiameterMessage refused = await(hss.cxNotifier().pushProfile(SCSCF_HOST, new Impi(impi("pp1")),
                new Impu(sip("pp1"))));
        assertThat(refused.result()).contains(CxResultCodes.DIAMETER_ERROR_NOT_SUPPORTED_USER_DATA);
        assertThat(refused.find(BaseDictionary.EXPERIMENTAL_RESULT, BaseDictionary.VENDOR_ID).map(Avp::asUnsigned32))
                .contains(10415L);

        pushAnswer.set(p -> {
            throw new IllegalStateException("handler broke");
        });
        assertThat(await(hss.cxNotifier().pushProfile(SCSCF_HOST, new Impi(impi("pp1")), new Impu(sip("pp1"))))
                .result()).contains(ResultCodes.DIAMETER_UNABLE_TO_COMPLY);
    }
}
