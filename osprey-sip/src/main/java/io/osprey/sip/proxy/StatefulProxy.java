package io.osprey.sip.proxy;

import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.Via;
import io.osprey.sip.transaction.InviteClientTransaction;
import io.osprey.sip.transaction.InviteServerTransaction;
import io.osprey.sip.transaction.ServerTransaction;
import io.osprey.sip.transaction.TransactionLayer;
import io.osprey.sip.transaction.TransactionUser;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.InboundMessage;
import io.osprey.sip.transport.MessageSender;
import io.osprey.sip.transport.Source;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The stateful proxy core of RFC 3261 §16: request validation (§16.3), Route pre-processing (§16.4), target
 * determination through a {@link ProxyPolicy} (§16.5), which may rewrite the request, answer it, or decide
 * asynchronously, forwarding with Max-Forwards, Record-Route, Via and loop
 * fingerprint (§16.6), response processing with best-response choice and forking (§16.7, §16.9), CANCEL (§16.10),
 * and stateless forwarding of ACK for 2xx and of stray responses.
 *
 * <p>Everything runs on the lane of the request's Call-ID; the proxy holds no locks.
 */
public final class StatefulProxy implements TransactionUser {

    private final ProxySettings settings;
    private final LocalAddresses local;
    private final ProxyPolicy policy;
    private final NextHops nextHops;
    private final MessageSender sender;
    private final LoopDetector loops;
    private final Map<ServerTransaction, ResponseContext> contexts = new ConcurrentHashMap<>();
    /** Requests whose routing decision is still pending, and whether a CANCEL already answered them 487. */
    private final Map<ServerTransaction, Boolean> undecided = new ConcurrentHashMap<>();
    private final ProxyStats stats = new ProxyStats();
    private TransactionLayer layer;

    public StatefulProxy(ProxySettings settings, LocalAddresses local, TargetResolver resolver, NextHops nextHops,
                         MessageSender sender) {
        this(settings, local, ProxyPolicy.of(resolver), nextHops, sender);
    }

    public StatefulProxy(ProxySettings settings, LocalAddresses local, ProxyPolicy policy, NextHops nextHops,
                         MessageSender sender) {
        this.settings = settings;
        this.local = local;
        this.policy = policy;
        this.nextHops = nextHops;
        this.sender = sender;
        this.loops = new LoopDetector(local);
    }

    /** Connects the proxy to its transaction layer (which in turn was built with this proxy as its user). */
    public void bind(TransactionLayer transactionLayer) {
        this.layer = transactionLayer;
    }

    public ProxyStats stats() {
        return stats;
    }

    /** Number of requests with branches still pending. */
    public int activeContexts() {
        return contexts.size();
    }

    @Override
    public void onRequest(ServerTransaction transaction, InboundMessage inbound) {
        SipRequest request = (SipRequest) inbound.message();
        if ("CANCEL".equals(request.method()) && cancelLocally(transaction, request)) {
            return;
        }
        SipResponse rejection = validate(request);
        if (rejection != null) {
            stats.rejected();
            transaction.respond(rejection);
            return;
        }
        List<NameAddress> ownRoutes = new ArrayList<>(2);
        SipRequest routed = preprocessRoutes(request, ownRoutes);
        ProxyRequest proxied = new ProxyRequest(routed, transaction.source(), ownRoutes, fixedTarget(routed));
        decide(transaction, request, routed, policy.route(proxied));
    }

    /** Carries out a routing decision for the request of {@code transaction}; on its lane. */
    private void decide(ServerTransaction transaction, SipRequest received, SipRequest routed,
                        RoutingDecision decision) {
        switch (decision) {
            case RoutingDecision.Respond respond -> {
                stats.rejected();
                transaction.respond(localResponse(received, respond.statusCode(), respond.reason(), respond.warning()));
            }
            case RoutingDecision.Answer answer -> transaction.respond(answer.response());
            case RoutingDecision.Forward forward -> {
                SipRequest outgoing = forward.request() != null ? forward.request() : routed;
                ResponseContext context = new ResponseContext(this, transaction, outgoing, forward,
                        LoopDetector.fingerprint(received));
                contexts.put(transaction, context);
                stats.forwarded();
                if (context.noAnswer() != null) {
                    context.noAnswerTimer = layer.schedule(context.callId, context.noAnswer().timeout(),
                            context::onNoAnswer);
                }
                context.startNextGroup();
            }
            case RoutingDecision.Pending pending -> {
                undecided.put(transaction, Boolean.FALSE);
                String callId = received.callId().value();
                pending.decision().whenComplete((later, failure) -> layer.executeSoon(callId,
                        () -> resume(transaction, received, routed, later, failure)));
            }
        }
    }

