package io.osprey.ue;

import io.osprey.media.rtp.RtpStats;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One call leg of a {@link UserEquipment}, outgoing (this UE sent the INVITE) or incoming. Readable from any
 * thread; the actions ({@link #hangup()}, {@link #answer()}) run on the UE's SIP lane and report through futures.
 *
 * <p>Timeline: {@link #ringing()} completes on the first 18x (sent or received), {@link #outcome()} on the final
 * response to the INVITE (sent or received; 2xx means established), {@link #ended()} when the call is over for any
 * reason (BYE either way, CANCEL, failure, timeout). No future hangs: an INVITE without any response ends with a
 * 408 after 64*T1 (timer B), a ringing call is CANCELled after {@link UeConfig#noAnswerTimeout()}.
 */
public final class Call {

    private final UeCore core;
    private final boolean incoming;
    private final String callId;
    private final String remoteUri;
    private final long startNanos;
    private final CompletableFuture<Call> ringing = new CompletableFuture<>();
    private final CompletableFuture<Call> outcome = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile CallLeg leg;
    private volatile CallMedia media;
    private volatile int statusCode;
    private volatile String reason;
    private volatile String warning;
    private volatile long ringingNanos = -1;
    private volatile long answeredNanos = -1;
    private volatile boolean established;

    Call(UeCore core, boolean incoming, String callId, String remoteUri, long startNanos) {
        this.core = core;
        this.incoming = incoming;
        this.callId = callId;
        this.remoteUri = remoteUri;
        this.startNanos = startNanos;
    }

    void attach(CallLeg callLeg, CallMedia callMedia) {
        this.leg = callLeg;
        this.media = callMedia;
    }

    /** The final status of the INVITE (sent or received); 0 while none. */
    public int statusCode() {
        return statusCode;
    }

    /** Its reason phrase; null while none. */
    public String reason() {
        return reason;
    }

    /**
     * The dialog's route set (RFC 3261 §12.1): the proxies that Record-Routed the INVITE, in the order this side's
     * in-dialog requests go through them. Empty before the dialog exists.
     */
    public java.util.List<String> routeSet() {
        CallLeg current = leg;
        Dialog dialog = current == null ? null : current.dialog;
        return dialog == null ? java.util.List.of() : dialog.routeSet();
    }

    /** The Warning (RFC 3261 §20.43) of the failure response to the INVITE, saying why; null when it had none. */
    public String warning() {
        return warning;
    }

    /** INVITE sent (or received) to 2xx; null unless answered. */
    public Duration setupTime() {
        long answered = answeredNanos;
        return answered < 0 ? null : Duration.ofNanos(answered - startNanos);
    }

    /** INVITE sent (or received) to the first 18x; null when there was none. */
    public Duration postDialDelay() {
        long rang = ringingNanos;
        return rang < 0 ? null : Duration.ofNanos(rang - startNanos);
    }

    /**
     * Ends the call: BYE when established, CANCEL while an outgoing call is unanswered (sent once a provisional
     * response has arrived, RFC 3261 §9.1), 603 Decline for an unanswered incoming call. Completes with the final
     * status of that BYE or CANCEL (or 603); with 481 when the call had already ended.
     */
    public CompletableFuture<Integer> hangup() {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        core.onLane(() -> leg.hangup(result), result);
        return result;
    }

    /**
     * Answers an incoming call that is still ringing (for {@link AnswerMode#NO_ANSWER}): 200 with the SDP answer,
     * RTP starts. Completes with the status sent (200, or 488 when no codec matched); with 481 when the call is
     * no longer ringing, and 405 for an outgoing call.
     */
    public CompletableFuture<Integer> answer() {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        core.onLane(() -> leg.answer(result), result);
        return result;
    }

    /** Completes on the first 18x. */
    public CompletableFuture<Call> ringing() {
        return ringing;
    }

    /** Completes with this call once the INVITE has a final response. */
    public CompletableFuture<Call> outcome() {
        return outcome;
    }

    /** Completes when the call is over (remote or local BYE, CANCEL, failure). */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** RTP counters: live while the call runs, final once it ended; zeros when the call had no media. */
    public RtpStats rtpStats() {
        CallMedia m = media;
        return m == null ? CallMedia.none() : m.stats();
    }

    /** Whether the call is answered and not yet over. */
    public boolean isEstablished() {
        return established;
    }

    /** Whether the remote side sent the INVITE. */
    public boolean isIncoming() {
        return incoming;
    }

    public String callId() {
        return callId;
    }

    /** The target this UE called, or the From URI of an incoming call. */
    public String remoteUri() {
        return remoteUri;
    }

    // ---- state changes, on the lane ----

    void provisional(long nanos) {
        if (ringingNanos < 0) {
            ringingNanos = nanos;
            UserFutures.complete(ringing, this);
        }
    }

    void answered(long nanos, int code, String phrase) {
        answeredNanos = nanos;
        statusCode = code;
        reason = phrase;
        established = true;
        UserFutures.complete(outcome, this);
    }

    void failed(int code, String phrase) {
        failed(code, phrase, null);
    }

    void failed(int code, String phrase, String warningText) {
        if (statusCode == 0) {
            statusCode = code;
            reason = phrase;
            warning = warningText;
        }
        UserFutures.complete(outcome, this);
    }

    void markEnded() {
        established = false;
        UserFutures.complete(outcome, this);
        UserFutures.complete(ended, null);
    }

    @Override
    public String toString() {
        return "Call[" + (incoming ? "from " : "to ") + remoteUri + ", " + statusCode + " " + reason
                + (established ? ", established" : "") + ", Call-ID " + callId + "]";
    }
}
