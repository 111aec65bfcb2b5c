package io.osprey.ue;

import io.osprey.common.time.Scheduler;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.sdp.SessionDescription;
import io.osprey.sip.transaction.ClientTransaction;
import io.osprey.sip.transaction.ClientTransactionListener;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.uri.Uri;
import java.util.concurrent.CompletableFuture;

/**
 * A call this UE places: the UAC side of RFC 3261 §13.2 and §9.1. The INVITE carries an SDP offer and goes to the
 * P-CSCF with the Service-Route preloaded; 18x marks the post-dial delay; the first 2xx confirms the dialog, is
 * ACKed (§13.2.2.4) and starts RTP toward the answer; a 2xx from another fork is ACKed and released with BYE;
 * 300-699 end the call (the transaction ACKs them). {@link #hangup} CANCELs until answered, once a provisional
 * has arrived; the INVITE is abandoned 64*T1 after a CANCEL that brought no final response.
 */
final class OutgoingCall extends CallLeg implements ClientTransactionListener {

    private final SipRequest invite;
    private final Hop hop;
    private ClientTransaction transaction;
    private boolean provisionalSeen;
    private boolean finalSeen;
    private boolean cancelWanted;
    private boolean cancelSent;
    private CompletableFuture<Integer> cancelResult;
    private SipRequest ack;
    private Scheduler.Timer noAnswerTimer;
    private Scheduler.Timer giveUpTimer;

    private OutgoingCall(UeCore core, Call call, CallMedia media, SipRequest invite) {
        super(core, call, media);
        this.invite = invite;
        this.hop = core.outboundHop();
    }

    /** Prepares the call and its INVITE; nothing is sent until {@link #start()} runs on the lane. */
    static OutgoingCall prepare(UeCore core, Uri target, CallMedia media) {
        String callId = core.local.newCallId();
        SipRequest invite = core.outOfDialog("INVITE", target,
                        "<" + core.config.impu() + ">;tag=" + LocalEndpoint.newTag(), "<" + target + ">", callId, 1,
                        true)
                .add("Contact", core.local.contact())
                .add("Allow", UeCore.ALLOW)
                .body(SDP, media.offer().toBytes())
                .build();
        Call call = new Call(core, false, callId, target.toString(), core.nanoTime());
        OutgoingCall leg = new OutgoingCall(core, call, media, invite);
        call.attach(leg, media);
        return leg;
    }

    Call call() {
        return call;
    }

    /** Sends the INVITE; on the lane. */
    void start() {
        core.outgoing.put(invite.callId().value(), this);
        transaction = core.layer().sendRequest(invite, hop, this);
        noAnswerTimer = core.schedule(core.config.noAnswerTimeout(), this::onNoAnswer);
    }

    @Override
    public void onResponse(ClientTransaction tx, SipResponse response) {
        int code = response.statusCode();
        if (isOver() && code < 200) {
            return;
        }
        if (code < 200) {
            if (code > 100) {
                call.provisional(core.nanoTime());
            }
            provisionalSeen = true;
            if (cancelWanted && !cancelSent) {
                sendCancel();
            }
        } else if (code < 300) {
            on2xx(response);
        } else if (!finalSeen) {
            finalSeen = true;
            call.failed(code, response.reasonPhrase(), response.header("Warning"));
            end();
        }
    }

    private void on2xx(SipResponse response) {
        if (dialog == null) {
            finalSeen = true;
            dialog = Dialog.asUac(invite, response);
            sendAck();
            call.answered(core.nanoTime(), response.statusCode(), response.reasonPhrase());
            if (cancelWanted) {
                sendBye(new CompletableFuture<>()); // §9.1: the 2xx crossed our CANCEL; the call ends with BYE
                return;
            }
            SessionDescription answer = sdpOf(response);
            if (answer != null) {
                media.start(answer, answer);
            }
        } else if (sameDialog(response)) {
            resendAck();
        } else {
            // §13.2.2.4: a 2xx from another fork creates a second dialog, which this UE does not want.
            Dialog fork = Dialog.asUac(invite, response);
            core.layer().sendAck(ackFor(fork), core.hopFor(fork.nextHopUri()));
            SipRequest bye = fork.request("BYE", fork.nextLocalSeq()).addFirst("Via", core.via()).build();
            RequestSender.send(core.layer(), bye, core.hopFor(fork.nextHopUri()), r -> { });
        }
    }

