package io.osprey.media.rtp;

/**
 * A snapshot of one {@link RtpSession}.
 *
 * @param packetsSent         RTP packets handed to the socket
 * @param packetsReceived     valid RTP packets received, from any source
 * @param packetsLost         cumulative lost over the sources heard, expected minus received per RFC 3550 §6.4.1
 *                            (negative when duplicates outnumber losses)
 * @param jitterMillis        RFC 3550 A.8 interarrival jitter of the most recent source, in milliseconds
 * @param bytesReceived       RTP payload octets received (headers and padding excluded, as in RTCP octet counts)
 * @param dominantFrequencyHz strongest frequency in the last 200 ms of received G.711 audio, 0 if none or silence
 */
public record RtpStats(long packetsSent, long packetsReceived, long packetsLost, double jitterMillis,
                       long bytesReceived, double dominantFrequencyHz) {
}