    private void resume(ServerTransaction transaction, SipRequest received, SipRequest routed,
                        RoutingDecision later, Throwable failure) {
        Boolean cancelled = undecided.remove(transaction);
        if (cancelled == null || cancelled || transaction.hasFinalResponse()) {
            return; // answered meanwhile: 487 after a CANCEL, or the transaction ended
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            later = cause instanceof TimeoutException
                    ? new RoutingDecision.Respond(504, "Server Time-out", "no answer from a server this proxy asked")
                    : new RoutingDecision.Respond(500, "Server Internal Error",
                    "routing failed: " + cause.getClass().getSimpleName());
        }
        decide(transaction, received, routed, later);
    }

    /**
     * §16.5 and §16.12: a request with a Route set left after pre-processing follows it; an in-dialog request (To
     * tag) whose Request-URI is another element's (the remote target) goes there; otherwise no target is fixed.
     */
    private Target fixedTarget(SipRequest routed) {
        if (!routed.routes().isEmpty()) {
            return new Target(routed.requestUri(), null);
        }
        NameAddress to = routed.to();
        if (to != null && to.tag() != null && !local.isLocal(routed.requestUri())) {
            return new Target(routed.requestUri(), null);
        }
        return null;
    }

    /**
     * RFC 3261 §16.3 steps 3 and 4 (Max-Forwards, loop detection). Steps 2, 3 and 5 (URI scheme, Max-Forwards,
     * Proxy-Require) are also the stack's {@code SipRequestValidator}'s, which runs before any request reaches the
     * transaction layer but lets OPTIONS with Max-Forwards 0 through; this proxy never forwards those either.
     */
    private SipResponse validate(SipRequest request) {
        if (request.maxForwards() == 0) {
            return localResponse(request, 483, "Too Many Hops", null);
        }
        if (loops.isLoop(request)) {
            stats.loop();
            return localResponse(request, 482, "Loop Detected", "request already passed this proxy unchanged");
        }
        return null;
    }

    /**
     * RFC 3261 §16.4: undo strict routing by the previous hop (our URI in the Request-URI means the real target is
     * the last Route), then remove our own Route values from the top (two of them after double Record-Route).
     */
    SipRequest preprocessRoutes(SipRequest request) {
        return preprocessRoutes(request, new ArrayList<>(2));
    }

    /** As {@link #preprocessRoutes(SipRequest)}, adding the Route values it removed to {@code removed}. */
    private SipRequest preprocessRoutes(SipRequest request, List<NameAddress> removed) {
        SipRequest current = request;
        List<NameAddress> routes = current.routes();
        if (local.isLocal(current.requestUri()) && !routes.isEmpty()) {
            NameAddress last = routes.get(routes.size() - 1);
            SipRequest.Builder builder = current.toBuilder().requestUri(last.uri()).remove("Route");
            for (int i = 0; i < routes.size() - 1; i++) {
                builder.add("Route", routes.get(i).toString());
            }
            current = builder.build();
            routes = current.routes();
        }
        while (!routes.isEmpty() && local.isLocal(routes.get(0).uri())) {
            removed.add(routes.get(0));
            current = current.toBuilder().removeFirst("Route").build();
            routes = current.routes();
        }
        return current;
    }

