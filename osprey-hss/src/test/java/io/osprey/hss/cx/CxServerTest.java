package io.osprey.hss.cx;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.aka.Auts;
import io.osprey.aka.SqnScheme;
import io.osprey.aka.UsimResult;
import io.osprey.aka.UsimSimulator;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.hss.HssDiameterServer;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cx client (two Diameter nodes on loopback) driving UAR, SAR, LIR and MAR against the HSS over a SQLite
 * store provisioned through {@link ProvisioningService}, and the HSS sending RTR and PPR back. Each test uses
 * its own subscribers.
 */
class CxServerTest {

    static final String DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";
    static final String SCSCF1 = "sip:scscf1." + DOMAIN + ":6060";
    static final String SCSCF2 = "sip:scscf2." + DOMAIN + ":6060";
    /** TS 35.208 test set 1 K and OPc. */
    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    static final HexFormat HEX = HexFormat.of();

    @TempDir
    static Path directory;
    static SubscriberStore store;
    static ProvisioningService provisioning;
    static HssDiameterServer hss;
    static CxClient cx;

    @BeforeAll
    static void start() {
        store = SubscriberStores.open(StoreConfig.of("sqlite:" + directory.resolve("osprey.db")));
        provisioning = new ProvisioningService(store, DOMAIN);
        CxServerConfig config = CxServerConfig.defaults(DOMAIN).withAllowedVisitedNetworks(Set.of("partner.example"));
        hss = HssDiameterServer.start(config, new InetSocketAddress("127.0.0.1", 0), store);
        cx = new CxClient(DOMAIN, hss.port());
    }

    @AfterAll
    static void stop() {
        if (cx != null) {
            cx.close();
        }
        if (hss != null) {
            hss.close();
        }
        if (store != null) {
            store.close();
        }
    }

    static String impi(String user) {
        return user + "@" + DOMAIN;
    }

    static String sip(String user) {
        return "sip:" + user + "@" + DOMAIN;
    }

    static void akaUser(String user, String msisdn) {
        provisioning.addSubscriber(NewSubscriber.of(impi(user), sip(user)).withTel("tel:" + msisdn).withAkaOpc(K, OPC));
    }

    static void assertResult(DiameterMessage answer, ResultCode expected) {
        assertThat(answer.result()).as(answer.toString()).contains(expected);
        if (expected.isExperimental()) {
            assertThat(answer.find(BaseDictionary.EXPERIMENTAL_RESULT, BaseDictionary.VENDOR_ID)
                    .map(Avp::asUnsigned32)).contains(10415L);
            assertThat(answer.avp(BaseDictionary.RESULT_CODE)).isEmpty();
        } else {
            assertThat(answer.avp(BaseDictionary.EXPERIMENTAL_RESULT)).isEmpty();
        }
    }

    static String serverName(DiameterMessage answer) {
        return answer.avp(CxDictionary.SERVER_NAME).map(Avp::asUtf8).orElse(null);
    }

    // --- UAR ---

