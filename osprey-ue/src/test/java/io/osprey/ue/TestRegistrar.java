package io.osprey.ue;

import io.osprey.aka.AkaAlgorithm;
import io.osprey.aka.Auts;
import io.osprey.aka.AuthenticationVector;
import io.osprey.aka.Milenage;
import io.osprey.aka.Resync;
import io.osprey.aka.ResyncOutcome;
import io.osprey.aka.SqnScheme;
import io.osprey.aka.VectorGenerator;
import io.osprey.sip.auth.DigestCredentials;
import io.osprey.sip.codec.SipLimits;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.stack.SipStack;
import io.osprey.sip.stack.SipStackSettings;
import io.osprey.sip.transaction.ClientTransaction;
import io.osprey.sip.transaction.ClientTransactionListener;
import io.osprey.sip.transaction.ServerTransaction;
import io.osprey.sip.transaction.TransactionConfig;
import io.osprey.sip.transaction.TransactionUser;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.InboundMessage;
import io.osprey.sip.transport.TransportConfig;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.SipUri;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tiny registrar for the UE's tests, on its own {@link SipStack}: challenges REGISTER with AKAv1-MD5 or AKAv2-MD5
 * (vectors from {@link VectorGenerator}) or MD5 digest, checks the response with {@link Md5Digest} (independent of
 * the UE's digest code), resynchronises on {@code auts} with {@link Resync}, answers 200 with Service-Route and
 * P-Associated-URI, and answers SUBSCRIBE for the reg event with 200 and a NOTIFY. Other requests get 200.
 */
final class TestRegistrar implements TransactionUser, AutoCloseable {

    static final String REGINFO = "<?xml version=\"1.0\"?>\n<reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\" "
            + "version=\"0\" state=\"full\"><registration aor=\"sip:alice@ims.test\" id=\"a1\" state=\"active\">"
            + "</registration></reginfo>";

    private final SipStack stack;
    private final String realm;
    private final InetSocketAddress address;
    private final SqnScheme scheme = SqnScheme.DEFAULT;
    private final Map<String, AuthenticationVector> issued = new ConcurrentHashMap<>();
    private final Map<String, Boolean> passwordNonces = new ConcurrentHashMap<>();
    final BlockingQueue<SipRequest> requests = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> notifyAnswers = new LinkedBlockingQueue<>();
    final AtomicInteger resyncs = new AtomicInteger();
    final AtomicInteger resyncResponsesValid = new AtomicInteger();
    private volatile Milenage milenage;
    private volatile VectorGenerator generator;
    private volatile AkaAlgorithm akaAlgorithm = AkaAlgorithm.AKA_V1_MD5;
    private volatile String password;
    private volatile long sqnHe;

    private TestRegistrar(SipStack stack, String realm, InetSocketAddress address) {
        this.stack = stack;
        this.realm = realm;
        this.address = address;
    }

    static TestRegistrar start(String realm, TransportProtocol transport) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = FreePorts.udpAndTcp(Loopback.ADDRESS);
            SipStack stack = new SipStack(new SipStackSettings(TransportConfig.udpTcp("127.0.0.1", port),
                    SipLimits.DEFAULTS, TransactionConfig.DEFAULTS, 1, 1024, 0.95, Duration.ofSeconds(5), 1));
            TestRegistrar registrar = new TestRegistrar(stack, realm,
                    new InetSocketAddress(Loopback.ADDRESS, port));
            try {
                stack.start(registrar);
                return registrar;
            } catch (Exception e) {
                stack.close();
                last = e;
            }
        }
        throw last;
    }

    /** Challenges with AKA for a subscriber with K, OP and AMF; the next vector uses {@code firstSqn}. */
    TestRegistrar aka(UeCredentials.Aka card, AkaAlgorithm algorithm, long firstSqn) {
        this.milenage = card.milenage();
        this.generator = new VectorGenerator(milenage, card.amf(), new SecureRandom());
        this.akaAlgorithm = algorithm;
        this.sqnHe = firstSqn;
        return this;
    }

    /** Challenges with MD5 digest for a subscriber with {@code secret}. */
    TestRegistrar password(String secret) {
        this.password = secret;
        return this;
    }

    InetSocketAddress address() {
        return address;
    }

    String serviceRoute() {
        return "<sip:orig@127.0.0.1:" + address.getPort() + ";lr>";
    }

    long sqnHe() {
        return sqnHe;
    }

    @Override
    public void onRequest(ServerTransaction transaction, InboundMessage inbound) {
        SipRequest request = (SipRequest) inbound.message();
        requests.add(request);
        switch (request.method()) {
            case "REGISTER" -> transaction.respond(register(request));
            case "SUBSCRIBE" -> subscribe(transaction, request, inbound);
            default -> transaction.respond(SipResponse.forRequest(request, 200, null).toTag("reg").build());
        }
    }

    private SipResponse register(SipRequest request) {
        String header = request.header("Authorization");
        DigestCredentials credentials = header == null ? null : DigestCredentials.parse(header);
        if (credentials == null || (credentials.response().isEmpty() && credentials.auts() == null)) {
            return challenge(request);
        }
        if (credentials.auts() != null) {
            return resync(request, credentials);
        }
        byte[] secret;
        if (milenage != null) {
            AuthenticationVector vector = issued.remove(credentials.nonce());
            if (vector == null) {
                return reject(request, "unknown nonce");
            }
            secret = akaAlgorithm == AkaAlgorithm.AKA_V1_MD5 ? vector.xres()
                    : akaV2Password(vector.xres(), vector.ik(), vector.ck());
        } else {
            if (passwordNonces.remove(credentials.nonce()) == null) {
                return reject(request, "unknown nonce");
            }
            secret = password.getBytes(StandardCharsets.UTF_8);
        }
        String expected = Md5Digest.response(credentials.username(), realm, secret, "REGISTER", credentials.uri(),
                credentials.nonce(), credentials.nc(), credentials.cnonce(), credentials.qopToken());
        if (!expected.equals(credentials.response())) {
            return reject(request, "wrong digest response");
        }
        return registered(request);
    }

    private SipResponse challenge(SipRequest request) {
        String challenge;
        if (milenage != null) {
            AuthenticationVector vector = generator.generate(sqnHe);
            sqnHe = scheme.next(sqnHe);
            String nonce = vector.nonce().encode();
            issued.put(nonce, vector);
            challenge = "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + akaAlgorithm.token()
                    + ", qop=\"auth\"";
        } else {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String nonce = Base64.getEncoder().encodeToString(random);
            passwordNonces.put(nonce, true);
            challenge = "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\"";
        }
        return SipResponse.forRequest(request, 401, null).toTag("reg").add("WWW-Authenticate", challenge).build();
    }

    /** TS 33.102 §6.3.5 in the HE: verify MAC-S, take SQN_MS + 1 and challenge again. */
    private SipResponse resync(SipRequest request, DigestCredentials credentials) {
        AuthenticationVector refused = issued.remove(credentials.nonce());
        if (refused == null) {
            return reject(request, "auts for an unknown nonce");
        }
        String expected = Md5Digest.response(credentials.username(), realm, new byte[0], "REGISTER",
                credentials.uri(), credentials.nonce(), credentials.nc(), credentials.cnonce(),
                credentials.qopToken());
        if (expected.equals(credentials.response())) {
            resyncResponsesValid.incrementAndGet();
        }
        ResyncOutcome outcome = new Resync(milenage, scheme).resynchronise(refused.rand(),
                Auts.parse(credentials.auts()), sqnHe);
        if (!(outcome instanceof ResyncOutcome.Resynchronised resynchronised)) {
            return reject(request, "AUTS MAC-S mismatch");
        }
        resyncs.incrementAndGet();
        sqnHe = resynchronised.nextSqn();
        return challenge(request);
    }

    private SipResponse reject(SipRequest request, String why) {
        return SipResponse.forRequest(request, 403, null).toTag("reg")
                .add("Warning", "399 registrar \"" + why + "\"").build();
    }

    private SipResponse registered(SipRequest request) {
        NameAddress contact = request.contacts().get(0);
        String expires = contact.param("expires") != null ? contact.param("expires") : request.header("Expires");
        SipResponse.Builder ok = SipResponse.forRequest(request, 200, null).toTag("reg");
        if (!"0".equals(expires)) {
            ok.add("Contact", "<" + contact.uri() + ">;expires=" + expires)
                    .add("Service-Route", serviceRoute())
                    .add("P-Associated-URI", "<sip:alice@" + realm + ">, <tel:+15550001>");
        }
        return ok.build();
    }

    private void subscribe(ServerTransaction transaction, SipRequest subscribe, InboundMessage inbound) {
        transaction.respond(SipResponse.forRequest(subscribe, 200, null).toTag("sub")
                .add("Contact", "<sip:127.0.0.1:" + address.getPort() + ">")
                .add("Expires", subscribe.header("Expires")).build());
        SipUri target = (SipUri) subscribe.contacts().get(0).uri();
        SipRequest notify = SipRequest.builder("NOTIFY", target)
                .add("Via", "SIP/2.0/UDP 127.0.0.1:" + address.getPort() + ";branch=z9hG4bKnotify"
                        + System.nanoTime())
                .add("Max-Forwards", "70")
                .add("From", subscribe.to().withTag("sub").toString())
                .add("To", subscribe.header("From"))
                .add("Call-ID", subscribe.header("Call-ID"))
                .add("CSeq", "1 NOTIFY")
                .add("Event", "reg")
                .add("Subscription-State", "active;expires=600000")
                .add("Contact", "<sip:127.0.0.1:" + address.getPort() + ">")
                .body("application/reginfo+xml", REGINFO.getBytes(StandardCharsets.UTF_8))
                .build();
        Hop hop = new Hop(inbound.source().transport(),
                new InetSocketAddress(Loopback.ADDRESS, target.port()));
        stack.transactions().sendRequest(notify, hop, new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction tx, SipResponse response) {
                if (response.statusCode() >= 200) {
                    notifyAnswers.add(response.statusCode());
                }
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
                notifyAnswers.add(408);
            }

            @Override
            public void onTransportError(ClientTransaction tx, Throwable cause) {
                notifyAnswers.add(503);
            }
        });
    }

    /** RFC 4169 §3, written here from the RFC: base64(HMAC-MD5(RES ‖ IK ‖ CK, "http-digest-akav2-password")). */
    private static byte[] akaV2Password(byte[] res, byte[] ik, byte[] ck) {
        try {
            byte[] key = new byte[res.length + ik.length + ck.length];
            System.arraycopy(res, 0, key, 0, res.length);
            System.arraycopy(ik, 0, key, res.length, ik.length);
            System.arraycopy(ck, 0, key, res.length + ik.length, ck.length);
            Mac hmac = Mac.getInstance("HmacMD5");
            hmac.init(new SecretKeySpec(key, "HmacMD5"));
            byte[] mac = hmac.doFinal("http-digest-akav2-password".getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(mac).getBytes(StandardCharsets.US_ASCII);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onAck(InboundMessage ack) {
    }

    @Override
    public void onStrayResponse(InboundMessage response) {
    }

    @Override
    public void close() {
        stack.close();
    }

    /** Sends a request from the registrar's stack (acting as a plain UAC) and completes with its final response. */
    java.util.concurrent.CompletableFuture<SipResponse> send(SipRequest request, InetSocketAddress to) {
        java.util.concurrent.CompletableFuture<SipResponse> result = new java.util.concurrent.CompletableFuture<>();
        stack.transactions().schedule(request.callId().value(), Duration.ZERO, () ->
                stack.transactions().sendRequest(request, new Hop(TransportProtocol.UDP, to),
                        new ClientTransactionListener() {
                            @Override
                            public void onResponse(ClientTransaction tx, SipResponse response) {
                                if (response.statusCode() >= 200) {
                                    result.complete(response);
                                }
                            }

                            @Override
                            public void onTimeout(ClientTransaction tx) {
                                result.completeExceptionally(new AssertionError("timeout"));
                            }

                            @Override
                            public void onTransportError(ClientTransaction tx, Throwable cause) {
                                result.completeExceptionally(cause);
                            }
                        }));
        return result;
    }

    /** Sends an ACK (no transaction). */
    void sendAck(SipRequest ack, InetSocketAddress to) {
        stack.transactions().sendAck(ack, new Hop(TransportProtocol.UDP, to));
    }

    /** The requests received so far with method {@code method}, in order. */
    List<SipRequest> received(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }
}
