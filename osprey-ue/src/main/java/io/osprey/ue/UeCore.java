package io.osprey.ue;

import io.osprey.common.time.Scheduler;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.stack.SipStack;
import io.osprey.sip.transaction.ServerTransaction;
import io.osprey.sip.transaction.TransactionLayer;
import io.osprey.sip.transaction.TransactionUser;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.InboundMessage;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UE's transaction user (RFC 3261 §8 UAC/UAS core): routes incoming requests to the call, subscription or
 * mailbox they belong to, builds the common parts of outgoing requests, and owns the state every part shares.
 * The UE's stack has a single lane, so all of this state is confined to that one thread.
 */
final class UeCore implements TransactionUser {

    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, MESSAGE, NOTIFY, OPTIONS";
    /** Items a UE keeps in each of its inbound queues before it drops new ones. */
    static final int QUEUE_LIMIT = 10_000;
    private static final Logger log = LoggerFactory.getLogger(UeCore.class);
    private static final String LANE_KEY = "ue";

    final UeConfig config;
    final LocalEndpoint local;
    private final SipStack stack;
    /** Calls this UE placed, by Call-ID. */
    final Map<String, OutgoingCall> outgoing = new HashMap<>();
    /** Calls this UE received, by Call-ID (kept apart so that a UE can even call itself). */
    final Map<String, IncomingCall> incoming = new HashMap<>();
    final Map<String, RegEventSubscription> subscriptions = new HashMap<>();
    final BlockingQueue<Call> incomingCalls = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    final BlockingQueue<ReceivedMessage> messages = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    final BlockingQueue<String> regNotifications = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    /** Service-Route of the last successful registration: the preloaded Route of new requests (RFC 3608 §6). */
    volatile List<String> serviceRoute = List.of();
    volatile AnswerMode answerMode = AnswerMode.AUTO_ANSWER;
    private volatile boolean closed;

    UeCore(UeConfig config, LocalEndpoint local, SipStack stack) {
        this.config = config;
        this.local = local;
        this.stack = stack;
    }

    TransactionLayer layer() {
        return stack.transactions();
    }

    long nanoTime() {
        return System.nanoTime();
    }