    /** §16.6: forwards one copy of the context's request to {@code target}; false if the branch failed at once. */
    boolean forward(ResponseContext context, Target target) {
        SipRequest request = context.request;
        SipRequest.Builder copy = request.toBuilder().requestUri(target.requestUri());
        int maxForwards = request.maxForwards();
        copy.set("Max-Forwards", Integer.toString(maxForwards < 0 ? 70 : maxForwards - 1));

        List<NameAddress> routes = request.routes();
        if (!target.routeSet().isEmpty()) {
            List<NameAddress> combined = new ArrayList<>(target.routeSet().size() + routes.size());
            for (int i = target.routeSet().size() - 1; i >= 0; i--) {
                copy.addFirst("Route", target.routeSet().get(i));
            }
            for (String route : target.routeSet()) {
                combined.add(NameAddress.parse(route));
            }
            combined.addAll(routes);
            routes = combined;
        }
        if (!routes.isEmpty() && routes.get(0).uri() instanceof SipUri top && !top.lr()) {
            // §16.6 step 6: the next hop is a strict router; it wants its URI in the Request-URI.
            copy.add("Route", "<" + target.requestUri() + ">").removeFirst("Route").requestUri(top);
        }
        Hop hop = target.hop();
        if (hop == null) {
            Uri next = !routes.isEmpty() ? routes.get(0).uri() : target.requestUri();
            hop = nextHops.resolve(next);
        }
        ProxyBranch branch = new ProxyBranch(context, hop);
        context.add(branch);
        if (hop == null) {
            context.onBranchFailure(branch, 503, "Service Unavailable", "cannot resolve " + target.requestUri());
            return false;
        }
        TransportProtocol inbound = context.server.source().transport();
        if (settings.recordRoute() && isDialogCreating(request)) {
            if (inbound != hop.transport()) {
                copy.addFirst("Record-Route", local.recordRoute(inbound)); // RFC 5658 double Record-Route
            }
            copy.addFirst("Record-Route", local.recordRoute(hop.transport()));
        }
        copy.addFirst("Via", local.via(hop.transport(), LoopDetector.branch(context.loopFingerprint)));
        branch.transaction = layer.sendRequest(copy.build(), hop, branch);
        if (branch.transaction instanceof InviteClientTransaction) {
            restartTimerC(context, branch);
        }
        if (context.noResponse != null && !branch.completed) {
            branch.noResponse = layer.schedule(context.callId, context.noResponse, () -> context.onNoResponse(branch));
        }
        return true;
    }

    /** (Re)arms timer C of an INVITE branch (§16.8: at forwarding and at every provisional response). */
    void restartTimerC(ResponseContext context, ProxyBranch branch) {
        stopTimerC(branch);
        branch.timerC = layer.schedule(context.callId, settings.timerC(),
                () -> context.onTimerC(branch));
    }

    static void stopNoResponse(ProxyBranch branch) {
        if (branch.noResponse != null) {
            branch.noResponse.cancel();
            branch.noResponse = null;
        }
    }

    static void stopTimerC(ProxyBranch branch) {
        if (branch.timerC != null) {
            branch.timerC.cancel();
            branch.timerC = null;
        }
    }

    /**
     * §9.1 and §16.8: a branch CANCELled by timer C that still has no final response 64*T1 later is given up: its
     * client transaction is destroyed and the branch counts as a 408.
     */
    void abandonLater(ResponseContext context, ProxyBranch branch) {
        layer.schedule(context.callId, layer.timers().timeout(), () -> {
            if (!branch.completed) {
                branch.transaction.abandon();
                context.onBranchFailure(branch, 408, "Request Timeout", "no final response after CANCEL (timer C)");
            }
        });
    }

    private static boolean isDialogCreating(SipRequest request) {
        String method = request.method();
        boolean initial = request.to() == null || request.to().tag() == null;
        return initial && ("INVITE".equals(method) || "SUBSCRIBE".equals(method) || "REFER".equals(method)
                || "NOTIFY".equals(method));
    }

    /** §9.1: a CANCEL for a branch, built from the request the branch sent (same Via, so the same branch id). */
    void sendCancel(ResponseContext context, ProxyBranch branch, String reason) {
        if (branch.transaction == null || branch.cancelSent) {
            return;
        }
        branch.cancelSent = true;
        SipRequest sent = branch.transaction.request();
        SipRequest.Builder cancel = SipRequest.builder("CANCEL", sent.requestUri())
                .add("Via", sent.topVia().toString())
                .add("Max-Forwards", "70")
                .add("From", sent.header("From"))
                .add("To", sent.header("To"))
                .add("Call-ID", sent.header("Call-ID"))
                .add("CSeq", sent.cseq().number() + " CANCEL");
        for (String route : sent.headers("Route")) {
            cancel.add("Route", route);
        }
        if (reason != null) {
            cancel.add("Reason", reason);
        }
        layer.sendRequest(cancel.build(), branch.hop, CancelListener.INSTANCE);
    }

