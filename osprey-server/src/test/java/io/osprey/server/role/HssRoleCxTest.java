package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.osprey.diameter.message.RequestBuilder;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.provisioning.PublicIdentityChange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An S-CSCF/I-CSCF Diameter node drives every Cx command (TS 29.229 §6.1) against the {@code hss} role as
 * {@code osprey run hss} starts it, success and error paths: UAR, MAR, SAR and LIR from the client, RTR and PPR
 * from the HSS. Each test provisions its own users.
 */
@Timeout(60)
class HssRoleCxTest {

    /** TS 35.208 test set 1 K and OPc. */
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    static Path dir;
    private static RunningHss hss;
    private static DiameterTestPeer scscf;
    private static ProvisioningService provisioning;
    private static String domain;
    private static String scscf1;
    private static String scscf2;

    @BeforeAll
    static void start() {
        hss = RunningHss.start(dir, 0);
        domain = hss.realm();
        scscf1 = "sip:scscf1." + domain + ":6060";
        scscf2 = "sip:scscf2." + domain + ":6060";
        provisioning = hss.provisioning();
        provisioning.installDefaultTemplates();
        scscf = new DiameterTestPeer("scscf." + domain, domain, hss.port());
    }

    @AfterAll
    static void stop() {
        if (scscf != null) {
            scscf.close();
        }
        if (hss != null) {
            hss.close();
        }
    }

    private static String impi(String user) {
        return user + "@" + domain;
    }

    private static String sip(String user) {
        return "sip:" + user + "@" + domain;
    }

    private static void akaUser(String user) {
        provisioning.addSubscriber(NewSubscriber.of(impi(user), sip(user)).withAkaOpc(K, OPC).withSqn(64));
    }

    private static void assertResult(DiameterMessage answer, ResultCode expected) {
        assertThat(answer.result()).as(answer.toString()).contains(expected);
        if (expected.isExperimental()) {
            assertThat(answer.find(BaseDictionary.EXPERIMENTAL_RESULT, BaseDictionary.VENDOR_ID)
                    .map(Avp::asUnsigned32)).contains(10415L);
            assertThat(answer.avp(BaseDictionary.RESULT_CODE)).isEmpty();
        }
    }

    private static String serverName(DiameterMessage answer) {
        return answer.avp(CxDictionary.SERVER_NAME).map(Avp::asUtf8).orElse(null);
    }

