package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CommandDefinition;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.dictionary.ShResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.RequestBuilder;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.provisioning.DefaultIfcTemplates;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.server.role.TsharkCapture.Pdu;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Cx (TS 29.229) and Sh (TS 29.329) command the {@code hss} role answers or sends, success and error
 * paths, captured live on loopback by tshark and decoded by Wireshark's Diameter dissector: no malformed packet,
 * no expert info of warning or error severity, every command present as request and answer, and Session-Id,
 * User-Name, Public-Identity, Result-Code / Experimental-Result-Code and User-Data read back as sent. Skipped
 * without tshark unless {@code OSPREY_REQUIRE_PEERS=true}.
 */
class HssTsharkDecodingTest {

    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    /** One request and its answer as the Java side saw them. */
    private record Exchange(DiameterMessage request, DiameterMessage answer) {
    }

    private final List<Exchange> exchanges = new ArrayList<>();

    @Test
    @Timeout(120)
    void everyCxAndShMessageDecodesCleanlyAndReadsBackAsSent() throws Exception {
        Path tshark = ExternalPeers.require("tshark", "tshark");
        int port = FreePorts.udpAndTcp();
        List<Pdu> pdus;
        try (TsharkCapture capture = TsharkCapture.start(tshark, dir.resolve("hss.pcapng"), port)) {
            try (RunningHss hss = RunningHss.start(dir, port)) {
                String realm = hss.realm();
                provision(hss.provisioning(), realm);
                try (DiameterTestPeer scscf = new DiameterTestPeer("scscf." + realm, realm, port);
                     DiameterTestPeer as = new DiameterTestPeer("as." + realm, realm, port)) {
                    driveCx(hss, scscf, realm);
                    driveSh(as, realm);
                }
                // both peers said goodbye (DPR/DPA): every message before it is on the wire
                capture.awaitSummaries("Disconnect-Peer Answer", 2, Duration.ofSeconds(20));
            }
            pdus = capture.stopAndDecode();
        }

        assertThat(pdus).as("Diameter messages tshark decoded").isNotEmpty();
        for (Pdu pdu : pdus) {
            assertThat(pdu.malformed()).as("malformed: %s", pdu).isFalse();
            assertThat(pdu.fields().isEmpty() || pdu.decoded()).as("Diameter header decoded: %s", pdu).isTrue();
            assertThat(pdu.expert()).as("expert infos of warning or error severity: %s", pdu)
                    .noneMatch(e -> e.isWarningOrWorse() && !isEmptyFailedAvpMember(e));
        }
        Set<String> seen = new TreeSet<>();
        for (Pdu pdu : pdus) {
            if (pdu.decoded()) {
                seen.add(pdu.commandCode() + (pdu.isRequest() ? "R" : "A"));
            }
        }
        for (CommandDefinition command : List.of(CxDictionary.USER_AUTHORIZATION, CxDictionary.MULTIMEDIA_AUTH,
                CxDictionary.SERVER_ASSIGNMENT, CxDictionary.LOCATION_INFO, CxDictionary.REGISTRATION_TERMINATION,
                CxDictionary.PUSH_PROFILE, ShDictionary.USER_DATA_COMMAND, ShDictionary.PROFILE_UPDATE,
                ShDictionary.SUBSCRIBE_NOTIFICATIONS, ShDictionary.PUSH_NOTIFICATION)) {
            assertThat(seen).as(command.requestName() + " and " + command.answerName() + " on the wire")
                    .contains(command.code() + "R", command.code() + "A");
        }
        for (Exchange exchange : exchanges) {
            assertReadsBack(exchange.request(), pdus, true);
            assertReadsBack(exchange.answer(), pdus, false);
        }
    }

    /**
     * Wireshark warns "Data is empty" for every AVP without data. The Failed-AVP of a 5005 DIAMETER_MISSING_AVP
     * answer must carry the missing AVP "of correct minimum length and contain zeroes" (RFC 6733 §7.5), which for
     * a UTF8String or OctetString such as Public-Identity or Service-Indication is no data at all, so that one
     * warning is expected there and nowhere else.
     */
    private static boolean isEmptyFailedAvpMember(TsharkCapture.Expert expert) {
        return expert.inFailedAvp() && expert.message().equals("Data is empty");
    }

    private static void provision(ProvisioningService provisioning, String realm) {
        provisioning.installDefaultTemplates();
        provisioning.addSubscriber(NewSubscriber.of("alice@" + realm, "sip:alice@" + realm).withTel("tel:+15550111")
                .withAkaOpc(K, OPC)
                .withIfcTemplates(List.of(DefaultIfcTemplates.MMTEL_ORIG, DefaultIfcTemplates.MMTEL_TERM)));
        provisioning.addSubscriber(NewSubscriber.of("bob@" + realm, "sip:bob@" + realm).withAkaOpc(K, OPC));
        provisioning.addSubscriber(NewSubscriber.of("carol@" + realm, "sip:carol@" + realm).withAkaOpc(K, OPC));
    }