    /**
     * Runs {@code task} on the lane; a failure completes {@code future} exceptionally instead of vanishing, and so
     * does a UE that is closed.
     */
    void onLane(Runnable task, CompletableFuture<?> future) {
        if (closed) {
            UserFutures.fail(future, new IllegalStateException("the UE is closed"));
            return;
        }
        layer().schedule(LANE_KEY, Duration.ZERO, () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                UserFutures.fail(future, e);
            }
        });
    }

    /** From now on every action fails at once; called as the UE shuts down. */
    void markClosed() {
        closed = true;
    }

    /** A timer whose task runs on the lane. */
    Scheduler.Timer schedule(Duration delay, Runnable task) {
        return layer().schedule(LANE_KEY, delay, task);
    }

    /** The P-CSCF: every request outside a dialog goes there (TS 24.229 §5.1.1.1, the outbound proxy). */
    Hop outboundHop() {
        return new Hop(config.transport(), config.pcscf());
    }

    /**
     * The hop for an in-dialog request whose next hop is {@code uri} (RFC 3263 §4 reduced to literal hosts and
     * system name resolution): {@code maddr} or host, explicit port or the transport's default, the
     * {@code transport} parameter else the UE's own transport. The P-CSCF when {@code uri} is not a SIP URI.
     */
    Hop hopFor(Uri uri) {
        if (!(uri instanceof SipUri sip)) {
            return outboundHop();
        }
        TransportProtocol transport = TransportProtocol.fromToken(sip.transportParam());
        if (transport == null) {
            transport = sip.isSecure() ? TransportProtocol.TLS : config.transport();
        }
        String host = sip.maddrParam() != null ? sip.maddrParam() : sip.host();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = sip.port() > 0 ? sip.port() : transport.defaultPort();
            return new Hop(transport, new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            log.warn("cannot resolve {}; sending to the P-CSCF instead", host);
            return outboundHop();
        }
    }

    /** A Via with a new branch. */
    String via() {
        return local.via(LocalEndpoint.newBranch());
    }

    /**
     * The common header fields of a request outside any dialog (RFC 3261 §8.1.1): Via, Max-Forwards, the
     * Service-Route as preloaded Route (RFC 3608 §6, TS 24.229 §5.1.2A.1.1), From, To, Call-ID, CSeq, User-Agent.
     */
    SipRequest.Builder outOfDialog(String method, Uri requestUri, String from, String to, String callId, long cseq,
                                   boolean preloadedRoute) {
        SipRequest.Builder request = SipRequest.builder(method, requestUri)
                .add("Via", via())
                .add("Max-Forwards", "70");
        if (preloadedRoute) {
            serviceRoute.forEach(route -> request.add("Route", route));
        }
        return request.add("From", from)
                .add("To", to)
                .add("Call-ID", callId)
                .add("CSeq", cseq + " " + method)
                .add("User-Agent", config.userAgent());
    }

    /** A response to {@code request} with {@code toTag} added when the To has none (RFC 3261 §8.2.6.2). */
    SipResponse.Builder response(SipRequest request, int code, String reason, String toTag) {
        SipResponse.Builder response = SipResponse.forRequest(request, code, reason);
        if (code > 100) {
            response.toTag(toTag);
        }
        return response.add("Server", config.userAgent());
    }

    void respond(ServerTransaction transaction, SipRequest request, int code, String reason) {
        SipResponse.Builder response = response(request, code, reason, LocalEndpoint.newTag());
        if (code == 405) {
            response.add("Allow", ALLOW);
        }
        transaction.respond(response.build());
    }

    // ---- TransactionUser ----

    @Override
    public void onRequest(ServerTransaction transaction, InboundMessage inbound) {
        SipRequest request = (SipRequest) inbound.message();
        String callId = request.callId().value();
        boolean inDialog = request.to().tag() != null;
        switch (request.method()) {
            case "INVITE" -> {
                if (inDialog) {
                    inDialog(transaction, request, callId);
                } else if (incoming.containsKey(callId)) {
                    respond(transaction, request, 482, "Loop Detected"); // same Call-ID, new branch: merged request
                } else {
                    IncomingCall.receive(this, transaction, request);
                }
            }
            case "CANCEL" -> {
                IncomingCall leg = incoming.get(callId);
                if (leg != null) {
                    leg.onCancel(transaction, request);
                } else {
                    respond(transaction, request, 481, null);
                }
            }
            case "BYE" -> inDialog(transaction, request, callId);
            case "MESSAGE" -> onMessage(transaction, request);
            case "NOTIFY" -> {
                RegEventSubscription subscription = subscriptions.get(callId);
                if (subscription != null) {
                    subscription.onNotify(transaction, request);
                } else {
                    respond(transaction, request, 481, "Subscription Does Not Exist");
                }
            }
            case "OPTIONS" -> transaction.respond(response(request, 200, null, LocalEndpoint.newTag())
                    .add("Allow", ALLOW).add("Accept", "application/sdp").build());
            default -> respond(transaction, request, 405, null);
        }
    }

    /** BYE or re-INVITE: to the call whose dialog it belongs to (RFC 3261 §12.2.2), else 481. */
    private void inDialog(ServerTransaction transaction, SipRequest request, String callId) {
        CallLeg leg = outgoing.get(callId);
        if (leg == null || !leg.owns(request)) {
            leg = incoming.get(callId);
        }
        if (leg == null || !leg.owns(request)) {
            respond(transaction, request, 481, null);
        } else if ("BYE".equals(request.method())) {
            leg.onBye(transaction, request);
        } else {
            leg.onReInvite(transaction, request);
        }
    }

    private void onMessage(ServerTransaction transaction, SipRequest request) {
        String text = new String(request.bodyBytes(), StandardCharsets.UTF_8);
        ReceivedMessage message = new ReceivedMessage(request.header("From"), request.header("To"),
                request.requestUri().toString(), request.contentType(), text);
        if (!messages.offer(message)) {
            log.warn("MESSAGE queue full ({} items): dropping one from {}", QUEUE_LIMIT, message.from());
        }
        respond(transaction, request, 200, null);
    }

    @Override
    public void onAck(InboundMessage ack) {
        SipRequest request = (SipRequest) ack.message();
        IncomingCall leg = incoming.get(request.callId().value());
        if (leg != null) {
            leg.onAck(request);
        }
    }

    @Override
    public void onStrayResponse(InboundMessage inbound) {
        SipResponse response = (SipResponse) inbound.message();
        if (response.callId() != null && "INVITE".equals(response.cseq().method()) && response.statusCode() >= 200
                && response.statusCode() < 300) {
            OutgoingCall leg = outgoing.get(response.callId().value());
            if (leg != null) {
                leg.onLate2xx(response);
            }
        }
    }
}
