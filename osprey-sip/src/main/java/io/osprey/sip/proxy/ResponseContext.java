package io.osprey.sip.proxy;

import io.osprey.common.time.Scheduler;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transaction.ServerTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The response context of RFC 3261 §16.7 for one proxied request: its branches, the best final response so far,
 * and the forking plan (groups tried in parallel, one after another). Lives on the request's lane.
 */
final class ResponseContext {

    private final StatefulProxy proxy;
    final ServerTransaction server;
    /** The request being proxied; released once the final response is sent (branches may live 64*T1 longer). */
    SipRequest request;
    final String method;
    final String callId;
    /** The loop fingerprint of the request as received, carried in every branch id (§16.6 step 8). */
    final String loopFingerprint;
    /** The forking plan; emptied with the final response, as is {@link #best}: a branch may outlive it by 64*T1. */
    private List<List<Target>> groups;
    private final ResponseRewriter responses;
    private final IntPredicate tryNextGroup;
    /** The INVITE's no-answer limit, or null; its timer runs from forwarding until the final response. */
    private final RoutingDecision.NoAnswer noAnswer;
    Scheduler.Timer noAnswerTimer;
    /** How long a branch may stay silent, or null. */
    final Duration noResponse;
    /** Sized for the usual single branch (the default capacity of ten would be kept for 64*T1 per request). */
    private final List<ProxyBranch> branches = new ArrayList<>(1);
    private int nextGroup;
    private SipResponse best;
    private boolean finalSent;
    private boolean cancelled;
    private boolean starting;

    ResponseContext(StatefulProxy proxy, ServerTransaction server, SipRequest request, RoutingDecision.Forward plan,
                    String loopFingerprint) {
        this.proxy = proxy;
        this.server = server;
        this.request = request;
        this.method = request.method();
        this.callId = request.callId().value();
        this.groups = plan.groups();
        this.responses = plan.responses();
        this.tryNextGroup = plan.tryNextGroup();
        this.noAnswer = "INVITE".equals(method) ? plan.noAnswer() : null;
        this.noResponse = plan.noResponse();
        this.loopFingerprint = loopFingerprint;
    }

    /** Forwards to the next group of targets; answers with the best response when none is left. */
    void startNextGroup() {
        while (nextGroup < groups.size() && !cancelled) {
            List<Target> group = groups.get(nextGroup++);
            boolean anyStarted = false;
            starting = true; // a branch failing at once must not end the context while its group is still going out
            for (Target target : group) {
                anyStarted |= proxy.forward(this, target);
            }
            starting = false;
            if (anyStarted && hasPendingBranches()) {
                return;
            }
        }
        if (!hasPendingBranches()) {
            sendBest();
        }
    }

    void add(ProxyBranch branch) {
        branches.add(branch);
    }

    /** §16.7: a response on a branch. The top Via (ours) is still on it. */
    void onBranchResponse(ProxyBranch branch, SipResponse withOurVia) {
        SipResponse response = withOurVia.toBuilder().removeFirst("Via").build();
        int code = response.statusCode();
        StatefulProxy.stopNoResponse(branch);
        if (code < 200) {
            branch.provisionalReceived = true;
            if (code > 100 && branch.timerC != null) {
                proxy.restartTimerC(this, branch);
            }
            if (branch.cancelPending && !branch.cancelSent) {
                proxy.sendCancel(this, branch, branch.cancelReason); // §9.1: the CANCEL waited for a provisional
            }
            if (code > 100 && !finalSent) {
                server.respond(responses.rewrite(response)); // step 5: forward provisionals other than 100 at once
            }
            return;
        }
        if (code < 300) {
            complete(branch);
            SipResponse upstream = responses.rewrite(response);
            if (!server.respond(upstream) && "INVITE".equals(method)) {
                // §16.7 step 5: after a final response only a 2xx to INVITE (another fork's) still goes upstream
                proxy.forwardStateless(upstream, server);
            }
            cancelPendingBranches("SIP;cause=200;text=\"Call completed elsewhere\"");
            finished();
            return;
        }
        if (branch.completed) {
            return;
        }
        complete(branch);
        record(response);
        if (code >= 600) {
            cancelPendingBranches("SIP;cause=" + code + ";text=\"" + response.reasonPhrase() + "\"");
        }
        continueAfterFinal();
    }

    /** A branch ended without a response: timer B/F (408) or a transport error (503), §16.7 step 2 and §16.9. */
    void onBranchFailure(ProxyBranch branch, int code, String reason, String warning) {
        if (branch.completed) {
            return;
        }
        if (finalSent) {
            complete(branch); // the answer upstream is already decided
            return;
        }
        onBranchResponseSynthesized(branch, proxy.localResponse(request, code, reason, warning));
    }

    private void onBranchResponseSynthesized(ProxyBranch branch, SipResponse response) {
        complete(branch);
        record(response);
        continueAfterFinal();
    }

    /**
     * Once no branch is pending: the best response goes upstream, or the next group is tried. After a 6xx
     * (§16.7 step 5) or a CANCEL (§16.10) no new branch may be started.
     */
    private void continueAfterFinal() {
        if (starting || hasPendingBranches() || finalSent) {
            return;
        }
        if (best.statusCode() >= 600 || cancelled || nextGroup >= groups.size()
                || !tryNextGroup.test(best.statusCode())) {
            sendBest();
        } else {
            startNextGroup();
        }
    }