    @Test
    void firstRegistrationOffersCapabilitiesThenSubsequentNamesTheAssignedScscf() {
        akaUser("ua1", "+15550101");
        DiameterMessage first = cx.uar(impi("ua1"), sip("ua1"), DOMAIN, CxDictionary.UAT_REGISTRATION);
        assertResult(first, CxResultCodes.DIAMETER_FIRST_REGISTRATION);
        assertThat(first.find(CxDictionary.SERVER_CAPABILITIES, CxDictionary.SERVER_NAME).map(Avp::asUtf8))
                .contains("sip:scscf." + DOMAIN + ":6060");

        assertResult(cx.sar(impi("ua1"), sip("ua1"), SCSCF1, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);
        DiameterMessage again = cx.uar(impi("ua1"), sip("ua1"), DOMAIN, CxDictionary.UAT_REGISTRATION);
        assertResult(again, CxResultCodes.DIAMETER_SUBSEQUENT_REGISTRATION);
        assertThat(serverName(again)).isEqualTo(SCSCF1);

        DiameterMessage capabilities = cx.uar(impi("ua1"), sip("ua1"), DOMAIN,
                CxDictionary.UAT_REGISTRATION_AND_CAPABILITIES);
        assertResult(capabilities, CxResultCodes.DIAMETER_FIRST_REGISTRATION);
        assertThat(capabilities.avp(CxDictionary.SERVER_CAPABILITIES)).isPresent();

        DiameterMessage deregistration = cx.uar(impi("ua1"), sip("ua1"), DOMAIN, CxDictionary.UAT_DE_REGISTRATION);
        assertResult(deregistration, ResultCodes.DIAMETER_SUCCESS);
        assertThat(serverName(deregistration)).isEqualTo(SCSCF1);
    }

    @Test
    void uarErrorPaths() {
        akaUser("ua2", "+15550102");
        akaUser("ua3", "+15550103");
        provisioning.updatePublicIdentity(sip("ua3"), PublicIdentityChange.barring(true));

        assertResult(cx.uar(impi("ua2"), sip("nobody"), DOMAIN, 0), CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertResult(cx.uar(impi("nobody"), sip("ua2"), DOMAIN, 0), CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertResult(cx.uar(impi("ua2"), sip("ua3"), DOMAIN, 0), CxResultCodes.DIAMETER_ERROR_IDENTITIES_DONT_MATCH);
        assertResult(cx.uar(impi("ua3"), sip("ua3"), DOMAIN, 0), ResultCodes.DIAMETER_AUTHORIZATION_REJECTED);
        assertResult(cx.uar(impi("ua2"), sip("ua2"), "elsewhere.example", 0),
                CxResultCodes.DIAMETER_ERROR_ROAMING_NOT_ALLOWED);
        assertResult(cx.uar(impi("ua2"), sip("ua2"), "PARTNER.example", 0), CxResultCodes.DIAMETER_FIRST_REGISTRATION);
        assertResult(cx.uar(impi("ua2"), sip("ua2"), DOMAIN, CxDictionary.UAT_DE_REGISTRATION),
                CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
    }

    // --- SAR ---

    @Test
    void registrationStoresTheScscfForTheImplicitSetAndReturnsTheProfile() {
        akaUser("sa1", "+15550201");
        DiameterMessage saa = cx.sar(impi("sa1"), sip("sa1"), SCSCF1, CxDictionary.SAT_REGISTRATION);

        assertResult(saa, ResultCodes.DIAMETER_SUCCESS);
        assertThat(saa.avp(BaseDictionary.USER_NAME).map(Avp::asUtf8)).contains(impi("sa1"));
        String xml = new String(saa.avp(CxDictionary.USER_DATA).orElseThrow().asOctets(), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml").contains("<PrivateID>" + impi("sa1") + "</PrivateID>")
                .contains("<Identity>" + sip("sa1") + "</Identity>").contains("<Identity>tel:+15550201</Identity>");
        DiameterMessage lia = cx.lir("tel:+15550201", false);
        assertResult(lia, ResultCodes.DIAMETER_SUCCESS);
        assertThat(serverName(lia)).isEqualTo(SCSCF1);
    }

    @Test
    void sarAssignmentRulesBetweenTwoScscfs() {
        akaUser("sa2", "+15550202");
        assertResult(cx.sar(impi("sa2"), sip("sa2"), SCSCF1, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);

        DiameterMessage alreadyRegistered = cx.sar(null, sip("sa2"), SCSCF2, CxDictionary.SAT_UNREGISTERED_USER);
        assertResult(alreadyRegistered, CxResultCodes.DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED);
        assertThat(serverName(alreadyRegistered)).as("the S-CSCF that holds the user").isEqualTo(SCSCF1);
        assertResult(cx.sar(null, sip("sa2"), SCSCF2, CxDictionary.SAT_NO_ASSIGNMENT),
                ResultCodes.DIAMETER_UNABLE_TO_COMPLY);
        DiameterMessage noAssignment = cx.sar(null, sip("sa2"), SCSCF1, CxDictionary.SAT_NO_ASSIGNMENT);
        assertResult(noAssignment, ResultCodes.DIAMETER_SUCCESS);
        assertThat(noAssignment.avp(CxDictionary.USER_DATA)).isPresent();
        assertResult(cx.sar(impi("sa2"), sip("sa2"), SCSCF1, 12), CxResultCodes.DIAMETER_ERROR_IN_ASSIGNMENT_TYPE);
        assertResult(cx.sar(impi("nobody"), sip("sa2"), SCSCF1, CxDictionary.SAT_REGISTRATION),
                CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertResult(cx.sar(impi("sa2"), sip("nobody"), SCSCF1, CxDictionary.SAT_REGISTRATION),
                CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);

        DiameterMessage dereg = cx.sar(impi("sa2"), sip("sa2"), SCSCF1, CxDictionary.SAT_USER_DEREGISTRATION);
        assertResult(dereg, ResultCodes.DIAMETER_SUCCESS);
        assertThat(dereg.avp(CxDictionary.USER_DATA)).isEmpty();
        assertResult(cx.lir(sip("sa2"), false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
        assertResult(cx.uar(impi("sa2"), sip("sa2"), DOMAIN, 0), CxResultCodes.DIAMETER_FIRST_REGISTRATION);
    }

    @Test
    void deregistrationThatStoresTheServerNameKeepsTheUserReachableThroughThatScscf() {
        akaUser("sa3", "+15550203");
        cx.sar(impi("sa3"), sip("sa3"), SCSCF2, CxDictionary.SAT_REGISTRATION);

        DiameterMessage saa = cx.sar(impi("sa3"), sip("sa3"), SCSCF2, 7);
        assertResult(saa, ResultCodes.DIAMETER_SUCCESS);
        assertThat(saa.avp(CxDictionary.USER_DATA)).as("no profile on deregistration").isEmpty();

        DiameterMessage uaa = cx.uar(impi("sa3"), sip("sa3"), DOMAIN, 0);
        assertResult(uaa, CxResultCodes.DIAMETER_SUBSEQUENT_REGISTRATION);
        assertThat(serverName(uaa)).isEqualTo(SCSCF2);
        // unregistered, as TS 24.228 §6 has it: terminating requests still reach the S-CSCF that kept the data
        DiameterMessage lia = cx.lir("tel:+15550203", false);
        assertResult(lia, CxResultCodes.DIAMETER_UNREGISTERED_SERVICE);
        assertThat(serverName(lia)).isEqualTo(SCSCF2);
    }

    @Test
    void deregistrationTooMuchDataClearsTheScscfLikeTheOtherDeregistrations() {
        akaUser("sa4", "+15550204");
        cx.sar(impi("sa4"), sip("sa4"), SCSCF1, CxDictionary.SAT_REGISTRATION);

        DiameterMessage saa = cx.sar(impi("sa4"), sip("sa4"), SCSCF1, 11);

        assertResult(saa, ResultCodes.DIAMETER_SUCCESS);
        assertThat(saa.avp(CxDictionary.USER_DATA)).isEmpty();
        assertResult(cx.lir(sip("sa4"), false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
        assertResult(cx.uar(impi("sa4"), sip("sa4"), DOMAIN, 0), CxResultCodes.DIAMETER_FIRST_REGISTRATION);
    }

    @Test
    void aDeregistrationMayNameSeveralPublicIdentitiesOrOnlyThePrivateIdentity() {
        akaUser("sa5", "+15550205");
        akaUser("sa6", "+15550206");
        akaUser("sa7", "+15550207");
        for (String user : List.of("sa5", "sa6", "sa7")) {
            assertResult(cx.sar(impi(user), sip(user), SCSCF1, CxDictionary.SAT_REGISTRATION),
                    ResultCodes.DIAMETER_SUCCESS);
        }

        DiameterMessage both = cx.send(cx.request(CxDictionary.SERVER_ASSIGNMENT)
                .add(CxDictionary.PUBLIC_IDENTITY, sip("sa5")).add(CxDictionary.PUBLIC_IDENTITY, sip("sa6"))
                .add(CxDictionary.SERVER_NAME, SCSCF1)
                .add(CxDictionary.SERVER_ASSIGNMENT_TYPE, CxDictionary.SAT_USER_DEREGISTRATION)
                .add(CxDictionary.USER_DATA_ALREADY_AVAILABLE, 0));
        assertResult(both, ResultCodes.DIAMETER_SUCCESS);
        assertResult(cx.lir(sip("sa5"), false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
        assertResult(cx.lir(sip("sa6"), false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
        assertResult(cx.lir(sip("sa7"), false), ResultCodes.DIAMETER_SUCCESS);

        DiameterMessage byImpi = cx.send(cx.request(CxDictionary.SERVER_ASSIGNMENT)
                .add(BaseDictionary.USER_NAME, impi("sa7")).add(CxDictionary.SERVER_NAME, SCSCF1)
                .add(CxDictionary.SERVER_ASSIGNMENT_TYPE, CxDictionary.SAT_TIMEOUT_DEREGISTRATION)
                .add(CxDictionary.USER_DATA_ALREADY_AVAILABLE, 0));
        assertResult(byImpi, ResultCodes.DIAMETER_SUCCESS);
        assertResult(cx.lir(sip("sa7"), false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
        assertResult(cx.lir("tel:+15550207", false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
    }

    @Test
    void onlyADeregistrationMayNameMoreThanOnePublicIdentity() {
        akaUser("sa8", "+15550208");
        akaUser("sa9", "+15550209");

        DiameterMessage saa = cx.send(cx.request(CxDictionary.SERVER_ASSIGNMENT)
                .add(CxDictionary.PUBLIC_IDENTITY, sip("sa8")).add(CxDictionary.PUBLIC_IDENTITY, sip("sa9"))
                .add(CxDictionary.SERVER_NAME, SCSCF1)
                .add(CxDictionary.SERVER_ASSIGNMENT_TYPE, CxDictionary.SAT_REGISTRATION)
                .add(CxDictionary.USER_DATA_ALREADY_AVAILABLE, 0));

        assertResult(saa, ResultCodes.DIAMETER_AVP_OCCURS_TOO_MANY_TIMES);
        assertThat(saa.find(BaseDictionary.FAILED_AVP, CxDictionary.PUBLIC_IDENTITY).map(Avp::asUtf8))
                .contains(sip("sa9"));
        assertResult(cx.lir(sip("sa8"), false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);

        DiameterMessage neither = cx.send(cx.request(CxDictionary.SERVER_ASSIGNMENT)
                .add(CxDictionary.SERVER_NAME, SCSCF1)
                .add(CxDictionary.SERVER_ASSIGNMENT_TYPE, CxDictionary.SAT_USER_DEREGISTRATION)
                .add(CxDictionary.USER_DATA_ALREADY_AVAILABLE, 0));
        assertResult(neither, ResultCodes.DIAMETER_MISSING_AVP);
    }

    @Test
    void aRegisteredIdentityKeepsItsScscfAgainstRegistrationFromAnother() {
        akaUser("sa10", "+15550210");
        assertResult(cx.sar(impi("sa10"), sip("sa10"), SCSCF1, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);

        for (int type : new int[] {CxDictionary.SAT_REGISTRATION, CxDictionary.SAT_RE_REGISTRATION}) {
            DiameterMessage saa = cx.sar(impi("sa10"), sip("sa10"), SCSCF2, type);
            assertResult(saa, CxResultCodes.DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED);
            assertThat(serverName(saa)).as("the S-CSCF that holds the user").isEqualTo(SCSCF1);
            assertThat(saa.avp(CxDictionary.USER_DATA)).isEmpty();
        }
        assertThat(serverName(cx.lir("tel:+15550210", false))).isEqualTo(SCSCF1);
        assertResult(cx.sar(impi("sa10"), sip("sa10"), SCSCF1, CxDictionary.SAT_RE_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);

        // deregistered (name cleared), another S-CSCF may take the user
        cx.sar(impi("sa10"), sip("sa10"), SCSCF1, CxDictionary.SAT_USER_DEREGISTRATION);
        assertResult(cx.sar(impi("sa10"), sip("sa10"), SCSCF2, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);
        assertThat(serverName(cx.lir(sip("sa10"), false))).isEqualTo(SCSCF2);
    }

    @Test
    void anUnregisteredIdentityKeepsItsScscfAgainstRegistrationFromAnother() {
        akaUser("sa11", "+15550211");
        assertResult(cx.sar(null, sip("sa11"), SCSCF1, CxDictionary.SAT_UNREGISTERED_USER),
                ResultCodes.DIAMETER_SUCCESS);

        DiameterMessage saa = cx.sar(impi("sa11"), sip("sa11"), SCSCF2, CxDictionary.SAT_REGISTRATION);

        assertResult(saa, CxResultCodes.DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED);
        assertThat(serverName(saa)).isEqualTo(SCSCF1);
        assertResult(cx.sar(impi("sa11"), sip("sa11"), SCSCF1, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);
    }

    // --- MAR and the S-CSCF name ---

    @Test
    void marStoresTheScscfOfANotRegisteredIdentityUntilTheAuthenticationFails() {
        akaUser("mn1", "+15550411");
        assertResult(cx.marFrom(SCSCF2, impi("mn1"), sip("mn1"), 1, scheme("Digest-AKAv1-MD5")),
                ResultCodes.DIAMETER_SUCCESS);

        DiameterMessage uaa = cx.uar(impi("mn1"), "tel:+15550411", DOMAIN, CxDictionary.UAT_REGISTRATION);
        assertResult(uaa, CxResultCodes.DIAMETER_SUBSEQUENT_REGISTRATION);
        assertThat(serverName(uaa)).as("the authenticating S-CSCF, for the whole implicit set").isEqualTo(SCSCF2);
        assertResult(cx.lir(sip("mn1"), false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);

        assertResult(cx.sar(impi("mn1"), sip("mn1"), SCSCF2, CxDictionary.SAT_AUTHENTICATION_FAILURE),
                ResultCodes.DIAMETER_SUCCESS);
        assertResult(cx.uar(impi("mn1"), sip("mn1"), DOMAIN, CxDictionary.UAT_REGISTRATION),
                CxResultCodes.DIAMETER_FIRST_REGISTRATION);

        cx.marFrom(SCSCF1, impi("mn1"), sip("mn1"), 1, scheme("Digest-AKAv1-MD5"));
        assertResult(cx.sar(impi("mn1"), sip("mn1"), SCSCF1, CxDictionary.SAT_AUTHENTICATION_TIMEOUT),
                ResultCodes.DIAMETER_SUCCESS);
        assertResult(cx.uar(impi("mn1"), sip("mn1"), DOMAIN, CxDictionary.UAT_REGISTRATION),
                CxResultCodes.DIAMETER_FIRST_REGISTRATION);
    }

    @Test
    void marThenSarRegistersAtTheAuthenticatingScscf() {
        provisioning.addSubscriber(NewSubscriber.of(impi("mn2"), sip("mn2")).withPassword("pw"));
        assertResult(cx.marFrom(SCSCF1, impi("mn2"), sip("mn2"), 1, scheme("SIP Digest")),
                ResultCodes.DIAMETER_SUCCESS);
        assertResult(cx.sar(impi("mn2"), sip("mn2"), SCSCF1, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);

        DiameterMessage lia = cx.lir(sip("mn2"), false);
        assertResult(lia, ResultCodes.DIAMETER_SUCCESS);
        assertThat(serverName(lia)).isEqualTo(SCSCF1);
        // the authentication ended with the registration: AUTHENTICATION_TIMEOUT now leaves the user alone
        cx.sar(impi("mn2"), sip("mn2"), SCSCF1, CxDictionary.SAT_AUTHENTICATION_TIMEOUT);
        assertThat(serverName(cx.lir(sip("mn2"), false))).isEqualTo(SCSCF1);
    }

    @Test
    void marFromAnotherScscfTakesTheUserOverAndTheOldScscfCannotRegisterItBack() throws Exception {
        akaUser("mn3", "+15550413");
        cx.marFrom(SCSCF1, impi("mn3"), sip("mn3"), 1, scheme("Digest-AKAv1-MD5"));
        assertResult(cx.sar(impi("mn3"), sip("mn3"), SCSCF1, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);
        cx.received.clear();

        // TS 29.228 §8.1: a MAR naming another S-CSCF (no AUTS) overwrites the stored name
        assertResult(cx.marFrom(SCSCF2, impi("mn3"), sip("mn3"), 1, scheme("Digest-AKAv1-MD5")),
                ResultCodes.DIAMETER_SUCCESS);

        // §6.1.3: and S-CSCF 1 (Origin-Host of its SAR: this client) is told, naming the identities it lost
        DiameterMessage rtr = awaitRtr(sip("mn3"));
        assertThat(rtr.find(CxDictionary.DEREGISTRATION_REASON, CxDictionary.REASON_CODE).map(Avp::asEnumerated))
                .contains(CxDictionary.REASON_NEW_SERVER_ASSIGNED);
        assertThat(rtr.avp(BaseDictionary.USER_NAME).map(Avp::asUtf8)).contains(impi("mn3"));
        assertThat(rtr.avps(CxDictionary.PUBLIC_IDENTITY)).map(Avp::asUtf8)
                .containsExactlyInAnyOrder(sip("mn3"), "tel:+15550413");
        assertThat(rtr.avp(BaseDictionary.DESTINATION_HOST).map(Avp::asDiameterIdentity))
                .contains("scscf." + DOMAIN);

        assertThat(serverName(cx.uar(impi("mn3"), sip("mn3"), DOMAIN, CxDictionary.UAT_REGISTRATION)))
                .as("the I-CSCF sends the authenticated REGISTER to S-CSCF 2").isEqualTo(SCSCF2);
        assertThat(serverName(cx.lir(sip("mn3"), false))).isEqualTo(SCSCF2);
        assertResult(cx.sar(impi("mn3"), sip("mn3"), SCSCF2, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);
        assertThat(serverName(cx.lir("tel:+15550413", false))).isEqualTo(SCSCF2);
        // and the re-assignment used up the pending authentication
        DiameterMessage back = cx.sar(impi("mn3"), sip("mn3"), SCSCF1, CxDictionary.SAT_REGISTRATION);
        assertResult(back, CxResultCodes.DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED);
        assertThat(serverName(back)).isEqualTo(SCSCF2);

        // S-CSCF 1's stale registration ending (had the RTR not reached it) leaves S-CSCF 2's assignment alone
        assertResult(cx.sar(impi("mn3"), sip("mn3"), SCSCF1, CxDictionary.SAT_TIMEOUT_DEREGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);
        assertThat(serverName(cx.lir(sip("mn3"), false))).isEqualTo(SCSCF2);
        assertResult(cx.sar(impi("mn3"), sip("mn3"), SCSCF2, CxDictionary.SAT_TIMEOUT_DEREGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);
        assertResult(cx.lir(sip("mn3"), false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
    }

    /** The next RTR received that names {@code impu}, skipping any other (other tests' requests). */
    private static DiameterMessage awaitRtr(String impu) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            DiameterMessage request = cx.received.poll(100, TimeUnit.MILLISECONDS);
            if (request != null && request.commandCode() == CxDictionary.REGISTRATION_TERMINATION.code()
                    && request.avps(CxDictionary.PUBLIC_IDENTITY).stream().anyMatch(a -> a.asUtf8().equals(impu))) {
                return request;
            }
        }
        throw new AssertionError("no RTR for " + impu + " within 5 s");
    }

    @Test
    void aReRegistrationsUarAndSarAndALirAreAnsweredFromMemoryAndChangesStillReachTheStore() {
        akaUser("mem1", "+15550199");
        assertResult(cx.sar(impi("mem1"), sip("mem1"), SCSCF1, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);
        long before = hss.cxAnsweredFromMemory();
        // the SAR's transaction left the set's new state in memory: the first UAR of the re-registration reads it
        assertResult(cx.uar(impi("mem1"), sip("mem1"), DOMAIN, CxDictionary.UAT_REGISTRATION),
                CxResultCodes.DIAMETER_SUBSEQUENT_REGISTRATION);
        assertThat(hss.cxAnsweredFromMemory() - before).isEqualTo(1);
        before = hss.cxAnsweredFromMemory();

        DiameterMessage uaa = cx.uar(impi("mem1"), sip("mem1"), DOMAIN, CxDictionary.UAT_REGISTRATION);
        DiameterMessage saa = cx.sar(impi("mem1"), sip("mem1"), SCSCF1, CxDictionary.SAT_RE_REGISTRATION);
        DiameterMessage lia = cx.lir(sip("mem1"), false);

        assertResult(uaa, CxResultCodes.DIAMETER_SUBSEQUENT_REGISTRATION);
        assertThat(serverName(uaa)).isEqualTo(SCSCF1);
        assertResult(saa, ResultCodes.DIAMETER_SUCCESS);
        assertThat(saa.avp(CxDictionary.USER_DATA)).isPresent();
        assertResult(lia, ResultCodes.DIAMETER_SUCCESS);
        assertThat(serverName(lia)).isEqualTo(SCSCF1);
        assertThat(hss.cxAnsweredFromMemory() - before).as("UAR, SAR and LIR on the event loop").isEqualTo(3);

        // a SAR that changes the state starts from memory, stops at its first write and runs again where it may
        assertResult(cx.sar(impi("mem1"), sip("mem1"), SCSCF1, CxDictionary.SAT_USER_DEREGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);
        assertThat(hss.cxAnsweredFromMemory() - before).isEqualTo(3);
        PublicIdentityRecord identity = store.identities().publicIdentity(new Impu(sip("mem1"))).orElseThrow();
        assertThat(store.identities().implicitSetRegistrations(identity))
                .allSatisfy(member -> assertThat(member.state()).isEqualTo(RegistrationState.NOT_REGISTERED));
        assertResult(cx.uar(impi("mem1"), sip("mem1"), DOMAIN, CxDictionary.UAT_REGISTRATION),
                CxResultCodes.DIAMETER_FIRST_REGISTRATION);
    }

    @Test
    void aReAuthenticationAtTheServingScscfTakesReservedSqnsFromMemoryAndTheUsimAcceptsThemInOrder() {
        // a new USIM has accepted nothing, so the first vector must carry an SQN above 0
        provisioning.addSubscriber(NewSubscriber.of(impi("mem2"), sip("mem2")).withAkaOpc(K, OPC).withSqn(64));
        String impi = impi("mem2");
        UsimSimulator usim = UsimSimulator.of(HEX.parseHex(K), HEX.parseHex(OPC), SqnScheme.DEFAULT, 0);
        // the first MAR runs a transaction, which reserves SQNs beyond the one it uses (decision 0020)
        assertAccepted(usim, cx.marFrom(SCSCF1, impi, sip("mem2"), 1, scheme("Digest-AKAv1-MD5")));
        assertResult(cx.sar(impi, sip("mem2"), SCSCF1, CxDictionary.SAT_REGISTRATION), ResultCodes.DIAMETER_SUCCESS);
        long stored = storedSqn(impi);
        long before = hss.cxAnsweredFromMemory();

        for (int i = 0; i < 3; i++) {
            assertAccepted(usim, cx.marFrom(SCSCF1, impi, sip("mem2"), 1, scheme("Digest-AKAv1-MD5")));
        }

        // the SAR's transaction left the set's registrations in memory, and the reservation holds the SQNs
        assertThat(hss.cxAnsweredFromMemory() - before).as("re-authentications on the event loop").isEqualTo(3);
        assertThat(storedSqn(impi)).as("no transaction: the stored SQN is still above every SQN used")
                .isEqualTo(stored);

        // another S-CSCF's MAR has a pending mark to record: a transaction, whose vector the USIM still accepts
        assertAccepted(usim, cx.marFrom(SCSCF2, impi, sip("mem2"), 1, scheme("Digest-AKAv1-MD5")));
        assertThat(hss.cxAnsweredFromMemory() - before).isEqualTo(3);
        assertThat(storedSqn(impi)).isGreaterThan(stored);
    }

    private static long storedSqn(String impi) {
        return store.authenticationCentre().credentials(new Impi(impi)).orElseThrow().sqn();
    }

    private static void assertAccepted(UsimSimulator usim, DiameterMessage maa) {
        assertResult(maa, ResultCodes.DIAMETER_SUCCESS);
        Avp item = maa.avp(CxDictionary.SIP_AUTH_DATA_ITEM).orElseThrow();
        byte[] randAutn = item.avp(CxDictionary.SIP_AUTHENTICATE).orElseThrow().asOctets();
        UsimResult result = usim.authenticate(Arrays.copyOfRange(randAutn, 0, 16), Arrays.copyOfRange(randAutn, 16, 32));
        assertThat(result).isInstanceOfSatisfying(UsimResult.Authenticated.class, ok -> assertThat(
                item.avp(CxDictionary.SIP_AUTHORIZATION).orElseThrow().asOctets()).isEqualTo(ok.res()));
    }

    @Test
    void aReRegistrationAtTheServingScscfLeavesNoPendingAuthenticationAndStillGetsItsProfile() {
        akaUser("mn5", "+15550415");
        cx.marFrom(SCSCF1, impi("mn5"), sip("mn5"), 1, scheme("Digest-AKAv1-MD5"));
        assertResult(cx.sar(impi("mn5"), sip("mn5"), SCSCF1, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);

        assertResult(cx.marFrom(SCSCF1, impi("mn5"), sip("mn5"), 1, scheme("Digest-AKAv1-MD5")),
                ResultCodes.DIAMETER_SUCCESS);
        PublicIdentityRecord identity = store.identities().publicIdentity(new Impu(sip("mn5"))).orElseThrow();
        assertThat(store.identities().implicitSetRegistrations(identity))
                .as("TS 29.228 §6.3.1: only another S-CSCF's authentication is pending")
                .allSatisfy(registration -> assertThat(registration.pendingScscf()).isEmpty());
        DiameterMessage saa = cx.sar(impi("mn5"), sip("mn5"), SCSCF1, CxDictionary.SAT_RE_REGISTRATION);

        assertResult(saa, ResultCodes.DIAMETER_SUCCESS);
        assertThat(saa.avp(CxDictionary.USER_DATA)).isPresent();
        assertThat(store.identities().implicitSetRegistrations(identity)).containsExactly(
                new ImpuRegistration(new Impu(sip("mn5")), RegistrationState.REGISTERED, Optional.of(SCSCF1)),
                new ImpuRegistration(new Impu("tel:+15550415"), RegistrationState.REGISTERED, Optional.of(SCSCF1)));
        DiameterMessage elsewhere = cx.sar(impi("mn5"), sip("mn5"), SCSCF2, CxDictionary.SAT_REGISTRATION);
        assertResult(elsewhere, CxResultCodes.DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED);
        assertThat(serverName(elsewhere)).isEqualTo(SCSCF1);
    }

    @Test
    void aServerNameWithWhitespaceIsAnInvalidAvpValue() {
        akaUser("mn4", "+15550414");
        DiameterMessage maa = cx.marFrom("sip:bad name", impi("mn4"), sip("mn4"), 1, scheme("Digest-AKAv1-MD5"));

        assertResult(maa, ResultCodes.DIAMETER_INVALID_AVP_VALUE);
        assertThat(maa.find(BaseDictionary.FAILED_AVP, CxDictionary.SERVER_NAME).map(Avp::asUtf8))
                .contains("sip:bad name");
        assertResult(cx.uar(impi("mn4"), sip("mn4"), DOMAIN, CxDictionary.UAT_REGISTRATION),
                CxResultCodes.DIAMETER_FIRST_REGISTRATION);
    }

    // --- LIR ---

    @Test
    void lirAnswersUnregisteredServiceForAnUnregisteredUserUnregisteredServicesOrAnOriginatingRequest() {
        akaUser("li1", "+15550301");
        akaUser("li2", "+15550302");
        assertResult(cx.lir(sip("nobody"), false), CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertResult(cx.lir(sip("li1"), false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);

        assertResult(cx.sar(null, sip("li1"), SCSCF2, CxDictionary.SAT_UNREGISTERED_USER),
                ResultCodes.DIAMETER_SUCCESS);
        DiameterMessage lia = cx.lir(sip("li1"), false);
        assertResult(lia, CxResultCodes.DIAMETER_UNREGISTERED_SERVICE);
        assertThat(serverName(lia)).isEqualTo(SCSCF2);

        provisioning.installDefaultTemplates();
        provisioning.addSubscriber(NewSubscriber.of(impi("li3"), sip("li3")).withAkaOpc(K, OPC)
                .withIfcTemplates(List.of("mmtel-term")));
        DiameterMessage terminatingService = cx.lir(sip("li3"), false);
        assertResult(terminatingService, CxResultCodes.DIAMETER_UNREGISTERED_SERVICE);
        assertThat(terminatingService.avp(CxDictionary.SERVER_CAPABILITIES)).isPresent();

        DiameterMessage originating = cx.lir(sip("li2"), true);
        assertResult(originating, CxResultCodes.DIAMETER_UNREGISTERED_SERVICE);
        assertThat(originating.avp(CxDictionary.SERVER_CAPABILITIES)).isPresent();
    }

    // --- MAR ---

    static Avp scheme(String name) {
        return Avps.of(CxDictionary.SIP_AUTHENTICATION_SCHEME, name);
    }

    @Test
    void marReturnsAkaVectorsTheUsimAccepts() {
        // a new USIM has accepted nothing, so the first vector must carry an SQN above 0
        provisioning.addSubscriber(NewSubscriber.of(impi("ma1"), sip("ma1")).withAkaOpc(K, OPC).withSqn(64));
        DiameterMessage maa = cx.mar(impi("ma1"), sip("ma1"), 3, scheme("Digest-AKAv1-MD5"));

        assertResult(maa, ResultCodes.DIAMETER_SUCCESS);
        assertThat(maa.avp(CxDictionary.SIP_NUMBER_AUTH_ITEMS).map(Avp::asUnsigned32)).contains(3L);
        List<Avp> items = maa.avps(CxDictionary.SIP_AUTH_DATA_ITEM);
        assertThat(items).hasSize(3);
        UsimSimulator usim = UsimSimulator.of(HEX.parseHex(K), HEX.parseHex(OPC), SqnScheme.DEFAULT, 0);
        for (int i = 0; i < items.size(); i++) {
            Avp item = items.get(i);
            assertThat(item.avp(CxDictionary.SIP_ITEM_NUMBER).map(Avp::asUnsigned32)).contains(i + 1L);
            assertThat(item.avp(CxDictionary.SIP_AUTHENTICATION_SCHEME).map(Avp::asUtf8)).contains("Digest-AKAv1-MD5");
            byte[] randAutn = item.avp(CxDictionary.SIP_AUTHENTICATE).orElseThrow().asOctets();
            assertThat(randAutn).hasSize(32);
            UsimResult result = usim.authenticate(Arrays.copyOfRange(randAutn, 0, 16),
                    Arrays.copyOfRange(randAutn, 16, 32));
            assertThat(result).isInstanceOf(UsimResult.Authenticated.class);
            UsimResult.Authenticated ok = (UsimResult.Authenticated) result;
            assertThat(item.avp(CxDictionary.SIP_AUTHORIZATION).orElseThrow().asOctets()).isEqualTo(ok.res());
            assertThat(item.avp(CxDictionary.CONFIDENTIALITY_KEY).orElseThrow().asOctets()).isEqualTo(ok.ck());
            assertThat(item.avp(CxDictionary.INTEGRITY_KEY).orElseThrow().asOctets()).isEqualTo(ok.ik());
        }
    }

    @Test
    void marResynchronisesWithTheAutsOfAUsimThatIsAhead() {
        akaUser("ma2", "+15550402");
        UsimSimulator usim = UsimSimulator.of(HEX.parseHex(K), HEX.parseHex(OPC), SqnScheme.DEFAULT, 5_000_000);
        byte[] first = cx.mar(impi("ma2"), sip("ma2"), 1, scheme("Digest-AKAv1-MD5"))
                .find(CxDictionary.SIP_AUTH_DATA_ITEM, CxDictionary.SIP_AUTHENTICATE).orElseThrow().asOctets();
        byte[] rand = Arrays.copyOfRange(first, 0, 16);
        UsimResult refused = usim.authenticate(rand, Arrays.copyOfRange(first, 16, 32));
        assertThat(refused).isInstanceOf(UsimResult.SynchronisationFailure.class);
        Auts auts = ((UsimResult.SynchronisationFailure) refused).auts();

        byte[] randAuts = new byte[30];
        System.arraycopy(rand, 0, randAuts, 0, 16);
        System.arraycopy(auts.octets(), 0, randAuts, 16, 14);
        DiameterMessage maa = cx.mar(impi("ma2"), sip("ma2"), 1, scheme("Digest-AKAv1-MD5"),
                Avps.of(CxDictionary.SIP_AUTHORIZATION, randAuts));

        assertResult(maa, ResultCodes.DIAMETER_SUCCESS);
        byte[] fresh = maa.find(CxDictionary.SIP_AUTH_DATA_ITEM, CxDictionary.SIP_AUTHENTICATE).orElseThrow()
                .asOctets();
        assertThat(usim.authenticate(Arrays.copyOfRange(fresh, 0, 16), Arrays.copyOfRange(fresh, 16, 32)))
                .isInstanceOf(UsimResult.Authenticated.class);

        randAuts[29] ^= 1;
        assertResult(cx.mar(impi("ma2"), sip("ma2"), 1, scheme("Digest-AKAv1-MD5"),
                Avps.of(CxDictionary.SIP_AUTHORIZATION, randAuts)), CxResultCodes.DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED);
        assertResult(cx.mar(impi("ma2"), sip("ma2"), 1, scheme("Digest-AKAv1-MD5"),
                Avps.of(CxDictionary.SIP_AUTHORIZATION, new byte[29])), ResultCodes.DIAMETER_INVALID_AVP_VALUE);
    }

    @Test
    void marForADigestUserReturnsHa1OfThePassword() throws Exception {
        provisioning.addSubscriber(NewSubscriber.of(impi("md1"), sip("md1")).withPassword("hunter2"));

        DiameterMessage maa = cx.mar(impi("md1"), sip("md1"), 1, scheme("SIP Digest"));

        assertResult(maa, ResultCodes.DIAMETER_SUCCESS);
        Avp digest = maa.find(CxDictionary.SIP_AUTH_DATA_ITEM, CxDictionary.SIP_DIGEST_AUTHENTICATE).orElseThrow();
        assertThat(digest.avp(CxDictionary.DIGEST_REALM).map(Avp::asUtf8)).contains(DOMAIN);
        assertThat(digest.avp(CxDictionary.DIGEST_ALGORITHM).map(Avp::asUtf8)).contains("MD5");
        assertThat(digest.avp(CxDictionary.DIGEST_QOP).map(Avp::asUtf8)).contains("auth");
        String expected = HEX.formatHex(MessageDigest.getInstance("MD5")
                .digest((impi("md1") + ":" + DOMAIN + ":hunter2").getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(digest.avp(CxDictionary.DIGEST_HA1).orElseThrow().asOctets(), StandardCharsets.US_ASCII))
                .isEqualTo(expected);
    }

    @Test
    void marErrorPaths() {
        akaUser("ma3", "+15550403");
        provisioning.addSubscriber(NewSubscriber.of(impi("md2"), sip("md2")).withPassword("pw"));

        assertResult(cx.mar(impi("md2"), sip("md2"), 1, scheme("Digest-AKAv1-MD5")),
                CxResultCodes.DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED);
        assertResult(cx.mar(impi("ma3"), sip("ma3"), 1, scheme("NASS-Bundled")),
                CxResultCodes.DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED);
        assertResult(cx.mar(impi("ma3"), sip("ma3"), 1, scheme("SIP Digest")),
                CxResultCodes.DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED);
        assertResult(cx.mar(impi("ma3"), sip("nobody"), 1, scheme("Digest-AKAv1-MD5")),
                CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertResult(cx.mar(impi("ma3"), sip("md2"), 1, scheme("Digest-AKAv1-MD5")),
                CxResultCodes.DIAMETER_ERROR_IDENTITIES_DONT_MATCH);
        DiameterMessage chosen = cx.mar(impi("ma3"), sip("ma3"), 1, scheme("Unknown"));
        assertResult(chosen, ResultCodes.DIAMETER_SUCCESS);
        assertThat(chosen.find(CxDictionary.SIP_AUTH_DATA_ITEM, CxDictionary.SIP_AUTHENTICATION_SCHEME)
                .map(Avp::asUtf8)).contains("Digest-AKAv1-MD5");
    }

    // --- RTR / PPR ---

    @Test
    void registrationTerminationReachesTheScscfAndDeregistersTheUser() throws Exception {
        akaUser("rt1", "+15550501");
        cx.sar(impi("rt1"), sip("rt1"), SCSCF1, CxDictionary.SAT_REGISTRATION);
        cx.received.clear();

        DiameterMessage rta = hss.cxNotifier().terminateRegistration("scscf." + DOMAIN, new Impi(impi("rt1")),
                List.of(new Impu(sip("rt1"))), CxDictionary.REASON_PERMANENT_TERMINATION, Optional.of("subscription ended"))
                .get(10, TimeUnit.SECONDS);

        assertResult(rta, ResultCodes.DIAMETER_SUCCESS);
        DiameterMessage rtr = cx.received.poll(5, TimeUnit.SECONDS);
        assertThat(rtr.commandCode()).isEqualTo(CxDictionary.REGISTRATION_TERMINATION.code());
        assertThat(rtr.avp(BaseDictionary.USER_NAME).map(Avp::asUtf8)).contains(impi("rt1"));
        assertThat(rtr.avp(CxDictionary.PUBLIC_IDENTITY).map(Avp::asUtf8)).contains(sip("rt1"));
        assertThat(rtr.find(CxDictionary.DEREGISTRATION_REASON, CxDictionary.REASON_CODE).map(Avp::asEnumerated))
                .contains(CxDictionary.REASON_PERMANENT_TERMINATION);
        assertResult(cx.lir("tel:+15550501", false), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
    }

    @Test
    void networkInitiatedRequestsGoToTheOriginHostOfTheScscfsSar() throws Exception {
        akaUser("rt2", "+15550502");
        cx.sar(impi("rt2"), sip("rt2"), SCSCF1, CxDictionary.SAT_REGISTRATION);
        cx.received.clear();

        // TS 29.228 Table 6.1.3.1: the Destination-Host is the Origin-Host of the S-CSCF's SAR, here
        // scscf.<domain>, not the host of its Server-Name (scscf1.<domain>), which no Diameter node answers to
        CxNotifier.RegistrationTermination target = hss.cxNotifier().servingScscf(new Impu(sip("rt2"))).orElseThrow();
        assertThat(target.scscfName()).isEqualTo(SCSCF1);
        assertThat(target.diameterHost()).isEqualTo("scscf." + DOMAIN);
        assertThat(CxNotifier.diameterHostOf(SCSCF1)).isEqualTo("scscf1." + DOMAIN);

        DiameterMessage rta = hss.cxNotifier().terminateRegistration(target.diameterHost(), target.impi(),
                List.of(new Impu(sip("rt2"))), CxDictionary.REASON_PERMANENT_TERMINATION, Optional.empty())
                .get(10, TimeUnit.SECONDS);
        assertResult(rta, ResultCodes.DIAMETER_SUCCESS);
        assertThat(cx.received.poll(5, TimeUnit.SECONDS).commandCode())
                .isEqualTo(CxDictionary.REGISTRATION_TERMINATION.code());
    }

    @Test
    void pushProfileCarriesTheCurrentUserData() throws Exception {
        akaUser("pp1", "+15550601");
        cx.received.clear();

        DiameterMessage ppa = hss.cxNotifier().pushProfile("scscf." + DOMAIN, new Impi(impi("pp1")),
                new Impu(sip("pp1"))).get(10, TimeUnit.SECONDS);

        assertResult(ppa, ResultCodes.DIAMETER_SUCCESS);
        DiameterMessage ppr = cx.received.poll(5, TimeUnit.SECONDS);
        assertThat(ppr.commandCode()).isEqualTo(CxDictionary.PUSH_PROFILE.code());
        assertThat(new String(ppr.avp(CxDictionary.USER_DATA).orElseThrow().asOctets(), StandardCharsets.UTF_8))
                .contains("<PrivateID>" + impi("pp1") + "</PrivateID>");
    }
}
