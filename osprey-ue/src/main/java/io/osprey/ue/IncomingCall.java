package io.osprey.ue;

import io.osprey.common.time.Scheduler;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.sdp.SessionDescription;
import io.osprey.sip.transaction.ServerTransaction;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call this UE receives: the UAS side of RFC 3261 §13.3, §9.2 and §15. The {@link AnswerMode} decides between
 * ringing (180 with a To tag, Contact and the Record-Route copied, §12.1.1), answering (200 with the SDP answer, or
 * with an offer when the INVITE had none), and rejecting. The UAS core retransmits its 2xx over UDP until the ACK
 * arrives and sends BYE when none does within 64*T1 (§13.3.1.4). CANCEL before the final response gets 200 and
 * the INVITE 487.
 */
final class IncomingCall extends CallLeg {

    private static final Logger log = LoggerFactory.getLogger(IncomingCall.class);

    private final ServerTransaction transaction;
    private final SipRequest invite;
    private final SessionDescription offer;
    private final String localTag = LocalEndpoint.newTag();
    private boolean finalSent;
    private boolean acked;
    private SipResponse ok;
    private Duration retransmitInterval;
    private Scheduler.Timer ringTimer;
    private Scheduler.Timer retransmitTimer;
    private Scheduler.Timer ackTimer;

    private IncomingCall(UeCore core, Call call, CallMedia media, ServerTransaction transaction, SipRequest invite,
                         SessionDescription offer) {
        super(core, call, media);
        this.transaction = transaction;
        this.invite = invite;
        this.offer = offer;
    }

    /** A new INVITE outside any dialog. */
    static void receive(UeCore core, ServerTransaction transaction, SipRequest invite) {
        SessionDescription offer = null;
        if (invite.contentLength() > 0) {
            offer = sdpOf(invite);
            if (offer == null) {
                transaction.respond(core.response(invite, 415, "Unsupported Media Type or bad SDP",
                        LocalEndpoint.newTag()).add("Accept", SDP).build());
                return;
            }
        }
        CallMedia media;
        try {
            media = CallMedia.open(core.config.localAddress(), core.config.toneHz());
        } catch (IOException e) {
            log.warn("no RTP port for an incoming call: {}", e.getMessage());
            core.respond(transaction, invite, 503, "Service Unavailable (no RTP port)");
            return;
        }
        String callId = invite.callId().value();
        Call call = new Call(core, true, callId, invite.from().uri().toString(), core.nanoTime());
        IncomingCall leg = new IncomingCall(core, call, media, transaction, invite, offer);
        call.attach(leg, media);
        core.incoming.put(callId, leg);
        if (!core.incomingCalls.offer(call)) {
            log.warn("incoming call queue full ({} items); call {} is handled but not queued", UeCore.QUEUE_LIMIT,
                    callId);
        }
        leg.apply(core.answerMode);
    }

    private void apply(AnswerMode mode) {
        switch (mode) {
            case AnswerMode.AutoAnswer auto -> {
                ring();
                ringTimer = core.schedule(auto.ringDelay(), () -> answerNow(null));
            }
            case AnswerMode.Busy busy -> reject(486);
            case AnswerMode.NoAnswer none -> ring();
            case AnswerMode.Reject reject -> reject(reject.code());
        }
    }

    /** A response that creates the dialog on the UAC side: To tag, Contact and the Record-Route (§12.1.1). */
    private SipResponse.Builder dialogResponse(int code) {
        SipResponse.Builder response = core.response(invite, code, null, localTag);
        invite.headers("Record-Route").forEach(route -> response.add("Record-Route", route));
        return response.add("Contact", core.local.contact()).add("Allow", UeCore.ALLOW);
    }

    private void ring() {
        transaction.respond(dialogResponse(180).build());
        call.provisional(core.nanoTime());
    }

    private void answerNow(CompletableFuture<Integer> result) {
        if (finalSent || isOver()) {
            complete(result, 481);
            return;
        }
        SessionDescription local = offer != null ? media.answer(offer) : media.offer();
        if (local == null) {
            reject(488);
            complete(result, 488);
            return;
        }
        dialog = Dialog.asUas(invite, localTag);
        ok = dialogResponse(200).body(SDP, local.toBytes()).build();
        finalSent = true;
        transaction.respond(ok);
        if (offer != null) {
            media.start(offer, local);
        }
        call.answered(core.nanoTime(), 200, ok.reasonPhrase());
        if (!transaction.reliable()) {
            retransmitInterval = core.layer().timers().t1();
            retransmitTimer = core.schedule(retransmitInterval, this::retransmit);
        }
        ackTimer = core.schedule(core.layer().timers().timeout(), this::onNoAck);
        complete(result, 200);
    }

    private static void complete(CompletableFuture<Integer> result, int code) {
        if (result != null) {
            UserFutures.complete(result, code);
        }
    }

    /** §13.3.1.4: the 2xx again after T1, 2*T1, ... capped at T2, until the ACK comes. */
    private void retransmit() {
        if (acked || isOver()) {
            return;
        }
        transaction.respond(ok);
        Duration doubled = retransmitInterval.multipliedBy(2);
        Duration t2 = core.layer().timers().t2();
        retransmitInterval = doubled.compareTo(t2) > 0 ? t2 : doubled;
        retransmitTimer = core.schedule(retransmitInterval, this::retransmit);
    }

    private void onNoAck() {
        if (!acked && !isOver()) {
            log.warn("no ACK for the 2xx of call {} within 64*T1: sending BYE", invite.callId());
            sendBye(new CompletableFuture<>());
        }
    }

    /** The ACK for our 2xx; with a late offer (INVITE without SDP) it carries the answer. */
    void onAck(SipRequest ackRequest) {
        if (dialog == null || !dialog.matches(ackRequest) || acked) {
            return;
        }
        acked = true;
        cancelTimer(retransmitTimer);
        cancelTimer(ackTimer);
        SessionDescription answer = sdpOf(ackRequest);
        if (offer == null && answer != null && !isOver()) {
            media.start(answer, answer);
        }
    }

    private void reject(int code) {
        finalSent = true;
        SipResponse response = core.response(invite, code, null, localTag).build();
        transaction.respond(response);
        call.failed(code, response.reasonPhrase());
        end();
    }

    /** §9.2: 200 for the CANCEL; if the INVITE has no final response yet, 487 for it. */
    void onCancel(ServerTransaction cancelTransaction, SipRequest cancel) {
        cancelTransaction.respond(core.response(cancel, 200, null, localTag).build());
        if (!finalSent) {
            finalSent = true;
            SipResponse terminated = core.response(invite, 487, null, localTag).build();
            transaction.respond(terminated);
            call.failed(487, terminated.reasonPhrase());
            end();
        }
    }

    @Override
    void hangup(CompletableFuture<Integer> result) {
        if (isOver()) {
            UserFutures.complete(result, 481);
        } else if (!finalSent) {
            reject(603);
            UserFutures.complete(result, 603);
        } else {
            sendBye(result);
        }
    }

    @Override
    void answer(CompletableFuture<Integer> result) {
        answerNow(result);
    }

    @Override
    void onEnded() {
        cancelTimer(ringTimer);
        cancelTimer(retransmitTimer);
        cancelTimer(ackTimer);
        core.incoming.remove(invite.callId().value(), this);
    }
}