    private void driveCx(RunningHss hss, DiameterTestPeer scscf, String realm) throws Exception {
        String alice = "sip:alice@" + realm;
        String aliceImpi = "alice@" + realm;
        String serverName = "sip:scscf." + realm + ":6060";
        byte[] visited = realm.getBytes(StandardCharsets.UTF_8);

        expect(scscf, scscf.request(CxDictionary.USER_AUTHORIZATION).add(BaseDictionary.USER_NAME, aliceImpi)
                .add(CxDictionary.PUBLIC_IDENTITY, alice).add(CxDictionary.VISITED_NETWORK_IDENTIFIER, visited),
                CxResultCodes.DIAMETER_FIRST_REGISTRATION);
        expect(scscf, scscf.request(CxDictionary.USER_AUTHORIZATION).add(BaseDictionary.USER_NAME, "nobody@" + realm)
                .add(CxDictionary.PUBLIC_IDENTITY, "sip:nobody@" + realm)
                .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, visited), CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        expect(scscf, scscf.request(CxDictionary.USER_AUTHORIZATION).add(BaseDictionary.USER_NAME, "bob@" + realm)
                .add(CxDictionary.PUBLIC_IDENTITY, alice).add(CxDictionary.VISITED_NETWORK_IDENTIFIER, visited),
                CxResultCodes.DIAMETER_ERROR_IDENTITIES_DONT_MATCH);

        expect(scscf, mar(scscf, aliceImpi, alice, serverName), ResultCodes.DIAMETER_SUCCESS);
        expect(scscf, mar(scscf, "nobody@" + realm, "sip:nobody@" + realm, serverName),
                CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);

        DiameterMessage saa = expect(scscf, sar(scscf, aliceImpi, alice, serverName, CxDictionary.SAT_REGISTRATION),
                ResultCodes.DIAMETER_SUCCESS);
        assertThat(saa.avp(CxDictionary.USER_DATA)).as("SAA carries the user profile").isPresent();
        expect(scscf, sar(scscf, "bob@" + realm, alice, serverName, CxDictionary.SAT_REGISTRATION),
                CxResultCodes.DIAMETER_ERROR_IDENTITIES_DONT_MATCH);
        expect(scscf, scscf.request(CxDictionary.SERVER_ASSIGNMENT).add(CxDictionary.SERVER_NAME, serverName)
                .add(CxDictionary.SERVER_ASSIGNMENT_TYPE, CxDictionary.SAT_REGISTRATION)
                .add(CxDictionary.USER_DATA_ALREADY_AVAILABLE, 0), ResultCodes.DIAMETER_MISSING_AVP);
        expect(scscf, scscf.request(CxDictionary.SERVER_ASSIGNMENT)
                .add(CxDictionary.PUBLIC_IDENTITY, "sip:bob@" + realm)
                .add(CxDictionary.PUBLIC_IDENTITY, "sip:carol@" + realm).add(CxDictionary.SERVER_NAME, serverName)
                .add(CxDictionary.SERVER_ASSIGNMENT_TYPE, CxDictionary.SAT_REGISTRATION)
                .add(CxDictionary.USER_DATA_ALREADY_AVAILABLE, 0), ResultCodes.DIAMETER_AVP_OCCURS_TOO_MANY_TIMES);
        DiameterMessage taken = expect(scscf, sar(scscf, aliceImpi, alice, "sip:other-scscf." + realm,
                CxDictionary.SAT_UNREGISTERED_USER), CxResultCodes.DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED);
        assertThat(taken.avp(CxDictionary.SERVER_NAME).map(Avp::asUtf8)).contains(serverName);

        expect(scscf, scscf.request(CxDictionary.LOCATION_INFO).add(CxDictionary.PUBLIC_IDENTITY, alice),
                ResultCodes.DIAMETER_SUCCESS);
        expect(scscf, scscf.request(CxDictionary.LOCATION_INFO).add(CxDictionary.PUBLIC_IDENTITY,
                "sip:carol@" + realm), CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);

        DiameterMessage ppa = hss.server().cxNotifier().pushProfile(scscf.host(), new Impi(aliceImpi),
                new Impu(alice)).get(10, TimeUnit.SECONDS);
        exchanges.add(new Exchange(scscf.nextReceived(), ppa));
        assertThat(ppa.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        DiameterMessage rta = hss.server().cxNotifier().terminateRegistration(scscf.host(), new Impi(aliceImpi),
                List.of(new Impu(alice)), CxDictionary.REASON_PERMANENT_TERMINATION, Optional.of("tshark test"))
                .get(10, TimeUnit.SECONDS);
        exchanges.add(new Exchange(scscf.nextReceived(), rta));
        assertThat(rta.result()).contains(ResultCodes.DIAMETER_SUCCESS);
    }

    private void driveSh(DiameterTestPeer as, String realm) throws Exception {
        String alice = "sip:alice@" + realm;
        expect(as, sh(as, ShDictionary.USER_DATA_COMMAND, alice)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_IMS_USER_STATE)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_S_CSCF_NAME)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_INITIAL_FILTER_CRITERIA),
                ResultCodes.DIAMETER_SUCCESS);
        expect(as, sh(as, ShDictionary.USER_DATA_COMMAND, "sip:nobody@" + realm)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_IMS_USER_STATE),
                CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        expect(as, sh(as, ShDictionary.USER_DATA_COMMAND, alice)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA),
                ResultCodes.DIAMETER_MISSING_AVP);

        expect(as, sh(as, ShDictionary.SUBSCRIBE_NOTIFICATIONS, alice).add(ShDictionary.SUBS_REQ_TYPE, 0)
                .add(ShDictionary.SERVICE_INDICATION, "tshark".getBytes(StandardCharsets.UTF_8))
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA),
                ResultCodes.DIAMETER_SUCCESS);
        expect(as, sh(as, ShDictionary.SUBSCRIBE_NOTIFICATIONS, alice).add(ShDictionary.SUBS_REQ_TYPE, 0)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_INITIAL_FILTER_CRITERIA),
                ShResultCodes.DIAMETER_ERROR_USER_DATA_CANNOT_BE_NOTIFIED);

        expect(as, pur(as, alice, 0), ResultCodes.DIAMETER_SUCCESS);
        DiameterMessage pnr = as.nextReceived();
        assertThat(pnr.commandCode()).isEqualTo(ShDictionary.PUSH_NOTIFICATION.code());
        exchanges.add(new Exchange(pnr, as.answerGivenTo(pnr)));
        expect(as, pur(as, alice, 7), ShResultCodes.DIAMETER_ERROR_TRANSPARENT_DATA_OUT_OF_SYNC);
        expect(as, sh(as, ShDictionary.PROFILE_UPDATE, alice)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_IMS_USER_STATE)
                .add(ShDictionary.USER_DATA, "<Sh-Data/>".getBytes(StandardCharsets.UTF_8)),
                ShResultCodes.DIAMETER_ERROR_USER_DATA_CANNOT_BE_MODIFIED);
    }

    private DiameterMessage expect(DiameterTestPeer peer, RequestBuilder request, ResultCode result) {
        DiameterMessage sent = request.build();
        DiameterMessage answer = peer.send(sent);
        assertThat(answer.result()).as("answer to %s", sent).contains(result);
        exchanges.add(new Exchange(sent, answer));
        return answer;
    }

    private static RequestBuilder mar(DiameterTestPeer peer, String impi, String impu, String serverName) {
        return peer.request(CxDictionary.MULTIMEDIA_AUTH).add(BaseDictionary.USER_NAME, impi)
                .add(CxDictionary.PUBLIC_IDENTITY, impu).add(CxDictionary.SERVER_NAME, serverName)
                .add(CxDictionary.SIP_NUMBER_AUTH_ITEMS, 1)
                .add(Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM,
                        Avps.of(CxDictionary.SIP_AUTHENTICATION_SCHEME, "Digest-AKAv1-MD5")));
    }

    private static RequestBuilder sar(DiameterTestPeer peer, String impi, String impu, String serverName, int type) {
        return peer.request(CxDictionary.SERVER_ASSIGNMENT).add(BaseDictionary.USER_NAME, impi)
                .add(CxDictionary.PUBLIC_IDENTITY, impu).add(CxDictionary.SERVER_NAME, serverName)
                .add(CxDictionary.SERVER_ASSIGNMENT_TYPE, type).add(CxDictionary.USER_DATA_ALREADY_AVAILABLE, 0);
    }

    private static RequestBuilder sh(DiameterTestPeer peer, CommandDefinition command, String impu) {
        return peer.request(command).add(ShDictionary.USER_IDENTITY, Avps.of(CxDictionary.PUBLIC_IDENTITY, impu));
    }

    private static RequestBuilder pur(DiameterTestPeer peer, String impu, int sequence) {
        String shData = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Sh-Data><RepositoryData>"
                + "<ServiceIndication>tshark</ServiceIndication><SequenceNumber>" + sequence + "</SequenceNumber>"
                + "<ServiceData><speed-dial n=\"1\">sip:bob@example.org</speed-dial></ServiceData>"
                + "</RepositoryData></Sh-Data>";
        return sh(peer, ShDictionary.PROFILE_UPDATE, impu)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA)
                .add(ShDictionary.USER_DATA, shData.getBytes(StandardCharsets.UTF_8));
    }

    /** The captured message with the same Session-Id, command and direction carries the same field values. */
    private static void assertReadsBack(DiameterMessage message, List<Pdu> pdus, boolean request) {
        String session = message.sessionId().orElseThrow();
        List<Pdu> matches = pdus.stream().filter(p -> p.decoded() && session.equals(p.sessionId())
                && p.commandCode() == message.commandCode() && p.isRequest() == request).toList();
        String what = (request ? "request " : "answer ") + message.commandCode() + " of session " + session;
        assertThat(matches).as(what + " captured once").hasSize(1);
        Pdu pdu = matches.get(0);
        assertThat(pdu.first("diameter.applicationId")).as(what + " Application-Id")
                .isEqualTo(Long.toString(message.applicationId()));
        assertThat(pdu.all("diameter.User-Name")).as(what + " User-Name")
                .isEqualTo(utf8(message, BaseDictionary.USER_NAME));
        assertThat(pdu.all("diameter.Public-Identity")).as(what + " Public-Identity")
                .isEqualTo(utf8(message, CxDictionary.PUBLIC_IDENTITY));
        assertThat(pdu.all("diameter.Server-Name")).as(what + " Server-Name")
                .isEqualTo(utf8(message, CxDictionary.SERVER_NAME));
        assertThat(pdu.all("diameter.Result-Code")).as(what + " Result-Code")
                .isEqualTo(unsigned(message, BaseDictionary.RESULT_CODE));
        assertThat(pdu.all("diameter.Experimental-Result-Code")).as(what + " Experimental-Result-Code")
                .isEqualTo(unsigned(message, BaseDictionary.EXPERIMENTAL_RESULT_CODE));
        assertThat(pdu.all("diameter.Failed-AVP")).as(what + " Failed-AVP")
                .hasSize(message.avps(BaseDictionary.FAILED_AVP).size());
        assertThat(pdu.all(TsharkCapture.FAILED_AVP_PREFIX + "diameter.Public-Identity")).as(what + " Failed-AVP")
                .isEqualTo(failedAvpMembers(message, CxDictionary.PUBLIC_IDENTITY));
        assertThat(pdu.all("diameter.Sh-User-Data").stream().map(HssTsharkDecodingTest::hex).toList())
                .as(what + " Sh User-Data").isEqualTo(octets(message, ShDictionary.USER_DATA));
        assertThat(pdu.all("diameter.Cx-User-Data").stream().map(HssTsharkDecodingTest::hex).toList())
                .as(what + " Cx User-Data").isEqualTo(octets(message, CxDictionary.USER_DATA));
    }

    /** Members of {@code def} in the Failed-AVPs, leaving out the empty ones Wireshark shows no value for. */
    private static List<String> failedAvpMembers(DiameterMessage message, AvpDefinition def) {
        List<String> out = new ArrayList<>();
        for (Avp failed : message.avps(BaseDictionary.FAILED_AVP)) {
            failed.avps(def).stream().map(Avp::asUtf8).filter(v -> !v.isEmpty()).forEach(out::add);
        }
        return out;
    }

    private static List<String> utf8(DiameterMessage message, AvpDefinition def) {
        return collect(message.avps(), def).stream().map(Avp::asUtf8).toList();
    }

    private static List<String> unsigned(DiameterMessage message, AvpDefinition def) {
        return collect(message.avps(), def).stream().map(a -> Long.toString(a.asUnsigned32())).toList();
    }

    private static List<String> octets(DiameterMessage message, AvpDefinition def) {
        return collect(message.avps(), def).stream().map(a -> HEX.formatHex(a.asOctets())).toList();
    }

    /**
     * Every AVP of {@code def} at any depth, in wire order, except inside Failed-AVP: Wireshark shows no value for
     * the empty example AVP there (see {@link #isEmptyFailedAvpMember}).
     */
    private static List<Avp> collect(List<Avp> avps, AvpDefinition def) {
        List<Avp> out = new ArrayList<>();
        for (Avp avp : avps) {
            if (avp.is(def)) {
                out.add(avp);
            } else if (avp.isGrouped() && !avp.is(BaseDictionary.FAILED_AVP)) {
                out.addAll(collect(avp.asGrouped(), def));
            }
        }
        return out;
    }

    private static String hex(String wireshark) {
        return wireshark.replace(":", "").toLowerCase(Locale.ROOT);
    }
}
