package io.osprey.ue;

import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The dialog state of RFC 3261 §12: Call-ID, local and remote tags (held in the local and remote addresses),
 * sequence numbers, remote target and route set. Built from a 2xx or 1xx with a To tag on the UAC side (§12.1.2)
 * and from the request on the UAS side (§12.1.1); builds in-dialog requests (§12.2.1.1). Lane-confined.
 */
final class Dialog {

    private final String callId;
    private final NameAddress local;
    private final NameAddress remote;
    private final List<String> routeSet;
    private Uri remoteTarget;
    private long localSeq;
    private long remoteSeq;

    private Dialog(String callId, NameAddress local, NameAddress remote, List<String> routeSet, Uri remoteTarget,
                   long localSeq, long remoteSeq) {
        this.callId = callId;
        this.local = local;
        this.remote = remote;
        this.routeSet = List.copyOf(routeSet);
        this.remoteTarget = remoteTarget;
        this.localSeq = localSeq;
        this.remoteSeq = remoteSeq;
    }

    /** The route set (RFC 3261 §12.1), in the order in-dialog requests follow it. */
    List<String> routeSet() {
        return routeSet;
    }

    /**
     * The UAC's dialog (§12.1.2): route set from the response's Record-Route in reverse order, remote target from
     * its Contact (the Request-URI when it has none), local sequence number from the request.
     */
    static Dialog asUac(SipRequest request, SipResponse response) {
        List<String> routes = new ArrayList<>(response.headers("Record-Route"));
        Collections.reverse(routes);
        return new Dialog(request.callId().value(), request.from(), response.to(), routes,
                targetOf(response, request.requestUri()), request.cseq().number(), -1);
    }

    /** The UAS's dialog (§12.1.1): route set from Record-Route in order, remote target from the request's Contact. */
    static Dialog asUas(SipRequest request, String localTag) {
        NameAddress to = request.to();
        return new Dialog(request.callId().value(), to.tag() == null ? to.withTag(localTag) : to, request.from(),
                request.headers("Record-Route"), targetOf(request, request.from().uri()), 0,
                request.cseq().number());
    }

    private static Uri targetOf(SipMessage message, Uri fallback) {
        List<NameAddress> contacts = message.contacts();
        return contacts.isEmpty() ? fallback : contacts.get(0).uri();
    }

    String localTag() {
        return local.tag();
    }

    String remoteTag() {
        return remote.tag();
    }

    /** A target refresh (re-INVITE, §12.2.2) or NOTIFY (RFC 6665 §4.1.2.1) may carry a new Contact. */
    void refreshTarget(SipMessage message) {
        List<NameAddress> contacts = message.contacts();
        if (!contacts.isEmpty()) {
            remoteTarget = contacts.get(0).uri();
        }
    }

    /**
     * Checks the CSeq of an in-dialog request against the remote sequence number (§12.2.2): false when it is
     * lower, a request out of order that must get a 500.
     */
    boolean acceptRemoteSeq(SipRequest request) {
        long seq = request.cseq().number();
        if (remoteSeq >= 0 && seq < remoteSeq) {
            return false;
        }
        remoteSeq = seq;
        return true;
    }

    /** Whether {@code request} belongs to this dialog: same Call-ID, its To tag ours and its From tag theirs. */
    boolean matches(SipRequest request) {
        return callId.equals(request.callId().value()) && local.tag() != null
                && local.tag().equals(request.to().tag())
                && (remote.tag() == null || remote.tag().equals(request.from().tag()));
    }

    /** The next local CSeq number (§12.2.1.1: one above the last). */
    long nextLocalSeq() {
        return ++localSeq;
    }

    /**
     * A request within the dialog (§12.2.1.1): Request-URI and Route from the remote target and route set (loose
     * routing; strict routing when the first route lacks {@code lr}), From/To with tags, the Call-ID and
     * {@code cseq}. The caller adds Via and anything method-specific.
     */
    SipRequest.Builder request(String method, long cseq) {
        Uri requestUri = remoteTarget;
        List<String> routes = routeSet;
        if (!routeSet.isEmpty() && !isLooseRoute(routeSet.get(0))) {
            requestUri = NameAddress.parse(routeSet.get(0)).uri();
            routes = new ArrayList<>(routeSet.subList(1, routeSet.size()));
            routes.add("<" + remoteTarget + ">");
        }
        SipRequest.Builder builder = SipRequest.builder(method, requestUri);
        builder.add("Max-Forwards", "70");
        for (String route : routes) {
            builder.add("Route", route);
        }
        return builder.add("From", local.toString())
                .add("To", remote.toString())
                .add("Call-ID", callId)
                .add("CSeq", cseq + " " + method);
    }

    /** The URI the next hop of an in-dialog request is resolved from: the first route, else the remote target. */
    Uri nextHopUri() {
        return routeSet.isEmpty() ? remoteTarget : NameAddress.parse(routeSet.get(0)).uri();
    }

    private static boolean isLooseRoute(String route) {
        return NameAddress.parse(route).uri() instanceof SipUri sip && sip.lr();
    }
}
