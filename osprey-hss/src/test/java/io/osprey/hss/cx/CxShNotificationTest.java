package io.osprey.hss.cx;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.RequestBuilder;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.hss.HssDiameterServer;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Cx registration changes reach the ASs subscribed over Sh (TS 29.328 §6.1.4): one {@link HssDiameterServer}, an
 * S-CSCF peer sending SARs and an AS peer subscribing with SNR and receiving PNRs, all on loopback.
 */
class CxShNotificationTest {

    static final String DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";
    static final String SCSCF = "sip:scscf1." + DOMAIN + ":6060";
    static final String AS_HOST = "as1." + DOMAIN;

    @TempDir
    static Path directory;
    static SubscriberStore store;
    static ProvisioningService provisioning;
    static HssDiameterServer hss;
    static CxClient cx;
    static DiameterNode as;
    static final BlockingQueue<DiameterMessage> pushed = new LinkedBlockingQueue<>();
    /** Completes the PNAs the AS owes; a test may hold them back. */
    static final AtomicReference<CompletableFuture<Void>> answerGate =
            new AtomicReference<>(CompletableFuture.completedFuture(null));

    @BeforeAll
    static void start() {
        store = SubscriberStores.open(StoreConfig.of("sqlite:" + directory.resolve("osprey.db")));
        provisioning = new ProvisioningService(store, DOMAIN);
        hss = HssDiameterServer.start(CxServerConfig.defaults(DOMAIN), new InetSocketAddress("127.0.0.1", 0), store);
        cx = new CxClient(DOMAIN, hss.port());
        as = new DiameterNode(DiameterNodeConfig.builder(AS_HOST, DOMAIN).application(ShDictionary.APPLICATION)
                .requestTimeout(Duration.ofSeconds(5))
                .peer(new PeerConfig("hss." + DOMAIN, DOMAIN, "127.0.0.1", hss.port())).build());
        as.register(ShDictionary.APPLICATION.id(), ShDictionary.PUSH_NOTIFICATION.code(), pnr -> {
            pushed.add(pnr);
            return answerGate.get().thenApply(released -> DiameterMessage.answerTo(pnr, as.identity())
                    .result(ResultCodes.DIAMETER_SUCCESS).build());
        });
        as.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!as.peer("hss." + DOMAIN).map(p -> p.state().isOpen()).orElse(false)) {
            assertThat(System.nanoTime()).as("AS connected to the HSS in time").isLessThan(deadline);
            sleep();
        }
    }

    @AfterAll
    static void stop() {
        answerGate.get().complete(null);
        if (as != null) {
            as.close();
        }
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

    @BeforeEach
    void openGate() {
        answerGate.get().complete(null);
        answerGate.set(CompletableFuture.completedFuture(null));
    }

    static String impi(String user) {
        return user + "@" + DOMAIN;
    }

    static String sip(String user) {
        return "sip:" + user + "@" + DOMAIN;
    }

    static void user(String name, String msisdn) {
        provisioning.addSubscriber(NewSubscriber.of(impi(name), sip(name)).withTel("tel:" + msisdn)
                .withAkaOpc(CxServerTest.K, CxServerTest.OPC));
    }

    @Test
    void registrationAndDeregistrationArePushedToTheSubscribedAs() throws Exception {
        user("pn1", "+15550701");
        subscribe(sip("pn1"), ShDictionary.DATA_REFERENCE_IMS_USER_STATE, ShDictionary.DATA_REFERENCE_S_CSCF_NAME);

        assertSuccess(cx.sar(impi("pn1"), sip("pn1"), SCSCF, CxDictionary.SAT_REGISTRATION));
        DiameterMessage registered = nextPnrFor(sip("pn1"));
        Document doc = userData(registered);
        assertThat(texts(doc, "IMSUserState")).containsExactly("1");
        assertThat(texts(doc, "SCSCFName")).containsExactly(SCSCF);

        assertSuccess(cx.sar(impi("pn1"), sip("pn1"), SCSCF, CxDictionary.SAT_USER_DEREGISTRATION));
        Document deregistered = userData(nextPnrFor(sip("pn1")));
        assertThat(texts(deregistered, "IMSUserState")).as("NOT_REGISTERED").containsExactly("0");
        assertThat(texts(deregistered, "SCSCFName")).isEmpty();
    }

    @Test
    void anAsSubscribedToAnotherIdentityOfTheImplicitSetIsToldToo() throws Exception {
        user("pn2", "+15550702");
        subscribe("tel:+15550702", ShDictionary.DATA_REFERENCE_IMS_USER_STATE);

        assertSuccess(cx.sar(impi("pn2"), sip("pn2"), SCSCF, CxDictionary.SAT_UNREGISTERED_USER));

        Document doc = userData(nextPnrFor("tel:+15550702"));
        assertThat(texts(doc, "IMSUserState")).as("UNREGISTERED").containsExactly("2");
        assertThat(texts(doc, "SCSCFName")).as("not subscribed to").isEmpty();
    }

    @Test
    void theSaaDoesNotWaitForThePna() throws Exception {
        user("pn3", "+15550703");
        subscribe(sip("pn3"), ShDictionary.DATA_REFERENCE_IMS_USER_STATE);
        CompletableFuture<Void> held = new CompletableFuture<>();
        answerGate.set(held);

        DiameterMessage saa = cx.sar(impi("pn3"), sip("pn3"), SCSCF, CxDictionary.SAT_REGISTRATION);

        assertSuccess(saa);
        DiameterMessage pnr = nextPnrFor(sip("pn3"));
        assertThat(held).as("the PNR is still unanswered").isNotDone();
        held.complete(null);
        assertThat(texts(userData(pnr), "IMSUserState")).containsExactly("1");
    }

    @Test
    void noPnrWithoutASubscriptionOrWithoutAChange() throws Exception {
        user("pn4", "+15550704");
        user("pn5", "+15550705");
        subscribe(sip("pn5"), ShDictionary.DATA_REFERENCE_IMS_USER_STATE);
        assertSuccess(cx.sar(impi("pn5"), sip("pn5"), SCSCF, CxDictionary.SAT_REGISTRATION));
        nextPnrFor(sip("pn5"));

        assertSuccess(cx.sar(impi("pn4"), sip("pn4"), SCSCF, CxDictionary.SAT_REGISTRATION));
        assertSuccess(cx.sar(impi("pn5"), sip("pn5"), SCSCF, CxDictionary.SAT_RE_REGISTRATION));
        // a change the AS did subscribe to, sent after the two above: its PNR marks the end of theirs
        assertSuccess(cx.sar(impi("pn5"), sip("pn5"), SCSCF, CxDictionary.SAT_TIMEOUT_DEREGISTRATION));

        List<String> identities = new ArrayList<>();
        DiameterMessage pnr;
        do {
            pnr = pushed.poll(10, TimeUnit.SECONDS);
            assertThat(pnr).as("PNR for the deregistration of pn5").isNotNull();
            identities.add(identity(pnr));
        } while (!(identity(pnr).equals(sip("pn5")) && texts(userData(pnr), "IMSUserState").equals(List.of("0"))));
        assertThat(identities).as("no PNR for the unsubscribed pn4 nor for the unchanged re-registration")
                .containsExactly(sip("pn5"));
    }

    private static void subscribe(String impu, int... references) throws Exception {
        RequestBuilder snr = DiameterMessage.request(ShDictionary.SUBSCRIBE_NOTIFICATIONS, as.identity())
                .destinationHost("hss." + DOMAIN).destinationRealm(DOMAIN)
                .add(ShDictionary.USER_IDENTITY, Avps.of(CxDictionary.PUBLIC_IDENTITY, impu))
                .add(ShDictionary.SUBS_REQ_TYPE, 0);
        for (int reference : references) {
            snr.add(ShDictionary.DATA_REFERENCE, reference);
        }
        DiameterMessage sna = as.send(snr.build()).get(10, TimeUnit.SECONDS);
        assertThat(sna.result()).as(sna.toString()).contains(ResultCodes.DIAMETER_SUCCESS);
    }

    private static void assertSuccess(DiameterMessage answer) {
        assertThat(answer.result()).as(answer.toString()).contains(ResultCodes.DIAMETER_SUCCESS);
    }

    /** The next PNR, which must be about {@code impu}. */
    private static DiameterMessage nextPnrFor(String impu) throws InterruptedException {
        DiameterMessage pnr = pushed.poll(10, TimeUnit.SECONDS);
        assertThat(pnr).as("a PNR for " + impu).isNotNull();
        assertThat(pnr.commandCode()).isEqualTo(ShDictionary.PUSH_NOTIFICATION.code());
        assertThat(pnr.avp(BaseDictionary.DESTINATION_HOST).map(Avp::asDiameterIdentity)).contains(AS_HOST);
        assertThat(identity(pnr)).isEqualTo(impu);
        return pnr;
    }

    private static String identity(DiameterMessage pnr) {
        return pnr.find(ShDictionary.USER_IDENTITY, CxDictionary.PUBLIC_IDENTITY).map(Avp::asUtf8).orElse(null);
    }

    private static Document userData(DiameterMessage message) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    message.avp(ShDictionary.USER_DATA).orElseThrow().asOctets()));
        } catch (Exception e) {
            throw new AssertionError("User-Data is not XML", e);
        }
    }

    private static List<String> texts(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