    private static DiameterMessage uar(String impi, String impu, String visited, int type) {
        return scscf.send(scscf.request(CxDictionary.USER_AUTHORIZATION).add(BaseDictionary.USER_NAME, impi)
                .add(CxDictionary.PUBLIC_IDENTITY, impu)
                .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, visited.getBytes(StandardCharsets.UTF_8))
                .add(CxDictionary.USER_AUTHORIZATION_TYPE, type));
    }

    private static DiameterMessage sar(String impi, String impu, String serverName, int type) {
        RequestBuilder request = scscf.request(CxDictionary.SERVER_ASSIGNMENT).add(CxDictionary.PUBLIC_IDENTITY, impu)
                .add(CxDictionary.SERVER_NAME, serverName).add(CxDictionary.SERVER_ASSIGNMENT_TYPE, type)
                .add(CxDictionary.USER_DATA_ALREADY_AVAILABLE, 0);
        if (impi != null) {
            request.add(BaseDictionary.USER_NAME, impi);
        }
        return scscf.send(request);
    }

    private static DiameterMessage lir(String impu) {
        return scscf.send(scscf.request(CxDictionary.LOCATION_INFO).add(CxDictionary.PUBLIC_IDENTITY, impu));
    }

    private static DiameterMessage mar(String impi, String impu, String scheme, int count) {
        return scscf.send(scscf.request(CxDictionary.MULTIMEDIA_AUTH).add(BaseDictionary.USER_NAME, impi)
                .add(CxDictionary.PUBLIC_IDENTITY, impu).add(CxDictionary.SERVER_NAME, scscf1)
                .add(CxDictionary.SIP_NUMBER_AUTH_ITEMS, count)
                .add(Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM,
                        Avps.of(CxDictionary.SIP_AUTHENTICATION_SCHEME, scheme))));
    }

    @Test
    void userAuthorizationFromFirstRegistrationToDeregistration() {
        akaUser("u1");
        DiameterMessage first = uar(impi("u1"), sip("u1"), domain, CxDictionary.UAT_REGISTRATION);
        assertResult(first, CxResultCodes.DIAMETER_FIRST_REGISTRATION);
        assertThat(first.find(CxDictionary.SERVER_CAPABILITIES, CxDictionary.SERVER_NAME).map(Avp::asUtf8))
                .contains("sip:scscf." + domain + ":6060");
        assertResult(uar(impi("u1"), sip("u1"), domain, CxDictionary.UAT_DE_REGISTRATION),
                CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);

        assertResult(sar(impi("u1"), sip("u1"), scscf1, CxDictionary.SAT_REGISTRATION), ResultCodes.DIAMETER_SUCCESS);
        DiameterMessage subsequent = uar(impi("u1"), sip("u1"), domain, CxDictionary.UAT_REGISTRATION);
        assertResult(subsequent, CxResultCodes.DIAMETER_SUBSEQUENT_REGISTRATION);
        assertThat(serverName(subsequent)).isEqualTo(scscf1);
        DiameterMessage deregistration = uar(impi("u1"), sip("u1"), domain, CxDictionary.UAT_DE_REGISTRATION);
        assertResult(deregistration, ResultCodes.DIAMETER_SUCCESS);
        assertThat(serverName(deregistration)).isEqualTo(scscf1);
    }

    @Test
    void userAuthorizationErrors() {
        akaUser("u2");
        akaUser("u3");
        provisioning.updatePublicIdentity(sip("u3"), PublicIdentityChange.barring(true));

        assertResult(uar(impi("u2"), sip("nobody"), domain, 0), CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertResult(uar(impi("nobody"), sip("u2"), domain, 0), CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertResult(uar(impi("u2"), sip("u3"), domain, 0), CxResultCodes.DIAMETER_ERROR_IDENTITIES_DONT_MATCH);
        assertResult(uar(impi("u3"), sip("u3"), domain, 0), ResultCodes.DIAMETER_AUTHORIZATION_REJECTED);
        assertResult(uar(impi("u2"), sip("u2"), "visited.example", 0),
                CxResultCodes.DIAMETER_ERROR_ROAMING_NOT_ALLOWED);
        assertResult(uar(impi("u2"), sip("u2"), domain, 7), ResultCodes.DIAMETER_INVALID_AVP_VALUE);
    }

    @Test
    void multimediaAuthReturnsVectorsTheUsimAcceptsAndRefusesWhatItCannotServe() {
        akaUser("m1");
        provisioning.addSubscriber(NewSubscriber.of(impi("d1"), sip("d1")).withPassword("secret"));

        DiameterMessage maa = mar(impi("m1"), sip("m1"), "Digest-AKAv1-MD5", 2);
        assertResult(maa, ResultCodes.DIAMETER_SUCCESS);
        List<Avp> items = maa.avps(CxDictionary.SIP_AUTH_DATA_ITEM);
        assertThat(items).hasSize(2);
        UsimSimulator usim = UsimSimulator.of(HEX.parseHex(K), HEX.parseHex(OPC), SqnScheme.DEFAULT, 0);
        for (Avp item : items) {
            byte[] randAutn = item.avp(CxDictionary.SIP_AUTHENTICATE).orElseThrow().asOctets();
            UsimResult result = usim.authenticate(Arrays.copyOfRange(randAutn, 0, 16),
                    Arrays.copyOfRange(randAutn, 16, 32));
            assertThat(result).isInstanceOf(UsimResult.Authenticated.class);
            assertThat(item.avp(CxDictionary.SIP_AUTHORIZATION).orElseThrow().asOctets())
                    .isEqualTo(((UsimResult.Authenticated) result).res());
        }

        DiameterMessage digest = mar(impi("d1"), sip("d1"), "SIP Digest", 1);
        assertResult(digest, ResultCodes.DIAMETER_SUCCESS);
        String ha1 = new String(digest.find(CxDictionary.SIP_AUTH_DATA_ITEM, CxDictionary.SIP_DIGEST_AUTHENTICATE,
                CxDictionary.DIGEST_HA1).orElseThrow().asOctets(), StandardCharsets.US_ASCII);
        assertThat(ha1).isEqualTo(md5Hex(impi("d1") + ":" + domain + ":secret"));

        assertResult(mar(impi("nobody"), sip("m1"), "Digest-AKAv1-MD5", 1), CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertResult(mar(impi("m1"), sip("nobody"), "Digest-AKAv1-MD5", 1), CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertResult(mar(impi("m1"), sip("d1"), "Digest-AKAv1-MD5", 1),
                CxResultCodes.DIAMETER_ERROR_IDENTITIES_DONT_MATCH);
        assertResult(mar(impi("d1"), sip("d1"), "Digest-AKAv1-MD5", 1),
                CxResultCodes.DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED);
    }

    @Test
    void serverAssignmentAcrossTwoScscfs() {
        akaUser("s1");
        DiameterMessage registration = sar(impi("s1"), sip("s1"), scscf1, CxDictionary.SAT_REGISTRATION);
        assertResult(registration, ResultCodes.DIAMETER_SUCCESS);
        assertThat(registration.avp(BaseDictionary.USER_NAME).map(Avp::asUtf8)).contains(impi("s1"));
        assertThat(new String(registration.avp(CxDictionary.USER_DATA).orElseThrow().asOctets(),
                StandardCharsets.UTF_8)).contains("<PrivateID>" + impi("s1") + "</PrivateID>");

        DiameterMessage taken = sar(null, sip("s1"), scscf2, CxDictionary.SAT_UNREGISTERED_USER);
        assertResult(taken, CxResultCodes.DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED);
        assertThat(serverName(taken)).isEqualTo(scscf1);
        assertResult(sar(null, sip("s1"), scscf2, CxDictionary.SAT_NO_ASSIGNMENT),
                ResultCodes.DIAMETER_UNABLE_TO_COMPLY);
        assertResult(sar(null, sip("s1"), scscf1, CxDictionary.SAT_NO_ASSIGNMENT), ResultCodes.DIAMETER_SUCCESS);
        assertResult(sar(impi("s1"), sip("s1"), scscf1, 12), CxResultCodes.DIAMETER_ERROR_IN_ASSIGNMENT_TYPE);
        assertResult(sar(impi("nobody"), sip("s1"), scscf1, CxDictionary.SAT_REGISTRATION),
                CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        akaUser("s2");
        assertResult(sar(impi("s2"), sip("s1"), scscf1, CxDictionary.SAT_REGISTRATION),
                CxResultCodes.DIAMETER_ERROR_IDENTITIES_DONT_MATCH);

        DiameterMessage deregistration = sar(impi("s1"), sip("s1"), scscf1, CxDictionary.SAT_USER_DEREGISTRATION);
        assertResult(deregistration, ResultCodes.DIAMETER_SUCCESS);
        assertThat(deregistration.avp(CxDictionary.USER_DATA)).isEmpty();
        assertResult(lir(sip("s1")), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
    }

    @Test
    void locationInfoByRegistrationState() {
        akaUser("l1");
        akaUser("l2");
        assertResult(lir(sip("nobody")), CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertResult(lir(sip("l1")), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);

        sar(impi("l1"), sip("l1"), scscf1, CxDictionary.SAT_REGISTRATION);
        DiameterMessage registered = lir(sip("l1"));
        assertResult(registered, ResultCodes.DIAMETER_SUCCESS);
        assertThat(serverName(registered)).isEqualTo(scscf1);

        sar(null, sip("l2"), scscf2, CxDictionary.SAT_UNREGISTERED_USER);
        DiameterMessage unregistered = lir(sip("l2"));
        assertResult(unregistered, CxResultCodes.DIAMETER_UNREGISTERED_SERVICE);
        assertThat(serverName(unregistered)).isEqualTo(scscf2);
    }

    @Test
    void theHssTerminatesRegistrationsAndPushesProfiles() throws Exception {
        akaUser("r1");
        sar(impi("r1"), sip("r1"), scscf1, CxDictionary.SAT_REGISTRATION);
        scscf.received.clear();

        DiameterMessage ppa = hss.server().cxNotifier().pushProfile(scscf.host(), new Impi(impi("r1")),
                new Impu(sip("r1"))).get(10, TimeUnit.SECONDS);
        assertResult(ppa, ResultCodes.DIAMETER_SUCCESS);
        DiameterMessage ppr = scscf.nextReceived();
        assertThat(ppr.commandCode()).isEqualTo(CxDictionary.PUSH_PROFILE.code());
        assertThat(ppr.avp(BaseDictionary.USER_NAME).map(Avp::asUtf8)).contains(impi("r1"));
        assertThat(new String(ppr.avp(CxDictionary.USER_DATA).orElseThrow().asOctets(), StandardCharsets.UTF_8))
                .contains("<Identity>" + sip("r1") + "</Identity>");

        DiameterMessage rta = hss.server().cxNotifier().terminateRegistration(scscf.host(), new Impi(impi("r1")),
                List.of(), CxDictionary.REASON_PERMANENT_TERMINATION, Optional.empty()).get(10, TimeUnit.SECONDS);
        assertResult(rta, ResultCodes.DIAMETER_SUCCESS);
        DiameterMessage rtr = scscf.nextReceived();
        assertThat(rtr.commandCode()).isEqualTo(CxDictionary.REGISTRATION_TERMINATION.code());
        assertThat(rtr.find(CxDictionary.DEREGISTRATION_REASON, CxDictionary.REASON_CODE).map(Avp::asEnumerated))
                .contains(CxDictionary.REASON_PERMANENT_TERMINATION);
        assertResult(lir(sip("r1")), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
    }

    private static String md5Hex(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
