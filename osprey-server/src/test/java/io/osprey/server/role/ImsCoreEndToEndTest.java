package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoop;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.hss.cx.CxNotifier;
import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.ServiceProfileRecord;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.server.admin.AdminApi;
import io.osprey.server.config.AdminConfig;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.regevent.ContactEvent;
import io.osprey.sip.regevent.RegInfo;
import io.osprey.sip.regevent.RegInfoXmlParser;
import io.osprey.sip.regevent.RegistrationState;
import io.osprey.ue.AnswerMode;
import io.osprey.ue.Call;
import io.osprey.ue.Registration;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IMS core end to end in one JVM, driven by the UE simulator: registration with IMS AKA and with digest through
 * P-CSCF → I-CSCF (UAR) → S-CSCF (MAR, SAR) with the HSS on Diameter, refusals, calls through the originating and
 * terminating chain with RTP flowing, reg-event NOTIFYs, and a network-initiated deregistration (RTR).
 */
class ImsCoreEndToEndTest {

    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The S-CSCF's no-answer time in this core (scscf.no-answer-timeout). */
    private static final int NO_ANSWER_SECONDS = 3;

    @TempDir
    static Path dir;
    private static RunningCore core;
    private final List<UserEquipment> ues = new ArrayList<>();

    private static int asPort;

    @BeforeAll
    static void startCore() throws Exception {
        core = RunningCore.start(dir, false, "", "", "  no-answer-timeout: " + NO_ANSWER_SECONDS + "s\n");
        asPort = FreePorts.udpAndTcp();
        ServicePointTrigger invite = ServicePointTrigger.of(0, new SptCondition.Method("INVITE"));
        ServicePointTrigger originating = ServicePointTrigger.of(1, new SptCondition.InSessionCase(
                SessionCase.ORIGINATING));
        core.store().profiles().saveIfcTemplate(new IfcTemplate("test-as", InitialFilterCriteria.of(5,
                TriggerPoint.cnf(invite, originating), ApplicationServer.of("sip:127.0.0.1:" + asPort,
                        DefaultHandling.SESSION_TERMINATED))));
        // Nothing listens on the AS port of this template over TCP: the connection is refused at once.
        core.store().profiles().saveIfcTemplate(new IfcTemplate("absent-as", InitialFilterCriteria.of(6,
                TriggerPoint.cnf(invite, originating), ApplicationServer.of("sip:127.0.0.1:" + FreePorts.udpAndTcp()
                        + ";transport=tcp", DefaultHandling.SESSION_CONTINUED))));
        core.provisioning().addSubscriber(NewSubscriber.of(impi("kim"), impu("kim")).withPassword("kim-secret"));
        core.provisioning().addSubscriber(NewSubscriber.of(impi("leo"), impu("leo")).withPassword("leo-secret"));
        core.provisioning().updatePublicIdentity(impu("leo"),
                io.osprey.hss.provisioning.PublicIdentityChange.barring(true));
        core.provisioning().addSubscriber(NewSubscriber.of(impi("heidi"), impu("heidi"))
                .withPassword("heidi-secret").withIfcTemplates(List.of("test-as")));
        core.provisioning().addSubscriber(NewSubscriber.of(impi("ivan"), impu("ivan"))
                .withPassword("ivan-secret").withIfcTemplates(List.of("absent-as")));
        int tel = 10;
        for (String user : List.of("alice", "carol", "erin", "grace")) {
            core.provisioning().addSubscriber(NewSubscriber.of(impi(user), impu(user)).withAkaOpc(K, OPC)
                    .withTel("tel:+155512300" + tel++));
        }
        core.provisioning().addSubscriber(NewSubscriber.of(impi("mia"), impu("mia")).withPassword("mia-secret"));
        core.provisioning().addSubscriber(NewSubscriber.of(impi("nina"), impu("nina")).withPassword("nina-secret"));
        core.provisioning().addSubscriber(NewSubscriber.of(impi("olga"), impu("olga")).withPassword("olga-secret"));
        core.store().profiles().saveServiceProfile(ServiceProfileRecord.empty("shared-plain"));
        core.provisioning().addSubscriber(NewSubscriber.of(impi("pia"), impu("pia")).withPassword("pia-secret")
                .withProfile("shared-plain"));
        core.provisioning().addSubscriber(NewSubscriber.of(impi("quinn"), impu("quinn")).withPassword("quinn-secret"));
        for (String user : List.of("bob", "dave", "frank")) {
            core.provisioning().addSubscriber(NewSubscriber.of(impi(user), impu(user))
                    .withPassword(user + "-secret").withTel("tel:+155512300" + tel++));
        }
    }