    /**
     * §16.10: a CANCEL whose INVITE this proxy holds is answered here with 200 and cancels the branches.
     * Returns false when there is no such INVITE, and the CANCEL is then proxied like any request.
     */
    private boolean cancelLocally(ServerTransaction cancelTransaction, SipRequest cancel) {
        InviteServerTransaction invite = layer.inviteTransactionFor(cancel);
        if (invite == null) {
            return false;
        }
        cancelTransaction.respond(SipResponse.forRequest(cancel, 200, "OK").build());
        if (undecided.replace(invite, Boolean.FALSE, Boolean.TRUE)) {
            // §16.10: no branch exists yet, so the proxy answers the INVITE itself
            invite.respond(localResponse(invite.request(), 487, "Request Terminated", null));
            return true;
        }
        ResponseContext context = contexts.get(invite);
        if (context != null) {
            String reason = cancel.header("Reason");
            context.cancel(reason);
        }
        return true;
    }

    @Override
    public void onAck(InboundMessage inbound) {
        // ACK for a 2xx is its own end-to-end transaction: forward statelessly along the route (§16.11 rules).
        SipRequest ack = preprocessRoutes((SipRequest) inbound.message());
        if (ack.maxForwards() == 0) {
            return;
        }
        Hop hop;
        Uri requestUri = ack.requestUri();
        if (!ack.routes().isEmpty()) {
            hop = nextHops.resolve(ack.routes().get(0).uri());
        } else if (policy.route(new ProxyRequest(ack, inbound.source(), List.of(), fixedTarget(ack)))
                instanceof RoutingDecision.Forward forward && !forward.groups().isEmpty()
                && !forward.groups().get(0).isEmpty()) {
            Target target = forward.groups().get(0).get(0);
            requestUri = target.requestUri();
            hop = target.hop() != null ? target.hop() : nextHops.resolve(requestUri);
        } else {
            return;
        }
        if (hop == null) {
            return;
        }
        int maxForwards = ack.maxForwards();
        SipRequest forwarded = ack.toBuilder()
                .requestUri(requestUri)
                .set("Max-Forwards", Integer.toString(maxForwards < 0 ? 70 : maxForwards - 1))
                .addFirst("Via", local.via(hop.transport(), LoopDetector.branch(LoopDetector.fingerprint(ack))))
                .build();
        stats.statelessAck();
        layer.sendAck(forwarded, hop);
    }

    @Override
    public void onStrayResponse(InboundMessage inbound) {
        SipResponse response = (SipResponse) inbound.message();
        Via top = response.topVia();
        if (top == null || !local.isOurVia(top)) {
            return; // not ours to forward (§18.1.2: discard)
        }
        SipResponse popped = response.toBuilder().removeFirst("Via").build();
        if (popped.topVia() == null) {
            return;
        }
        stats.strayForwarded();
        forwardToVia(popped);
    }

    /** Forwards a response upstream by its top Via alone, outside any transaction. */
    void forwardStateless(SipResponse response, ServerTransaction server) {
        sender.sendResponse(response, server.source(), cause -> { });
    }

    private void forwardToVia(SipResponse response) {
        Via next = response.topVia();
        TransportProtocol transport = TransportProtocol.fromToken(next.transport());
        if (transport == null) {
            return;
        }
        sender.sendResponse(response, new Source(transport, null, null), cause -> { });
    }

    @Override
    public void onServerTransactionTerminated(ServerTransaction transaction, boolean timedOut) {
        contexts.remove(transaction);
        undecided.remove(transaction);
    }

    void contextDone(ResponseContext context) {
        contexts.remove(context.server, context);
    }

    /** A final response generated by this proxy, with a To tag and a Warning (RFC 3261 §20.43, code 399). */
    SipResponse localResponse(SipRequest request, int code, String reason, String warning) {
        SipResponse.Builder response = SipResponse.forRequest(request, code, reason);
        if (code > 100) {
            response.toTag(newTag());
        }
        if (warning != null) {
            response.add("Warning", "399 " + local.advertisedHost() + " \"" + warning.replace('"', '\'') + "\"");
        }
        return response.build();
    }

    private static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }
}
