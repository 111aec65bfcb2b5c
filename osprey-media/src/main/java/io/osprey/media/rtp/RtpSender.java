package io.osprey.media.rtp;

import io.osprey.media.codec.G711Codec;
import io.osprey.media.tone.ToneGenerator;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending half of an {@link RtpSession}: a timer task run every {@link #PACKET_MILLIS} ms that sends one
 * G.711 packet of tone (RFC 3551 §4.5.14: 160 samples, timestamp +160 per packet, marker on the first packet of a
 * talkspurt, §4.1). The SSRC, initial sequence number and initial timestamp are random (RFC 3550 §5.1). A failed
 * send is logged and counted, never thrown: the timer must keep running. Only the timer thread calls
 * {@link #run()}; the target is swapped by {@link #target(Target)} from any thread.
 */
final class RtpSender implements Runnable {

    /** Packetisation time. */
    static final int PACKET_MILLIS = 20;
    /** Samples per packet at 8 kHz. */
    static final int SAMPLES_PER_PACKET = G711Codec.SAMPLE_RATE * PACKET_MILLIS / 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RtpSender.class);

    /** Where and what to send. */
    record Target(InetSocketAddress remote, G711Codec codec, double toneHz) {
    }

    private final DatagramChannel channel;
    private final long ssrc;
    private final short[] pcm = new short[SAMPLES_PER_PACKET];
    private final byte[] payload = new byte[SAMPLES_PER_PACKET];
    private final ByteBuffer buffer = ByteBuffer.allocate(RtpPacket.FIXED_HEADER_LENGTH + SAMPLES_PER_PACKET);
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();

    private volatile Target target;
    private volatile boolean talkspurtStart = true;
    private ToneGenerator generator;
    private int sequenceNumber;
    private long timestamp;

    RtpSender(DatagramChannel channel, long ssrc, int initialSequenceNumber, long initialTimestamp) {
        this.channel = channel;
        this.ssrc = ssrc;
        this.sequenceNumber = initialSequenceNumber & 0xFFFF;
        this.timestamp = initialTimestamp & 0xFFFF_FFFFL;
    }

    void target(Target newTarget) {
        target = newTarget;
    }

    /** The next packet sent opens a talkspurt (marker set). */
    void markTalkspurt() {
        talkspurtStart = true;
    }

    long ssrc() {
        return ssrc;
    }

    long packetsSent() {
        return packetsSent.get();
    }

    long sendErrors() {
        return sendErrors.get();
    }

    @Override
    public void run() {
        Target current = target;
        if (current == null) {
            return;
        }
        try {
            if (generator == null || generator.frequencyHz() != current.toneHz()) {
                generator = new ToneGenerator(current.toneHz());
            }
            generator.fill(pcm, 0, SAMPLES_PER_PACKET);
            current.codec().encode(pcm, 0, SAMPLES_PER_PACKET, payload, 0);
            boolean marker = talkspurtStart;
            RtpPacket packet = RtpPacket.of(marker, current.codec().payloadType(), sequenceNumber, timestamp, ssrc,
                    payload);
            buffer.clear();
            RtpPacketCodec.encode(packet, buffer);
            buffer.flip();
            channel.send(buffer, current.remote());
            packetsSent.incrementAndGet();
            sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
            if (marker) {
                talkspurtStart = false;
            }
        } catch (Exception e) {
            long errors = sendErrors.incrementAndGet();
            if (channel.isOpen() && (errors == 1 || errors % 100 == 0)) {
                LOG.warn("RTP send to {} failed ({} errors so far): {}", current.remote(), errors, e.toString());
            }
        } finally {
            // Media time advances whether or not the packet left, so the receiver's jitter stays meaningful.
            timestamp = (timestamp + SAMPLES_PER_PACKET) & 0xFFFF_FFFFL;
        }
    }
}
