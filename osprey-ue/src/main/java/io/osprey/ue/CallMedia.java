package io.osprey.ue;

import io.osprey.media.rtp.RtpSession;
import io.osprey.media.rtp.RtpStats;
import io.osprey.sip.sdp.Connection;
import io.osprey.sip.sdp.MediaDescription;
import io.osprey.sip.sdp.Origin;
import io.osprey.sip.sdp.RtpMap;
import io.osprey.sip.sdp.SessionDescription;
import io.osprey.sip.sdp.offeranswer.AnswerBuilder;
import io.osprey.sip.sdp.offeranswer.CodecCapability;
import io.osprey.sip.sdp.offeranswer.CodecSelection;
import io.osprey.sip.sdp.offeranswer.LocalCapabilities;
import io.osprey.sip.sdp.offeranswer.MediaCapability;
import io.osprey.sip.sdp.offeranswer.OfferAnswer;
import io.osprey.sip.sdp.offeranswer.OfferBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The media side of one call: an {@link RtpSession} on the UE's address and the SDP that describes it (RFC 3264
 * offer/answer with PCMU 0, PCMA 8 and RFC 4733 telephone-event). Sending starts once both sides' descriptions are
 * known: the remote address from the peer's c=/m= lines, the payload type from the answer's first G.711 format.
 * Signalling state is lane-confined; {@link #stats()} may be read from any thread.
 */
final class CallMedia {

    static final List<CodecCapability> CODECS = List.of(CodecCapability.of("PCMU", 8000),
            CodecCapability.of("PCMA", 8000), CodecCapability.telephoneEvent(8000));
    private static final RtpStats NO_MEDIA = new RtpStats(0, 0, 0, 0, 0, 0);

    private final RtpSession rtp;
    private final double toneHz;
    private final LocalCapabilities capabilities;
    private SessionDescription local;
    private volatile RtpStats finalStats;

    private CallMedia(RtpSession rtp, double toneHz) {
        this.rtp = rtp;
        this.toneHz = toneHz;
        InetSocketAddress address = rtp.localAddress();
        String host = address.getAddress().getHostAddress();
        Origin origin = Origin.of("-", Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)), "1",
                host);
        this.capabilities = new LocalCapabilities(origin,
                List.of(MediaCapability.audio(host, address.getPort(), CODECS).withPtime(20)),
                CodecSelection.FIRST_COMMON);
    }

    /** Opens an RTP port on {@code address} (default range 20000-29998). Blocking I/O: call off the lane. */
    static CallMedia open(InetAddress address, double toneHz) throws IOException {
        return new CallMedia(RtpSession.open(address), toneHz);
    }

    /** An initial offer (RFC 3264 §5) for this session. */
    SessionDescription offer() {
        local = OfferBuilder.offer(capabilities);
        return local;
    }

    /** The answer to {@code offer} (RFC 3264 §6), or null when no audio stream could be accepted. */
    SessionDescription answer(SessionDescription offer) {
        SessionDescription answer = AnswerBuilder.answer(offer, capabilities);
        if (firstActiveAudio(answer) == null) {
            return null;
        }
        local = answer;
        return answer;
    }

    /**
     * The answer to an offer within the session (a re-INVITE, RFC 3264 §8): under the previous o= line, its version
     * raised only when something changed. Null when no audio stream could be accepted.
     */
    SessionDescription reanswer(SessionDescription offer) {
        SessionDescription previous = local;
        SessionDescription answer = answer(offer);
        if (answer != null && previous != null) {
            local = OfferAnswer.nextVersion(previous, answer);
        }
        return answer == null ? null : local;
    }

    /** What this side last offered or answered, for re-INVITE answers (§8: same version when unchanged). */
    SessionDescription localDescription() {
        return local;
    }

    /**
     * Starts sending to the peer. {@code peer} is the remote description, {@code answer} the answer of the exchange
     * (the peer's for an offerer, ours for an answerer), which fixes the payload type. Returns false when there is
     * nothing to send to (rejected stream, hold address, no G.711 format).
     */
    boolean start(SessionDescription peer, SessionDescription answer) {
        if (finalStats != null) {
            return false;
        }
        InetSocketAddress target = sendTarget(peer);
        MediaDescription answered = firstActiveAudio(answer);
        int payloadType = answered == null ? -1 : g711PayloadType(answered);
        if (target == null || payloadType < 0) {
            rtp.stopSending(); // nothing (more) to send to: rejected stream, hold, no G.711
            return false;
        }
        rtp.start(target, payloadType, toneHz);
        return true;
    }

    /** Where the peer receives audio, or null when it does not (no stream, port 0, sendonly/inactive, hold). */
    private static InetSocketAddress sendTarget(SessionDescription peer) {
        MediaDescription audio = firstActiveAudio(peer);
        if (audio == null) {
            return null;
        }
        Connection connection = peer.connection(audio);
        // offeredDirection also treats c=0.0.0.0 (RFC 2543 hold) as a peer that does not receive.
        if (connection == null || !OfferAnswer.offeredDirection(peer, audio).receives()) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(connection.address()), audio.port());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static MediaDescription firstActiveAudio(SessionDescription sdp) {
        if (sdp == null) {
            return null;
        }
        for (MediaDescription media : sdp.media()) {
            if ("audio".equals(media.media()) && !media.isRejected()) {
                return media;
            }
        }
        return null;
    }

    private static int g711PayloadType(MediaDescription media) {
        for (String format : media.formats()) {
            RtpMap map = media.rtpMap(format);
            if (map == null) {
                continue;
            }
            if (map.payloadType() == 0 && map.sameEncoding("PCMU", 8000, 1)) {
                return 0;
            }
            if (map.payloadType() == 8 && map.sameEncoding("PCMA", 8000, 1)) {
                return 8;
            }
        }
        return -1;
    }

    /** The session's counters; the last ones seen once the call ended. */
    RtpStats stats() {
        RtpStats done = finalStats;
        return done != null ? done : rtp.stats();
    }

    /** Stops sending and releases the port; the final counters stay readable. Idempotent. */
    void close() {
        if (finalStats != null) {
            return;
        }
        rtp.stopSending();
        finalStats = rtp.stats();
        // RtpSession.close waits for its receiver thread: keep that wait off the lane.
        Thread.ofVirtual().name("osprey-ue-rtp-close").start(rtp::close);
    }

    /** Statistics of a call that never had media. */
    static RtpStats none() {
        return NO_MEDIA;
    }
}
