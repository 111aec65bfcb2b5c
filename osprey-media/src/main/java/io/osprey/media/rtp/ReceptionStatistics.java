package io.osprey.media.rtp;

/**
 * Reception statistics for one synchronisation source (RFC 3550): sequence number tracking with 16-bit wrap,
 * source validation by probation and restart detection (Appendix A.1), expected and cumulative lost packets
 * (§6.4.1, A.3) and the interarrival jitter estimate J (§6.4.1, A.8). Time comes in as nanoseconds from a
 * monotonic clock and is converted to RTP timestamp units at the source's clock rate.
 *
 * <p>Not thread-safe: one receiver feeds it; readers take a snapshot under the receiver's lock.
 */
public final class ReceptionStatistics {

    /** RFC 3550 A.1: a forward jump up to this many is packet loss, not a restart. */
    public static final int MAX_DROPOUT = 3000;
    /** RFC 3550 A.1: a backward step up to this many is a late or duplicate packet. */
    public static final int MAX_MISORDER = 100;
    /** RFC 3550 A.1 default for {@code minSequential}. */
    public static final int MIN_SEQUENTIAL = 2;

    private static final int SEQ_MOD = 1 << 16;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int clockRate;
    private final int minSequential;

    private boolean sourceSeen;
    private int probation;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq;
    private long received;

    private boolean transitKnown;
    private int transit;
    private double jitter;
    private long firstArrivalNanos;
    private boolean arrivalOriginSet;

    /**
     * @param clockRate     RTP timestamp units per second (8000 for G.711)
     * @param minSequential in-order packets needed before a new source counts (A.1 probation); 0 counts the first
     *                      packet at once
     */
    public ReceptionStatistics(int clockRate, int minSequential) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate + " must be positive");
        }
        if (minSequential < 0) {
            throw new IllegalArgumentException("minSequential " + minSequential + " must not be negative");
        }
        this.clockRate = clockRate;
        this.minSequential = minSequential;
    }

    /**
     * Records one packet of this source that arrived at {@code arrivalNanos}.
     *
     * @return whether the packet counts (false while on probation and for a large jump that may be a restart)
     */
    public boolean onPacket(int sequenceNumber, long rtpTimestamp, long arrivalNanos) {
        int seq = sequenceNumber & 0xFFFF;
        if (!sourceSeen) {
            sourceSeen = true;
            if (minSequential == 0) {
                initSequence(seq);
                return count(rtpTimestamp, arrivalNanos);
            }
            maxSeq = (seq - 1) & 0xFFFF;
            probation = minSequential;
        }
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    initSequence(seq);
                    return count(rtpTimestamp, arrivalNanos);
                }
            } else {
                probation = minSequential - 1;
                maxSeq = seq;
            }
            return false;
        }
        int delta = (seq - maxSeq) & 0xFFFF;
        if (delta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            if (seq == badSeq) {
                // Two sequential packets after a big jump: the source restarted without telling us.
                initSequence(seq);
            } else {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
        }
        // Otherwise a duplicate or a packet late by up to MAX_MISORDER: counted, maxSeq unchanged.
        return count(rtpTimestamp, arrivalNanos);
    }

    private void initSequence(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        transitKnown = false;
    }

    private boolean count(long rtpTimestamp, long arrivalNanos) {
        received++;
        updateJitter(rtpTimestamp, arrivalNanos);
        return true;
    }

    /** RFC 3550 A.8, with 32-bit wrapping arithmetic on the transit times. */
    private void updateJitter(long rtpTimestamp, long arrivalNanos) {
        if (!arrivalOriginSet) {
            firstArrivalNanos = arrivalNanos;
            arrivalOriginSet = true;
        }
        long elapsed = arrivalNanos - firstArrivalNanos;
        long arrivalUnits = Math.floorDiv(elapsed, NANOS_PER_SECOND) * clockRate
                + Math.floorMod(elapsed, NANOS_PER_SECOND) * clockRate / NANOS_PER_SECOND;
        int newTransit = (int) arrivalUnits - (int) rtpTimestamp;
        if (transitKnown) {
            int d = Math.abs(newTransit - transit);
            jitter += (d - jitter) / 16.0;
        }
        transit = newTransit;
        transitKnown = true;
    }

    /** Packets counted since the source was validated or last restarted (duplicates included, per A.3). */
    public long received() {
        return received;
    }

    /** Whether the source has passed probation (always, after its first packet, when {@code minSequential} is 0). */
    public boolean isValid() {
        return sourceSeen && probation == 0;
    }

    /** The first counted sequence number. */
    public int baseSequence() {
        return baseSeq;
    }

    /** Highest sequence number seen, extended by 2^16 per wrap (§6.4.1). */
    public long extendedHighestSequence() {
        return isValid() ? cycles + maxSeq : 0;
    }

    /** Packets expected: extended highest minus base, plus one (A.3); 0 before the source is valid. */
    public long expected() {
        return isValid() ? extendedHighestSequence() - baseSeq + 1 : 0;
    }

    /** Cumulative packets lost, expected minus received (§6.4.1); negative when duplicates arrived. */
    public long cumulativeLost() {
        return expected() - received;
    }

    /** Interarrival jitter J in timestamp units. */
    public double jitter() {
        return jitter;
    }

    /** Interarrival jitter in milliseconds at this source's clock rate. */
    public double jitterMillis() {
        return jitter * 1000.0 / clockRate;
    }

    public int clockRate() {
        return clockRate;
    }
}
