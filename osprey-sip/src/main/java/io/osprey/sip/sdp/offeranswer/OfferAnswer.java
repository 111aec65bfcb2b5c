package io.osprey.sip.sdp.offeranswer;

import io.osprey.sip.sdp.Connection;
import io.osprey.sip.sdp.Direction;
import io.osprey.sip.sdp.MediaDescription;
import io.osprey.sip.sdp.SessionDescription;

/**
 * Rules of the RFC 3264 offer/answer model that apply to both sides: the direction table of §6.1, the o= version
 * rule for later offers (§8), and hold (§8.4).
 */
public final class OfferAnswer {

    private OfferAnswer() {
    }

    /**
     * The direction an answer gives a stream (§6.1): the offer's direction seen from the answerer's side,
     * narrowed to what the answerer wants. sendonly is answered recvonly (or inactive), recvonly sendonly (or
     * inactive), inactive inactive, sendrecv anything.
     */
    public static Direction answerDirection(Direction offered, Direction localPreference) {
        return offered.reverse().intersect(localPreference);
    }

    /**
     * The direction the offerer asks for on {@code media}: its attribute (media level first, then session level),
     * without "receive" when the stream's connection address is the RFC 2543 hold address {@code 0.0.0.0}.
     */
    public static Direction offeredDirection(SessionDescription offer, MediaDescription media) {
        Direction direction = offer.direction(media);
        Connection connection = offer.connection(media);
        return connection != null && connection.isUnspecifiedAddress()
                ? direction.intersect(Direction.SENDONLY) : direction;
    }

    /** Whether {@code media} is on hold: sendonly or inactive, or an RFC 2543 {@code c=0.0.0.0} (§8.4). */
    public static boolean isHold(SessionDescription sdp, MediaDescription media) {
        Direction direction = sdp.direction(media);
        Connection connection = sdp.connection(media);
        return direction == Direction.SENDONLY || direction == Direction.INACTIVE
                || (connection != null && connection.isUnspecifiedAddress());
    }

    /** Whether every stream that is not rejected is on hold (and there is at least one). */
    public static boolean isHold(SessionDescription sdp) {
        boolean anyActive = false;
        for (MediaDescription media : sdp.media()) {
            if (media.isRejected()) {
                continue;
            }
            anyActive = true;
            if (!isHold(sdp, media)) {
                return false;
            }
        }
        return anyActive;
    }

    /**
     * The description to send in a later offer or answer of the same session (§8): {@code updated} under the
     * previous o= line, with the version incremented by one if anything changed, and {@code previous} itself
     * (same version) if nothing did.
     */
    public static SessionDescription nextVersion(SessionDescription previous, SessionDescription updated) {
        SessionDescription underPreviousOrigin = updated.withOrigin(previous.origin());
        if (underPreviousOrigin.equals(previous)) {
            return previous;
        }
        return updated.withOrigin(previous.origin().nextVersion());
    }

    /**
     * A re-offer that puts the session on hold (§8.4): every active stream's direction loses "receive"
     * (sendrecv becomes sendonly, recvonly becomes inactive), and the version is incremented.
     */
    public static SessionDescription hold(SessionDescription previous) {
        SessionDescription.Builder held = previous.toBuilder().clearMedia().clearAttributes();
        previous.attributes().stream().filter(a -> Direction.fromAttributeName(a.name()) == null)
                .forEach(held::attribute);
        for (MediaDescription media : previous.media()) {
            if (media.isRejected()) {
                held.media(media);
                continue;
            }
            Direction direction = previous.direction(media).intersect(Direction.SENDONLY);
            MediaDescription.Builder builder = media.toBuilder().clearAttributes();
            media.attributes().stream().filter(a -> Direction.fromAttributeName(a.name()) == null)
                    .forEach(builder::attribute);
            builder.attribute(direction.toAttribute());
            held.media(builder.build());
        }
        return nextVersion(previous, held.build());
    }
}
