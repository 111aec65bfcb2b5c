package io.osprey.hss.sh;

import static io.osprey.hss.sh.ShFixture.HSS_HOST;
import static io.osprey.hss.sh.ShFixture.REALM;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.osprey.diameter.node.DiameterNode;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.RegistrationState;
import io.osprey.hss.provisioning.DefaultIfcTemplates;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.store.SubscriberStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** An AS node on loopback talks Sh to the HSS node over a provisioned SQLite store. */
class ShServerTest {

    private static final String ALICE = "sip:alice@ims.test";
    private static final String ALICE_TEL = "tel:+15550100";
    private static final String BOB = "sip:bob@ims.test";
    private static final String SCSCF = "sip:scscf.ims.test:6060";
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    @TempDir
    static Path directory;
    private static SubscriberStore store;
    private static ExecutorService executor;
    private static DiameterNode hss;
    private static DiameterNode as;
    private static ShServer server;
    private static final BlockingQueue<DiameterMessage> pushed = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        store = ShFixture.store(directory);
        ProvisioningService provisioning = new ProvisioningService(store, "ims.test");
        provisioning.installDefaultTemplates();
        provisioning.addSubscriber(NewSubscriber.of("alice@ims.test", ALICE).withTel(ALICE_TEL).withAkaOpc(K, OPC)
                .withIfcTemplates(List.of(DefaultIfcTemplates.MMTEL_ORIG, DefaultIfcTemplates.MMTEL_TERM)));
        provisioning.addSubscriber(NewSubscriber.of("bob@ims.test", BOB).withAkaOpc(K, OPC));
        store.identities().updateImplicitSetRegistration(new Impu(ALICE), RegistrationState.REGISTERED,
                Optional.of(SCSCF));