    @AfterAll
    static void stopCore() {
        if (core != null) {
            core.close();
        }
    }

    @AfterEach
    void closeUes() {
        ues.forEach(UserEquipment::close);
    }

    @Test
    void akaUserRegistersThroughTheChainAndLearnsItsIdentitiesAndServiceRoute() throws Exception {
        UserEquipment alice = aka("alice");

        Registration registration = get(alice.register(Duration.ofSeconds(600)));

        assertThat(registration.statusCode()).as(registration.toString()).isEqualTo(200);
        assertThat(registration.challenges()).isGreaterThanOrEqualTo(1);
        assertThat(registration.serviceRoute()).singleElement().asString().contains("orig@scscf.ims.test");
        assertThat(registration.associatedUris()).contains("sip:alice@ims.test", "tel:+15551230010");
        assertThat(registration.expires()).isEqualTo(600);
        assertThat(core.scscfRegistrations().find("tel:+15551230010")).as("the implicit set is registered")
                .isPresent();
    }

    @Test
    void theCoreFunctionsCxConnectionsBothEndsLiveOnTheEventLoopsOfTheirSipSockets() {
        // decision 0015: a Cx request sent from SIP work run on an I/O thread is written there, with no hand-off;
        // decision 0018: the I-CSCF, the S-CSCF and the HSS of one process share those event loops
        List<CscfRole> withCx = core.roles().stream().filter(r -> r instanceof IcscfRole || r instanceof ScscfRole)
                .map(CscfRole.class::cast).toList();
        assertThat(withCx).hasSize(2);
        HssRole hss = core.hss();
        for (CscfRole role : withCx) {
            assertThat(role.eventLoops()).as(role.name()).isSameAs(core.context().coreEventLoops());
            Executor peerLoop = role.diameter.peer("hss." + RunningCore.DOMAIN).orElseThrow().executor();
            assertThat(peerLoop).as(role.name()).isInstanceOfSatisfying(EventLoop.class,
                    loop -> assertThat(loop.parent()).isSameAs(role.eventLoops()));
            Executor hssSide = hss.server().node().peer(role.name() + "." + RunningCore.DOMAIN).orElseThrow()
                    .executor();
            assertThat(hssSide).as("the HSS's end of the " + role.name() + "'s connection")
                    .isInstanceOfSatisfying(EventLoop.class,
                            loop -> assertThat(loop.parent()).isSameAs(core.context().coreEventLoops()));
        }
    }

    @Test
    void usimAheadOfTheHssResynchronisesWithAutsAndRegisters() throws Exception {
        UserEquipment erin = ue("erin", UeCredentials.akaWithOpc(K, OPC).withSqnStartSeq(5_000));

        Registration registration = get(erin.register(Duration.ofSeconds(600)));

        assertThat(registration.statusCode()).isEqualTo(200);
        assertThat(registration.resynchronised()).as("AUTS sent, HSS resynchronised (TS 33.102 §6.3.5)").isTrue();
        assertThat(registration.challenges()).isEqualTo(2);
    }

