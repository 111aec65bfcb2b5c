package io.osprey.cscf.regevent;

import java.util.List;

/**
 * One subscription to the reg event of a registration (RFC 3680, RFC 6665 §4.2 notifier side): the dialog the
 * NOTIFYs travel in and the numbers that must grow with each (CSeq, RFC 3261 §12.2.1.1; reginfo version,
 * RFC 3680 §5.4). Mutated only under its own lock.
 *
 * @param impu         the watched public identity, canonical
 * @param callId       the dialog's Call-ID
 * @param localTag     our tag: the To tag of the 200, the From tag of NOTIFYs
 * @param remoteTag    the subscriber's From tag
 * @param watched      the watched identity as the subscriber wrote it (From of NOTIFY)
 * @param subscriber   the subscriber's URI (To of NOTIFY)
 * @param remoteTarget the subscriber's Contact
 * @param routeSet     the Record-Route of the SUBSCRIBE, in order (the UAS route set, RFC 3261 §12.1.1)
 */
public final class RegSubscription {

    final String impu;
    final String callId;
    final String localTag;
    final String remoteTag;
    final String watched;
    final String subscriber;
    final String remoteTarget;
    final List<String> routeSet;
    private long cseq;
    private long version;
    private long expiresAtMillis;

    RegSubscription(String impu, String callId, String localTag, String remoteTag, String watched, String subscriber,
                    String remoteTarget, List<String> routeSet, long expiresAtMillis) {
        this.impu = impu;
        this.callId = callId;
        this.localTag = localTag;
        this.remoteTag = remoteTag;
        this.watched = watched;
        this.subscriber = subscriber;
        this.remoteTarget = remoteTarget;
        this.routeSet = List.copyOf(routeSet);
        this.expiresAtMillis = expiresAtMillis;
    }

    /** A subscription read back from a snapshot, its CSeq and reginfo version where they were. */
    RegSubscription(String impu, String callId, String localTag, String remoteTag, String watched, String subscriber,
                    String remoteTarget, List<String> routeSet, long expiresAtMillis, long cseq, long version) {
        this(impu, callId, localTag, remoteTag, watched, subscriber, remoteTarget, routeSet, expiresAtMillis);
        this.cseq = cseq;
        this.version = version;
    }

    synchronized long cseq() {
        return cseq;
    }

    synchronized long version() {
        return version;
    }

    synchronized long nextCseq() {
        return ++cseq;
    }

    synchronized long nextVersion() {
        return version++;
    }

    synchronized long expiresAtMillis() {
        return expiresAtMillis;
    }

    synchronized void refresh(long newExpiresAtMillis) {
        expiresAtMillis = newExpiresAtMillis;
    }

    /** Whether a request belongs to this dialog (RFC 3261 §12: Call-ID and both tags). */
    boolean matches(String otherCallId, String fromTag, String toTag) {
        return callId.equals(otherCallId) && remoteTag.equals(fromTag) && localTag.equals(toTag);
    }

    public String impu() {
        return impu;
    }
}