        executor = Executors.newVirtualThreadPerTaskExecutor();
        hss = new DiameterNode(ShFixture.hss());
        server = ShServer.register(hss, store, executor);
        hss.start();
        as = new DiameterNode(ShFixture.as("as1.ims.test", hss.localPort()));
        as.register(ShDictionary.APPLICATION.id(), ShDictionary.PUSH_NOTIFICATION.code(), pnr -> {
            pushed.add(pnr);
            return CompletableFuture.completedFuture(DiameterMessage.answerTo(pnr, as.identity())
                    .result(ResultCodes.DIAMETER_SUCCESS).build());
        });
        as.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!as.peer(HSS_HOST).map(p -> p.state().isOpen()).orElse(false)) {
            assertThat(System.nanoTime()).as("AS connected to the HSS in time").isLessThan(deadline);
            sleep(10);
        }
    }

    @AfterAll
    static void stop() {
        as.close();
        hss.close();
        executor.close();
        store.close();
    }

    @Test
    void udrForUnknownUserIsUserUnknown() throws Exception {
        DiameterMessage uda = send(udr("sip:nobody@ims.test", ShDictionary.DATA_REFERENCE_IMS_USER_STATE));

        assertThat(uda.result()).contains(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertThat(uda.avp(ShDictionary.USER_DATA)).isEmpty();
    }

    @Test
    void udrAnswersImsDataOfARegisteredUser() throws Exception {
        DiameterMessage uda = send(udr(ALICE, ShDictionary.DATA_REFERENCE_IMS_USER_STATE,
                ShDictionary.DATA_REFERENCE_S_CSCF_NAME, ShDictionary.DATA_REFERENCE_INITIAL_FILTER_CRITERIA));

        assertThat(uda.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        Document doc = userData(uda);
        assertThat(texts(doc, "IMSUserState")).containsExactly("1");
        assertThat(texts(doc, "SCSCFName")).containsExactly(SCSCF);
        assertThat(texts(doc, "ServerName")).containsExactly(DefaultIfcTemplates.mmtelServer("ims.test"),
                DefaultIfcTemplates.mmtelServer("ims.test"));
        assertThat(childNames(doc.getDocumentElement())).containsExactly("Sh-IMS-Data");
        assertThat(childNames((org.w3c.dom.Element) doc.getElementsByTagName("Sh-IMS-Data").item(0)))
                .containsExactly("SCSCFName", "IFCs", "IMSUserState");
    }

    @Test
    void udrLimitsIfcsToTheAskingServer() throws Exception {
        DiameterMessage uda = send(request(ShDictionary.USER_DATA_COMMAND, ALICE)
                .add(CxDictionary.SERVER_NAME, "sip:other@as.ims.test")
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_INITIAL_FILTER_CRITERIA).build());

        Document doc = userData(uda);
        assertThat(doc.getElementsByTagName("IFCs").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("InitialFilterCriteria").getLength()).isZero();
    }

    @Test
    void udrByMsisdnFindsTheTelUriAndListsPublicIdentities() throws Exception {
        // 15550100 in TBCD
        DiameterMessage udr = DiameterMessage.request(ShDictionary.USER_DATA_COMMAND, as.identity())
                .destinationHost(HSS_HOST).destinationRealm(REALM)
                .add(ShDictionary.USER_IDENTITY, Avps.of(ShDictionary.MSISDN, new byte[] {0x51, 0x55, 0x10, 0x00}))
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_IMS_PUBLIC_IDENTITY).build();

        DiameterMessage uda = send(udr);

        assertThat(uda.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        assertThat(texts(userData(uda), "IMSPublicIdentity")).containsExactlyInAnyOrder(ALICE, ALICE_TEL);
    }

    @Test
    void udrOfUnregisteredUserSaysNotRegistered() throws Exception {
        DiameterMessage uda = send(udr(BOB, ShDictionary.DATA_REFERENCE_IMS_USER_STATE,
                ShDictionary.DATA_REFERENCE_S_CSCF_NAME));

        Document doc = userData(uda);
        assertThat(texts(doc, "IMSUserState")).containsExactly("0");
        assertThat(texts(doc, "SCSCFName")).isEmpty();
    }

    @Test
    void udrOfAUserWhoseAuthenticationHasBegunSaysAuthenticationPending() throws Exception {
        String pending = "sip:pending@ims.test";
        new ProvisioningService(store, "ims.test").addSubscriber(NewSubscriber.of("pending@ims.test", pending)
                .withPassword("pw"));
        store.identities().recordAuthenticationPending(store.identities().publicIdentity(new Impu(pending))
                .orElseThrow(), "sip:scscf.ims.test:6060", true);

        Document doc = userData(send(udr(pending, ShDictionary.DATA_REFERENCE_IMS_USER_STATE)));

        assertThat(texts(doc, "IMSUserState")).as("AUTHENTICATION_PENDING").containsExactly("3");
    }

    @Test
    void udrRefusesUnsupportedDataAndRepositoryDataWithoutServiceIndication() throws Exception {
        assertThat(send(udr(ALICE, 14)).result()).contains(CxResultCodes.DIAMETER_ERROR_NOT_SUPPORTED_USER_DATA);

        DiameterMessage missing = send(udr(ALICE, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA));
        assertThat(missing.result()).contains(ResultCodes.DIAMETER_MISSING_AVP);
        assertThat(missing.find(BaseDictionary.FAILED_AVP, ShDictionary.SERVICE_INDICATION)).isPresent();
    }

    @Test
    void purCreatesAndAdvancesRepositoryDataInSequence() throws Exception {
        assertThat(send(pur(ALICE, "udr-seq", 1, "<x/>")).result())
                .contains(ShResultCodes.DIAMETER_ERROR_TRANSPARENT_DATA_OUT_OF_SYNC);
        assertThat(send(pur(ALICE, "udr-seq", 0, "<cfu>off</cfu>")).result()).contains(ResultCodes.DIAMETER_SUCCESS);
        assertThat(send(pur(ALICE, "udr-seq", 0, "<cfu>dup</cfu>")).result())
                .contains(ShResultCodes.DIAMETER_ERROR_TRANSPARENT_DATA_OUT_OF_SYNC);
        assertThat(send(pur(ALICE, "udr-seq", 1, "<cfu>on</cfu>")).result()).contains(ResultCodes.DIAMETER_SUCCESS);

        DiameterMessage uda = send(request(ShDictionary.USER_DATA_COMMAND, ALICE)
                .add(ShDictionary.SERVICE_INDICATION, "udr-seq")
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA).build());
        Document doc = userData(uda);
        assertThat(texts(doc, "ServiceIndication")).containsExactly("udr-seq");
        assertThat(texts(doc, "SequenceNumber")).containsExactly("1");
        assertThat(texts(doc, "cfu")).containsExactly("on");
    }

    @Test
    void purRefusesOtherDataBadDocumentsAndUnknownUsers() throws Exception {
        DiameterMessage readOnly = request(ShDictionary.PROFILE_UPDATE, ALICE)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_IMS_USER_STATE)
                .add(ShDictionary.USER_DATA, "<Sh-Data/>".getBytes(StandardCharsets.UTF_8)).build();
        assertThat(send(readOnly).result()).contains(ShResultCodes.DIAMETER_ERROR_USER_DATA_CANNOT_BE_MODIFIED);

        DiameterMessage unknownReference = request(ShDictionary.PROFILE_UPDATE, ALICE)
                .add(ShDictionary.DATA_REFERENCE, 16)
                .add(ShDictionary.USER_DATA, "<Sh-Data/>".getBytes(StandardCharsets.UTF_8)).build();
        assertThat(send(unknownReference).result()).contains(ShResultCodes.DIAMETER_ERROR_OPERATION_NOT_ALLOWED);

        DiameterMessage notXml = request(ShDictionary.PROFILE_UPDATE, ALICE)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA)
                .add(ShDictionary.USER_DATA, "<Sh-Data><RepositoryData>".getBytes(StandardCharsets.UTF_8)).build();
        assertThat(send(notXml).result()).contains(ShResultCodes.DIAMETER_ERROR_USER_DATA_NOT_RECOGNIZED);

        assertThat(send(pur("sip:nobody@ims.test", "x", 0, "<a/>")).result())
                .contains(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
    }

    @Test
    void subscriberGetsPnrAfterPurUntilItUnsubscribes() throws Exception {
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        DiameterMessage sna = send(snr(BOB, 0, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA)
                .add(ShDictionary.SERVICE_INDICATION, "pnr-svc")
                .add(ShDictionary.SEND_DATA_INDICATION, 1)
                .add(Avps.of(ShDictionary.EXPIRY_TIME, expiry)).build());
        assertThat(sna.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        assertThat(sna.avp(ShDictionary.EXPIRY_TIME).map(Avp::asTime)).contains(expiry);
        Document initial = userData(sna);
        assertThat(initial.getDocumentElement().getTagName()).isEqualTo("Sh-Data");
        assertThat(initial.getElementsByTagName("RepositoryData").getLength()).isZero();

        assertThat(send(pur(BOB, "other-svc", 0, "<n/>")).result()).contains(ResultCodes.DIAMETER_SUCCESS);
        assertThat(send(pur(BOB, "pnr-svc", 0, "<speed-dial>7</speed-dial>")).result())
                .contains(ResultCodes.DIAMETER_SUCCESS);

        DiameterMessage pnr = pushed.poll(5, TimeUnit.SECONDS);
        assertThat(pnr).isNotNull();
        assertThat(pnr.commandCode()).isEqualTo(ShDictionary.PUSH_NOTIFICATION.code());
        assertThat(pnr.find(ShDictionary.USER_IDENTITY, CxDictionary.PUBLIC_IDENTITY).map(Avp::asUtf8)).contains(BOB);
        Document pushedDoc = userData(pnr);
        assertThat(texts(pushedDoc, "ServiceIndication")).containsExactly("pnr-svc");
        assertThat(texts(pushedDoc, "SequenceNumber")).containsExactly("0");
        assertThat(texts(pushedDoc, "speed-dial")).containsExactly("7");

        assertThat(send(snr(BOB, 1, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA)
                .add(ShDictionary.SERVICE_INDICATION, "pnr-svc").build()).result())
                .contains(ResultCodes.DIAMETER_SUCCESS);
        assertThat(send(pur(BOB, "pnr-svc", 1, "<speed-dial>8</speed-dial>")).result())
                .contains(ResultCodes.DIAMETER_SUCCESS);
        assertThat(pushed.poll(500, TimeUnit.MILLISECONDS)).as("no PNR after unsubscribing").isNull();
    }

    @Test
    void notifierPushesImsUserStateToSubscribers() throws Exception {
        String carol = "sip:carol@ims.test";
        new ProvisioningService(store, "ims.test")
                .addSubscriber(NewSubscriber.of("carol@ims.test", carol).withAkaOpc(K, OPC));
        assertThat(send(snr(carol, 0, ShDictionary.DATA_REFERENCE_IMS_USER_STATE)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_S_CSCF_NAME).build()).result())
                .contains(ResultCodes.DIAMETER_SUCCESS);
        store.identities().updateImplicitSetRegistration(new Impu(carol), RegistrationState.REGISTERED,
                Optional.of(SCSCF));

        assertThat(server.notifier().imsUserStateChanged(carol).get(5, TimeUnit.SECONDS)).isEqualTo(1);

        DiameterMessage pnr = pushed.poll(5, TimeUnit.SECONDS);
        assertThat(pnr).isNotNull();
        Document doc = userData(pnr);
        assertThat(texts(doc, "IMSUserState")).containsExactly("1");
        assertThat(texts(doc, "SCSCFName")).containsExactly(SCSCF);
    }

    @Test
    void snrRefusesUnnotifiableDataAndUnknownUsers() throws Exception {
        assertThat(send(snr(ALICE, 0, ShDictionary.DATA_REFERENCE_INITIAL_FILTER_CRITERIA).build()).result())
                .contains(ShResultCodes.DIAMETER_ERROR_USER_DATA_CANNOT_BE_NOTIFIED);
        assertThat(send(snr("sip:nobody@ims.test", 0, ShDictionary.DATA_REFERENCE_IMS_USER_STATE).build()).result())
                .contains(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        assertThat(send(snr(ALICE, 0, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA).build()).result())
                .contains(ResultCodes.DIAMETER_MISSING_AVP);
        DiameterMessage badType = send(snr(ALICE, 7, ShDictionary.DATA_REFERENCE_IMS_USER_STATE).build());
        assertThat(badType.result()).contains(ResultCodes.DIAMETER_INVALID_AVP_VALUE);
        assertThat(badType.find(BaseDictionary.FAILED_AVP, ShDictionary.SUBS_REQ_TYPE).map(Avp::asEnumerated))
                .contains(7);
    }

    private static RequestBuilder request(CommandDefinition command, String impu) {
        return DiameterMessage.request(command, as.identity()).destinationHost(HSS_HOST).destinationRealm(REALM)
                .add(ShDictionary.USER_IDENTITY, Avps.of(CxDictionary.PUBLIC_IDENTITY, impu));
    }

    private static DiameterMessage udr(String impu, int... references) {
        RequestBuilder builder = request(ShDictionary.USER_DATA_COMMAND, impu);
        for (int reference : references) {
            builder.add(ShDictionary.DATA_REFERENCE, reference);
        }
        return builder.build();
    }

    private static DiameterMessage pur(String impu, String serviceIndication, int sequence, String serviceData) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Sh-Data><RepositoryData><ServiceIndication>"
                + serviceIndication + "</ServiceIndication><SequenceNumber>" + sequence + "</SequenceNumber>"
                + "<ServiceData>" + serviceData + "</ServiceData></RepositoryData></Sh-Data>";
        return request(ShDictionary.PROFILE_UPDATE, impu)
                .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA)
                .add(ShDictionary.USER_DATA, xml.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static RequestBuilder snr(String impu, int subsReqType, int reference) {
        return request(ShDictionary.SUBSCRIBE_NOTIFICATIONS, impu).add(ShDictionary.SUBS_REQ_TYPE, subsReqType)
                .add(ShDictionary.DATA_REFERENCE, reference);
    }

    private static DiameterMessage send(DiameterMessage request) throws Exception {
        return as.send(request).get(5, TimeUnit.SECONDS);
    }

    private static Document userData(DiameterMessage message) throws Exception {
        byte[] xml = message.avp(ShDictionary.USER_DATA).orElseThrow().asOctets();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> texts(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static List<String> childNames(org.w3c.dom.Element parent) {
        List<String> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e) {
                out.add(e.getTagName());
            }
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
