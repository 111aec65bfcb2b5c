package io.osprey.ue;

import io.osprey.common.time.Scheduler;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.sdp.SdpParser;
import io.osprey.sip.sdp.SessionDescription;
import io.osprey.sip.transaction.ServerTransaction;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * What both sides of a call share once a dialog exists (RFC 3261 §12, §15): answering BYE, answering a re-INVITE
 * with the current media (§14.2, RFC 3264 §8), sending BYE, and tearing media down when the call ends. Lane-confined.
 */
abstract sealed class CallLeg permits OutgoingCall, IncomingCall {

    static final String SDP = "application/sdp";

    final UeCore core;
    final Call call;
    final CallMedia media;
    Dialog dialog;
    private boolean over;

    CallLeg(UeCore core, Call call, CallMedia media) {
        this.core = core;
        this.call = call;
        this.media = media;
    }

    /** Ends the call from this side; see {@link Call#hangup()}. */
    abstract void hangup(CompletableFuture<Integer> result);

    /** Answers a ringing incoming call; see {@link Call#answer()}. */
    void answer(CompletableFuture<Integer> result) {
        UserFutures.complete(result, 405);
    }

    /** Called once when the call is over: cancel timers, forget the call. */
    abstract void onEnded();

    boolean owns(SipRequest request) {
        return dialog != null && dialog.matches(request);
    }

    boolean isOver() {
        return over;
    }

    /** The parsed SDP body of a message, or null when it has none or it does not parse. */
    static SessionDescription sdpOf(SipMessage message) {
        if (message.contentLength() == 0 || message.contentType() == null
                || !message.contentType().toLowerCase(Locale.ROOT).startsWith(SDP)) {
            return null;
        }
        try {
            return SdpParser.lenient().parse(message.bodyBytes());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** RFC 3261 §15.1.2: a BYE ends the call; it is answered 200 even while media is being torn down. */
    void onBye(ServerTransaction transaction, SipRequest bye) {
        if (!dialog.acceptRemoteSeq(bye)) {
            core.respond(transaction, bye, 500, "CSeq Out Of Order");
            return;
        }
        transaction.respond(core.response(bye, 200, null, dialog.localTag()).build());
        end();
    }

    /**
     * A re-INVITE (§14.2): a new offer is answered and RTP follows the new address; without an offer the current
     * description is offered again. Session modification beyond that is not supported.
     */
    void onReInvite(ServerTransaction transaction, SipRequest reInvite) {
        if (!dialog.acceptRemoteSeq(reInvite)) {
            core.respond(transaction, reInvite, 500, "CSeq Out Of Order");
            return;
        }
        dialog.refreshTarget(reInvite);
        SessionDescription offer = sdpOf(reInvite);
        SessionDescription local = offer == null ? media.localDescription() : media.reanswer(offer);
        if (local == null) {
            core.respond(transaction, reInvite, 488, null);
            return;
        }
        if (offer != null) {
            media.start(offer, local);
        }
        transaction.respond(core.response(reInvite, 200, null, dialog.localTag())
                .add("Contact", core.local.contact())
                .body(SDP, local.toBytes()).build());
    }

    /** Sends BYE in the dialog (§15.1.1); the call is over at once, {@code result} gets the BYE's final status. */
    void sendBye(CompletableFuture<Integer> result) {
        SipRequest bye = dialog.request("BYE", dialog.nextLocalSeq())
                .addFirst("Via", core.via())
                .add("User-Agent", core.config.userAgent())
                .build();
        RequestSender.send(core.layer(), bye, core.hopFor(dialog.nextHopUri()),
                response -> UserFutures.complete(result, response.statusCode()));
        end();
    }

    static void cancelTimer(Scheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** The call is over: media stops, futures complete, the UE forgets the call. Idempotent. */
    void end() {
        if (over) {
            return;
        }
        over = true;
        media.close();
        onEnded();
        call.markEnded();
    }
}