    /** A 2xx retransmission after the INVITE transaction ended (RFC 6026 §8.4): our ACK was lost. */
    void onLate2xx(SipResponse response) {
        if (dialog != null && sameDialog(response)) {
            resendAck();
        }
    }

    private boolean sameDialog(SipResponse response) {
        String tag = response.to().tag();
        return tag != null && tag.equals(dialog.remoteTag());
    }

    private void sendAck() {
        ack = ackFor(dialog);
        resendAck();
    }

    private void resendAck() {
        if (ack != null) {
            core.layer().sendAck(ack, core.hopFor(dialog.nextHopUri()));
        }
    }

    /** The ACK for a 2xx (§13.2.2.4): in the dialog, with the INVITE's CSeq number. */
    private SipRequest ackFor(Dialog target) {
        return target.request("ACK", invite.cseq().number())
                .addFirst("Via", core.via())
                .add("User-Agent", core.config.userAgent())
                .build();
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        call.failed(408, "Request Timeout (no response to INVITE, timer B)");
        end();
    }

    @Override
    public void onTransportError(ClientTransaction tx, Throwable cause) {
        call.failed(503, "Service Unavailable (transport error: " + RequestSender.oneLine(cause) + ")");
        end();
    }

    @Override
    void hangup(CompletableFuture<Integer> result) {
        if (isOver()) {
            UserFutures.complete(result, 481);
        } else if (dialog != null) {
            sendBye(result);
        } else if (cancelWanted) {
            cancelResult.whenComplete((code, error) -> UserFutures.complete(result, code == null ? 481 : code));
        } else {
            cancelWanted = true;
            cancelResult = result;
            if (provisionalSeen) {
                sendCancel();
            }
        }
    }

    private void onNoAnswer() {
        if (!finalSeen && !isOver() && !cancelWanted) {
            cancelWanted = true;
            cancelResult = new CompletableFuture<>();
            if (provisionalSeen) {
                sendCancel();
            }
        }
    }

    /** §9.1: CANCEL with the INVITE's Request-URI, top Via, Route, From, To, Call-ID and CSeq number. */
    private void sendCancel() {
        cancelSent = true;
        SipRequest.Builder cancel = SipRequest.builder("CANCEL", invite.requestUri())
                .add("Via", invite.header("Via"))
                .add("Max-Forwards", "70");
        invite.headers("Route").forEach(route -> cancel.add("Route", route));
        cancel.add("From", invite.header("From"))
                .add("To", invite.header("To"))
                .add("Call-ID", invite.header("Call-ID"))
                .add("CSeq", invite.cseq().number() + " CANCEL")
                .add("User-Agent", core.config.userAgent());
        CompletableFuture<Integer> result = cancelResult;
        RequestSender.send(core.layer(), cancel.build(), hop,
                response -> UserFutures.complete(result, response.statusCode()));
        giveUpTimer = core.schedule(core.layer().timers().timeout(), () -> {
            if (!finalSeen && !isOver()) {
                transaction.abandon();
                call.failed(408, "Request Timeout (no final response after CANCEL)");
                end();
            }
        });
    }

    @Override
    void onEnded() {
        cancelTimer(noAnswerTimer);
        cancelTimer(giveUpTimer);
        core.outgoing.remove(invite.callId().value(), this);
        if (cancelResult != null && !cancelSent) {
            UserFutures.complete(cancelResult, 481);
        }
    }
}