    /**
     * Timer C fired (§16.8): a branch with a provisional is CANCELled (and given up 64*T1 later if still silent);
     * one without is treated as if it had answered 408.
     */
    void onTimerC(ProxyBranch branch) {
        branch.timerC = null;
        if (branch.completed) {
            return;
        }
        if (branch.provisionalReceived) {
            proxy.sendCancel(this, branch, "SIP;cause=408;text=\"Timer C\"");
            proxy.abandonLater(this, branch);
        } else {
            branch.transaction.abandon();
            onBranchFailure(branch, 408, "Request Timeout", "no response before timer C");
        }
    }

    /** The no-answer limit, or null: {@link StatefulProxy} arms its timer before the first branch goes out. */
    RoutingDecision.NoAnswer noAnswer() {
        return noAnswer;
    }

    /**
     * Nobody answered within the no-answer time: the caller gets the limit's final response now, and every branch
     * still ringing is CANCELled (a branch with no provisional yet, as soon as it has one: §9.1). Their 487s then
     * find the answer decided; a 2xx racing the CANCEL still goes upstream, as any forked 2xx does.
     */
    void onNoAnswer() {
        noAnswerTimer = null;
        if (finalSent) {
            return;
        }
        cancelled = true;
        cancelPendingBranches(noAnswer.cancelReason());
        best = proxy.localResponse(request, noAnswer.statusCode(), noAnswer.reason(), noAnswer.warning());
        sendBest();
    }

    /** The branch stayed silent past {@link #noResponse}: given up, it counts as a 408 (see withNoResponse). */
    void onNoResponse(ProxyBranch branch) {
        branch.noResponse = null;
        if (branch.completed || branch.provisionalReceived) {
            return;
        }
        branch.transaction.abandon();
        onBranchFailure(branch, 408, "Request Timeout", "no response from " + branch.hop + " within "
                + noResponse.toMillis() + " ms");
    }

    private static void complete(ProxyBranch branch) {
        branch.completed = true;
        StatefulProxy.stopTimerC(branch);
        StatefulProxy.stopNoResponse(branch);
    }

    /** A CANCEL for the request arrived (§16.10): cancel every pending branch and start no new ones. */
    void cancel(String reason) {
        cancelled = true;
        cancelPendingBranches(reason);
    }

    private void cancelPendingBranches(String reason) {
        for (ProxyBranch branch : branches) {
            if (branch.completed || branch.cancelSent) {
                continue;
            }
            if (!"INVITE".equals(method)) {
                continue; // only INVITE transactions can be cancelled meaningfully (§9)
            }
            if (branch.provisionalReceived) {
                proxy.sendCancel(this, branch, reason);
            } else {
                branch.cancelPending = true;
                branch.cancelReason = reason;
            }
        }
    }

    private boolean hasPendingBranches() {
        for (ProxyBranch branch : branches) {
            if (!branch.completed) {
                return true;
            }
        }
        return false;
    }

    private void record(SipResponse response) {
        if (finalSent) {
            return; // the answer upstream is decided; a late branch's final response is not kept
        }
        if (best == null || rank(response.statusCode()) < rank(best.statusCode())) {
            best = response;
        }
    }

    /**
     * §16.7 step 6: any 6xx first; else the lowest class, preferring 401, 407, 415, 420 and 484 within 4xx
     * (they let the client fix the request), 503 last because it only speaks for the proxy's next hop.
     */
    static int rank(int code) {
        if (code >= 600) {
            return 0;
        }
        if (code >= 300 && code < 400) {
            return 10;
        }
        if (code == 401 || code == 407 || code == 415 || code == 420 || code == 484) {
            return 20;
        }
        if (code >= 400 && code < 500) {
            return code == 408 ? 40 : 30;
        }
        return code == 503 ? 60 : 50;
    }

    private void sendBest() {
        if (finalSent) {
            return;
        }
        finalSent = true;
        SipResponse response = best;
        if (response == null) {
            response = proxy.localResponse(request, 480, "Temporarily Unavailable", "no target could be reached");
        } else if (response.statusCode() == 503 && !responses.passesOverload()) {
            // §16.7 step 6: a 503 from downstream would make the client think this proxy is overloaded. Its
            // Retry-After is kept: §20.33 allows it on a 500, and it still tells the client when to try again.
            String retryAfter = response.header("Retry-After");
            response = proxy.localResponse(request, 500, "Server Internal Error", "next hop unavailable");
            if (retryAfter != null) {
                response = response.toBuilder().add("Retry-After", retryAfter).build();
            }
        }
        server.respond(responses.rewrite(response));
        finished();
    }

    /**
     * The final response went upstream: CANCEL has nothing left to act on, and neither the request nor the plan
     * nor the best response is needed again. The branches' client transactions keep this context for up to 64*T1
     * (RFC 6026 Accepted, timer D), to pass on a retransmitted 2xx, so what it no longer needs is let go here.
     */
    private void finished() {
        finalSent = true;
        if (noAnswerTimer != null) {
            noAnswerTimer.cancel();
            noAnswerTimer = null;
        }
        request = null;
        groups = List.of();
        best = null;
        proxy.contextDone(this);
    }

    boolean isFinalSent() {
        return finalSent;
    }
}