    @Test
    void digestUserRegistersReRegistersAndDeregisters() throws Exception {
        UserEquipment bob = digest("bob", "bob-secret");

        assertThat(get(bob.register(Duration.ofSeconds(300))).statusCode()).isEqualTo(200);
        assertThat(get(bob.register(Duration.ofSeconds(900))).expires()).as("re-registration").isEqualTo(900);
        assertThat(get(bob.deregister()).statusCode()).isEqualTo(200);

        assertThat(core.scscfRegistrations().find("sip:bob@ims.test")).isEmpty();
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefused() throws Exception {
        Registration wrong = get(digest("dave", "not-daves-password").register(Duration.ofSeconds(300)));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.warning()).contains("authentication failed");

        Registration unknown = get(digest("mallory", "whatever").register(Duration.ofSeconds(300)));
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.warning()).contains("user unknown");
    }

    @Test
    void twoRegisteredUsersCallEachOtherWithRtpFlowingBothWays() throws Exception {
        UserEquipment carol = aka("carol");
        UserEquipment frank = digest("frank", "frank-secret");
        assertThat(get(carol.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(frank.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        frank.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(100)));

        Call call = get(carol.call("sip:frank@ims.test"));
        assertThat(call.statusCode()).as(call.reason()).isEqualTo(200);
        Call answered = frank.incomingCalls().poll(5, TimeUnit.SECONDS);
        assertThat(answered).isNotNull();
        await().atMost(WAIT).until(() -> call.rtpStats().packetsReceived() > 25
                && answered.rtpStats().packetsReceived() > 25);
        assertThat(call.postDialDelay()).isNotNull();

        assertThat(get(call.hangup())).isEqualTo(200);
        get(answered.ended());
        assertThat(call.rtpStats().packetsLost()).isZero();
    }

    @Test
    void callsToATelNumberReachTheOwnerOfTheNumber() throws Exception {
        UserEquipment erin = aka("erin");
        UserEquipment frank = digest("frank", "frank-secret");
        assertThat(get(erin.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(frank.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        frank.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(50)));

        // a global number with separators, a local number with a global phone-context, and a number dialled
        // with the international prefix in the home network (RFC 3966; TS 24.229 §5.4.3.2 number normalisation)
        for (String dialled : List.of("tel:+1-555-123-0016", "tel:555-123-0016;phone-context=+1",
                "sip:00-1-555-123-0016@ims.test;user=phone")) {
            Call call = get(erin.call(dialled));

            assertThat(call.statusCode()).as(dialled + ": " + call.reason()).isEqualTo(200);
            get(call.hangup());
        }
    }

    @Test
    void busyUnregisteredAndUnknownCalleesGetTheirFailures() throws Exception {
        CallerAndCallee registered = registered("grace", "bob", "bob-secret", AnswerMode.BUSY);
        UserEquipment grace = registered.caller();
        UserEquipment bob = registered.callee();

        assertThat(get(grace.call("sip:bob@ims.test")).statusCode()).isEqualTo(486);
        Call toDave = get(grace.call("sip:dave@ims.test"));
        assertThat(toDave.statusCode()).as("dave is not registered").isEqualTo(480);
        assertThat(toDave.warning()).contains("callee is not registered");
        Call toNobody = get(grace.call("sip:nobody@ims.test"));
        assertThat(toNobody.statusCode()).isEqualTo(404);
        assertThat(toNobody.warning()).as("each failure says why").isNotBlank();
        get(bob.deregister());
    }

    @Test
    void unansweredCallIsCancelledByTheCaller() throws Exception {
        CallerAndCallee registered = registered("alice", "dave", "dave-secret", AnswerMode.NO_ANSWER);
        UserEquipment alice = registered.caller();
        UserEquipment dave = registered.callee();

        Call call = alice.dial("sip:dave@ims.test");
        get(call.ringing());
        get(call.hangup());

        assertThat(get(call.outcome()).statusCode()).isEqualTo(487);
        get(dave.deregister());
    }

    @Test
    void aCallNobodyAnswersEndsWith480AfterTheNoAnswerTimeAndTheCalleeIsCancelled() throws Exception {
        CallerAndCallee registered = registered("alice", "dave", "dave-secret", AnswerMode.NO_ANSWER);
        UserEquipment alice = registered.caller();
        UserEquipment dave = registered.callee();
        dave.incomingCalls().clear();

        Call call = alice.dial("sip:dave@ims.test");
        get(call.ringing());
        Call ringing = dave.incomingCalls().poll(10, TimeUnit.SECONDS);

        assertThat(get(call.outcome()).statusCode()).as("the S-CSCF's no-answer time, not the caller's CANCEL")
                .isEqualTo(480);
        assertThat(call.warning()).contains("no answer within " + NO_ANSWER_SECONDS + " s");
        assertThat(call.postDialDelay()).isLessThan(Duration.ofSeconds(NO_ANSWER_SECONDS));
        assertThat(ringing).isNotNull();
        get(ringing.ended());
        assertThat(ringing.statusCode()).as("dave's phone stops ringing: CANCEL, 487").isEqualTo(487);
        get(dave.deregister());
    }

    @Test
    void akaV2AndSha256DigestRegisterThroughTheChainWhenTheSubscriptionAllowsNothingElse() throws Exception {
        core.provisioning().addSubscriber(NewSubscriber.of(impi("vera"), impu("vera")).withAkaOpc(K, OPC));
        core.provisioning().addSubscriber(NewSubscriber.of(impi("walt"), impu("walt")).withPassword("walt-secret"));
        allowOnly("vera", AuthScheme.AKA_V2_MD5);
        allowOnly("walt", AuthScheme.DIGEST_SHA256);

        // the UEs name no algorithm before the challenge: the HSS picks the one the subscription allows
        Registration vera = get(aka("vera").register(Duration.ofSeconds(600)));
        Registration walt = get(digest("walt", "walt-secret").register(Duration.ofSeconds(600)));

        assertThat(vera.statusCode()).as("RFC 4169 AKAv2-MD5: %s", vera.warning()).isEqualTo(200);
        assertThat(walt.statusCode()).as("RFC 8760 SHA-256 digest: %s", walt.warning()).isEqualTo(200);
        assertThat(core.scscfRegistrations().find(impu("vera"))).isPresent();
        assertThat(core.scscfRegistrations().find(impu("walt"))).isPresent();
    }

    private static void allowOnly(String user, AuthScheme scheme) {
        ImpiCredentials c = core.store().authenticationCentre().credentials(new Impi(impi(user))).orElseThrow();
        core.store().authenticationCentre().updateCredentials(
                new ImpiCredentials(c.impi(), Set.of(scheme), c.aka(), c.digest(), c.sqn()));
    }

    @Test
    void anApplicationServerOfTheUsersIfcsMayWatchItsRegistrationAndAnotherUserMayNot() throws Exception {
        UserEquipment heidi = digest("heidi", "heidi-secret");
        assertThat(get(heidi.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        InetSocketAddress scscf = new InetSocketAddress("127.0.0.1", core.config().scscf().port());
        try (RawSipClient as = new RawSipClient(scscf)) {
            // the test-as iFC of heidi names sip:127.0.0.1:<asPort>: an AS on that host is hers
            SipResponse allowed = as.exchange(regSubscribe(as.port(), "<sip:as@127.0.0.1>", "watch-1"), WAIT);
            SipResponse refused = as.exchange(regSubscribe(as.port(), "<sip:alice@ims.test>", "watch-2"), WAIT);

            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(refused.statusCode()).as("TS 24.229 §5.4.2.1.1").isEqualTo(403);
            assertThat(refused.header("Warning")).contains("may not watch");
        }
        get(heidi.deregister());
    }

    private static String regSubscribe(int port, String asserted, String callId) {
        return """
                SUBSCRIBE sip:heidi@ims.test SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK%s
                Max-Forwards: 70
                From: <sip:as@127.0.0.1>;tag=as1
                To: <sip:heidi@ims.test>
                Call-ID: %s
                CSeq: 1 SUBSCRIBE
                Contact: <sip:as@127.0.0.1:%d>
                P-Asserted-Identity: %s
                Event: reg
                Expires: 600
                Content-Length: 0

                """.formatted(port, callId, callId, port, asserted);
    }

    @Test
    void unregisteredUeIsRefusedByThePcscf() throws Exception {
        UserEquipment stranger = digest("bob", "bob-secret");

        assertThat(get(stranger.message("sip:alice@ims.test", "hello")).intValue()).isEqualTo(403);
    }

    @Test
    void regEventSubscriberIsToldOfRegistrationAndOfTheNetworkEndingIt() throws Exception {
        UserEquipment carol = aka("carol");
        assertThat(get(carol.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);

        assertThat(get(carol.subscribeRegEvent()).intValue()).isEqualTo(200);
        RegInfo first = RegInfoXmlParser.parse(carol.regNotifications().poll(10, TimeUnit.SECONDS));
        assertThat(first.registrations()).anySatisfy(r -> {
            assertThat(r.aor()).isEqualTo("sip:carol@ims.test");
            assertThat(r.state()).isEqualTo(RegistrationState.ACTIVE);
        });

        CxNotifier hss = core.hss().server().cxNotifier();
        get(hss.terminateRegistration("scscf.ims.test", new Impi(impi("carol")), List.of(),
                CxDictionary.REASON_SERVER_CHANGE, Optional.of("test")));

        RegInfo last = RegInfoXmlParser.parse(carol.regNotifications().poll(10, TimeUnit.SECONDS));
        assertThat(last.registrations()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(RegistrationState.TERMINATED);
            assertThat(r.contacts()).as("a server change: the UE registers again").isNotEmpty()
                    .allSatisfy(c -> assertThat(c.event()).isEqualTo(ContactEvent.DEACTIVATED));
        });
        assertThat(core.scscfRegistrations().find("sip:carol@ims.test")).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(get(carol.message("sip:alice@ims.test", "still here?"))
                .intValue()).as("the P-CSCF learnt of the deregistration from its own subscription").isEqualTo(403));
    }

    @Test
    void theOperatorEndsARegistrationThroughTheAdminApiAndTheUeIsTold() throws Exception {
        UserEquipment mia = digest("mia", "mia-secret");
        assertThat(get(mia.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(mia.subscribeRegEvent()).intValue()).isEqualTo(200);
        assertThat(mia.regNotifications().poll(10, TimeUnit.SECONDS)).as("the first NOTIFY").isNotNull();

        try (AdminApi.Started admin = AdminApi.start(new AdminConfig("127.0.0.1", 0, "test-token-for-the-admin-api",
                dir.resolve("admin-token")), core.roles(), "test")) {
            HttpResponse<String> ended = adminDelete(admin, "/api/v1/registrations/sip:mia@ims.test");
            assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
            assertThat(ended.body()).contains("\"scscf\":\"sip:scscf.ims.test:").contains("\"resultCode\":2001")
                    .contains("\"reason\":\"permanent-termination\"");

            RegInfo last = RegInfoXmlParser.parse(mia.regNotifications().poll(10, TimeUnit.SECONDS));
            assertThat(last.registrations()).allSatisfy(r -> {
                assertThat(r.state()).isEqualTo(RegistrationState.TERMINATED);
                assertThat(r.contacts()).as("a permanent termination: the UE must not register again at once")
                        .isNotEmpty().allSatisfy(c -> assertThat(c.event()).isEqualTo(ContactEvent.REJECTED));
            });
            assertThat(core.scscfRegistrations().find("sip:mia@ims.test")).isEmpty();
            await().atMost(WAIT).untilAsserted(() -> assertThat(core.store().identities()
                    .registration(new io.osprey.hss.model.Impu("sip:mia@ims.test")).orElseThrow().state())
                    .isEqualTo(io.osprey.hss.model.RegistrationState.NOT_REGISTERED));

            HttpResponse<String> again = adminDelete(admin, "/api/v1/registrations/sip:mia@ims.test");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("not-registered").contains("\"field\":\"impu\"");
            assertThat(adminDelete(admin, "/api/v1/registrations/sip:nobody@ims.test").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anIfcAddedThroughTheAdminApiIsPushedToTheServingScscfAndAppliesToTheNextCall() throws Exception {
        anAdminChangePushesTheTestAsToTheNextCall("nina", "olga", admin -> admin(admin, "PATCH",
                "/api/v1/subscribers/nina@ims.test",
                "{\"publicIdentities\":[{\"impu\":\"sip:nina@ims.test\",\"ifcTemplates\":[\"test-as\"]}]}"));
    }

    @Test
    void aSharedServiceProfileReplacedThroughTheAdminApiIsPushedForEveryRegisteredUserOfIt() throws Exception {
        anAdminChangePushesTheTestAsToTheNextCall("pia", "quinn", admin -> admin(admin, "PUT",
                "/api/v1/service-profiles/shared-plain",
                "{\"name\":\"shared-plain\",\"ifcTemplates\":[\"test-as\"]}"));
    }

    /** An admin API change made while both users are registered; returns its response. */
    private interface AdminChange {
        HttpResponse<String> apply(AdminApi.Started admin) throws Exception;
    }

    /**
     * With {@code caller} (a digest user, password {@code <caller>-secret}) and {@code callee} registered,
     * {@code change} gives the caller the {@code test-as} iFC: the HSS pushes the new profile (PPR) and the caller's
     * next call reaches the AS without a re-registration.
     */
    private void anAdminChangePushesTheTestAsToTheNextCall(String caller, String callee, AdminChange change)
            throws Exception {
        UserEquipment from = digest(caller, caller + "-secret");
        UserEquipment to = digest(callee, callee + "-secret");
        UserEquipment as = applicationServer();
        to.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(10)));
        assertThat(get(from.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(to.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        String asUri = "sip:127.0.0.1:" + asPort;
        String callerImpu = "sip:" + caller + "@ims.test";
        assertThat(String.valueOf(core.scscfRegistrations().find(callerImpu).orElseThrow().subscription()))
                .doesNotContain(asUri);

        AdminApi.Started admin = AdminApi.start(new AdminConfig("127.0.0.1", 0, "test-token-for-the-admin-api",
                dir.resolve("admin-token")), core.roles(), "test", core.store(), RunningCore.DOMAIN);
        try {
            HttpResponse<String> changed = change.apply(admin);
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        } finally {
            admin.server().close(); // the store is the core's
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(String.valueOf(core.scscfRegistrations()
                .find(callerImpu).orElseThrow().subscription())).as("PPR reached the S-CSCF").contains(asUri));
        assertThat(String.valueOf(core.scscfRegistrations().find("sip:" + callee + "@ims.test").orElseThrow()
                .subscription())).as("the callee's profile is not the one changed").doesNotContain(asUri);
        Call call = get(from.call("sip:" + callee + "@ims.test"));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(as.incomingCalls().poll(5, TimeUnit.SECONDS)).as("the new iFC sent the INVITE to the AS")
                .isNotNull();
        get(call.hangup());
        get(from.deregister());
        get(to.deregister());
    }

    private static HttpResponse<String> adminDelete(AdminApi.Started admin, String path) throws Exception {
        return admin(admin, "DELETE", path, null);
    }

    private static HttpResponse<String> admin(AdminApi.Started admin, String method, String path, String json)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.server().port() + path))
                .header("Authorization", "Bearer test-token-for-the-admin-api")
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void initialFilterCriteriaSendTheOriginatingInviteToTheApplicationServer() throws Exception {
        UserEquipment heidi = digest("heidi", "heidi-secret");
        UserEquipment bob = digest("bob", "bob-secret");
        UserEquipment as = applicationServer();
        assertThat(get(heidi.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(bob.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);

        Call call = get(heidi.call("sip:bob@ims.test"));

        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(as.incomingCalls().poll(5, TimeUnit.SECONDS)).as("the AS got the INVITE over ISC").isNotNull();
        assertThat(bob.incomingCalls()).as("the AS answered; the callee was not reached").isEmpty();
        get(call.hangup());
        get(bob.deregister());
    }

    @Test
    void unreachableApplicationServerWithSessionContinuedIsSkipped() throws Exception {
        UserEquipment ivan = digest("ivan", "ivan-secret");
        UserEquipment frank = digest("frank", "frank-secret");
        assertThat(get(ivan.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(frank.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        frank.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(10)));

        Call call = get(ivan.call("sip:frank@ims.test"));

        assertThat(call.statusCode()).as("default handling SESSION_CONTINUED (TS 23.218 §6.4)").isEqualTo(200);
        assertThat(frank.incomingCalls().poll(5, TimeUnit.SECONDS)).isNotNull();
        get(call.hangup());
    }

    @Test
    void profilePushedByTheHssReachesTheRegistration() throws Exception {
        UserEquipment dave = digest("dave", "dave-secret");
        assertThat(get(dave.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        String subscription = core.provisioning().findSubscriber("sip:dave@ims.test").subscription().id();
        core.provisioning().addPublicIdentity(subscription, "sip:dave.work@ims.test",
                io.osprey.hss.provisioning.PublicIdentityChange.barring(false));

        get(core.hss().server().cxNotifier().pushProfile("scscf.ims.test", new Impi(impi("dave")),
                new io.osprey.hss.model.Impu("sip:dave@ims.test")));

        assertThat(core.scscfRegistrations().find("sip:dave.work@ims.test"))
                .as("the pushed user data widened the implicit registration set").isPresent();
        get(dave.deregister());
    }

    @Test
    void callForksToEveryContactOfTheCalleeAndTheOthersAreCancelled() throws Exception {
        UserEquipment caller = digest("frank", "frank-secret");
        UserEquipment phone = digest("kim", "kim-secret");
        UserEquipment tablet = start(UeConfig.builder(impi("kim"), impu("kim"),
                RunningCore.DOMAIN, UeCredentials.password("kim-secret")).pcscf(core.pcscf())
                .instanceId("urn:uuid:6f0c4d7e-0000-4000-8000-00000000ab1e").build());
        assertThat(get(caller.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(phone.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(tablet.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(core.scscfRegistrations().find("sip:kim@ims.test").orElseThrow().bindings()).hasSize(2);
        phone.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(300)));
        tablet.answerMode(AnswerMode.NO_ANSWER);

        Call call = get(caller.call("sip:kim@ims.test"));

        assertThat(call.statusCode()).isEqualTo(200);
        Call onTablet = tablet.incomingCalls().poll(5, TimeUnit.SECONDS);
        assertThat(onTablet).as("both contacts rang (RFC 3261 §16.6 parallel forking)").isNotNull();
        assertThat(get(onTablet.outcome()).statusCode()).as("the unanswered fork was cancelled").isEqualTo(487);
        get(call.hangup());
    }

    @Test
    void messageReachesTheRegisteredRecipient() throws Exception {
        UserEquipment erin = aka("erin");
        UserEquipment frank = digest("frank", "frank-secret");
        assertThat(get(erin.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(frank.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);

        assertThat(get(erin.message("sip:frank@ims.test", "lunch at one?")).intValue()).isEqualTo(200);

        io.osprey.ue.ReceivedMessage received = frank.messages().poll(5, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.text()).isEqualTo("lunch at one?");
        assertThat(received.from()).contains("sip:erin@ims.test");
    }

    @Test
    void expiredRegistrationIsRemovedAndSubscribersAreTold() throws Exception {
        UserEquipment grace = aka("grace");
        assertThat(get(grace.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(grace.subscribeRegEvent()).intValue()).isEqualTo(200);
        assertThat(grace.regNotifications().poll(5, TimeUnit.SECONDS)).isNotNull();

        assertThat(get(grace.register(Duration.ofSeconds(2))).expires()).isEqualTo(2);
        grace.regNotifications().poll(5, TimeUnit.SECONDS); // the refresh

        await().atMost(WAIT).until(() -> core.scscfRegistrations().find("sip:grace@ims.test").isEmpty());
        RegInfo last = RegInfoXmlParser.parse(grace.regNotifications().poll(10, TimeUnit.SECONDS));
        assertThat(last.registrations().get(0).state()).isEqualTo(RegistrationState.TERMINATED);
        assertThat(last.registrations().get(0).contacts()).allSatisfy(contact -> assertThat(contact.event())
                .isEqualTo(io.osprey.sip.regevent.ContactEvent.EXPIRED));
        // and the S-CSCF told the HSS (SAR TIMEOUT_DEREGISTRATION): the whole implicit set is NOT_REGISTERED
        await().atMost(WAIT).untilAsserted(() -> assertThat(core.store().identities().implicitSetRegistrations(
                core.store().identities().publicIdentity(new Impu(impu("grace"))).orElseThrow()))
                .extracting(ImpuRegistration::state)
                .containsOnly(io.osprey.hss.model.RegistrationState.NOT_REGISTERED));
    }

    @Test
    void oneOfTwoContactsDeregistersAndCallsReachOnlyTheOther() throws Exception {
        core.provisioning().addSubscriber(NewSubscriber.of(impi("nora"), impu("nora")).withPassword("nora-secret"));
        UserEquipment caller = digest("olga", "olga-secret");
        UserEquipment phone = digest("nora", "nora-secret");
        UserEquipment tablet = start(UeConfig.builder(impi("nora"), impu("nora"), RunningCore.DOMAIN,
                UeCredentials.password("nora-secret")).pcscf(core.pcscf())
                .instanceId("urn:uuid:6f0c4d7e-0000-4000-8000-0000000000b2").build());
        assertThat(get(caller.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(phone.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(tablet.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(core.scscfRegistrations().find(impu("nora")).orElseThrow().bindings()).hasSize(2);

        assertThat(get(tablet.deregister()).statusCode()).isEqualTo(200);

        assertThat(core.scscfRegistrations().find(impu("nora")).orElseThrow().bindings())
                .as("the phone's binding stays").singleElement()
                .satisfies(binding -> assertThat(binding.contactUri()).isEqualTo(phone.contactUri()));
        phone.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(20)));
        tablet.answerMode(AnswerMode.NO_ANSWER);
        Call call = get(caller.call(impu("nora")));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(tablet.incomingCalls().poll(500, TimeUnit.MILLISECONDS)).as("the tablet is not called").isNull();
        get(call.hangup());
    }

    @Test
    void barredIdentityCannotRegister() throws Exception {
        Registration barred = get(digest("leo", "leo-secret").register(Duration.ofSeconds(600)));

        assertThat(barred.statusCode()).isEqualTo(403);
        assertThat(barred.warning()).as("the 403 says why").isNotBlank();
    }

    /** The test AS of the {@code test-as} iFC template: a UE simulator on {@code asPort} answering at once. */
    private UserEquipment applicationServer() throws Exception {
        UserEquipment as = UserEquipment.start(UeConfig.builder("as@ims.test", "sip:as@ims.test", RunningCore.DOMAIN,
                UeCredentials.password("unused")).pcscf(core.pcscf()).localPort(asPort).build());
        ues.add(as);
        as.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(10)));
        return as;
    }

    private record CallerAndCallee(UserEquipment caller, UserEquipment callee) {
    }

    /** An AKA caller and a digest callee answering calls as {@code mode}, both registered. */
    private CallerAndCallee registered(String akaCaller, String digestCallee, String password, AnswerMode mode)
            throws Exception {
        UserEquipment caller = aka(akaCaller);
        UserEquipment callee = digest(digestCallee, password);
        assertThat(get(caller.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(callee.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        callee.answerMode(mode);
        return new CallerAndCallee(caller, callee);
    }

    private UserEquipment aka(String user) throws Exception {
        return ue(user, UeCredentials.akaWithOpc(K, OPC));
    }

    private UserEquipment digest(String user, String password) throws Exception {
        return ue(user, UeCredentials.password(password));
    }

    private UserEquipment ue(String user, UeCredentials credentials) throws Exception {
        return start(UeConfig.builder(impi(user), impu(user), RunningCore.DOMAIN, credentials).pcscf(core.pcscf())
                .build());
    }

    private UserEquipment start(UeConfig config) throws Exception {
        UserEquipment ue = UserEquipment.start(config);
        ues.add(ue);
        return ue;
    }

    private static String impi(String user) {
        return user + "@" + RunningCore.DOMAIN;
    }

    private static String impu(String user) {
        return "sip:" + user + "@" + RunningCore.DOMAIN;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
