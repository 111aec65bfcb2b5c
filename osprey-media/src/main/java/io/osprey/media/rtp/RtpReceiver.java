package io.osprey.media.rtp;

import io.osprey.media.codec.G711Codec;
import io.osprey.media.tone.FrequencyEstimator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving half of an {@link RtpSession}: a loop on its own virtual thread that reads datagrams until the
 * channel closes, decodes them, keeps RFC 3550 {@link ReceptionStatistics} per SSRC (at most
 * {@link #MAX_SOURCES}; the oldest is folded into totals; the 8 kHz clock of G.711 is assumed) and the last {@link #AUDIO_WINDOW} samples of G.711
 * audio for frequency estimation. Counters are guarded by one lock, held briefly per packet and per snapshot.
 */
final class RtpReceiver implements Runnable {

    /** Sources tracked at once. */
    static final int MAX_SOURCES = 8;
    /** Received samples kept for {@link FrequencyEstimator}: 200 ms at 8 kHz. */
    static final int AUDIO_WINDOW = 1600;
    /** Consecutive receive errors (other than close) after which the loop gives up. */
    private static final int MAX_CONSECUTIVE_ERRORS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(RtpReceiver.class);

    private final DatagramChannel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, ReceptionStatistics> sources = new LinkedHashMap<>();
    private final short[] audio = new short[AUDIO_WINDOW];
    private final short[] frame = new short[RtpPacketCodec.MAX_PACKET_LENGTH];

    private long retiredLost;
    private long packetsReceived;
    private long packetsInvalid;
    private long bytesReceived;
    private double lastJitterMillis;
    private int audioWrite;
    private int audioFilled;

    RtpReceiver(DatagramChannel channel) {
        this.channel = channel;
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocate(RtpPacketCodec.MAX_PACKET_LENGTH + 1);
        int consecutiveErrors = 0;
        while (channel.isOpen()) {
            buffer.clear();
            try {
                if (channel.receive(buffer) == null) {
                    continue;
                }
                consecutiveErrors = 0;
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                if (!channel.isOpen()) {
                    return;
                }
                if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
                    LOG.warn("RTP receive on {} failed {} times in a row, stopping", channel, consecutiveErrors, e);
                    return;
                }
                LOG.debug("RTP receive error on {}", channel, e);
                continue;
            }
            long arrivalNanos = System.nanoTime();
            buffer.flip();
            onDatagram(buffer, arrivalNanos);
        }
    }

    /** Decodes and records one datagram; also the entry point for tests without sockets. */
    void onDatagram(ByteBuffer datagram, long arrivalNanos) {
        RtpPacket packet;
        try {
            packet = RtpPacketCodec.decode(datagram);
        } catch (RtpDecodeException e) {
            lock.lock();
            try {
                packetsInvalid++;
            } finally {
                lock.unlock();
            }
            LOG.debug("dropped datagram: {}", e.getMessage());
            return;
        }
        Optional<G711Codec> codec = G711Codec.forPayloadType(packet.payloadType());
        int samples = 0;
        if (codec.isPresent()) {
            samples = packet.payloadLength();
            codec.get().decode(packet.payload(), 0, samples, frame, 0);
        }
        lock.lock();
        try {
            packetsReceived++;
            bytesReceived += packet.payloadLength();
            ReceptionStatistics statistics = source(packet.ssrc());
            statistics.onPacket(packet.sequenceNumber(), packet.timestamp(), arrivalNanos);
            lastJitterMillis = statistics.jitterMillis();
            for (int i = 0; i < samples; i++) {
                audio[audioWrite] = frame[i];
                audioWrite = (audioWrite + 1) % AUDIO_WINDOW;
            }
            audioFilled = Math.min(AUDIO_WINDOW, audioFilled + samples);
        } finally {
            lock.unlock();
        }
    }

    private ReceptionStatistics source(long ssrc) {
        ReceptionStatistics statistics = sources.get(ssrc);
        if (statistics == null) {
            if (sources.size() == MAX_SOURCES) {
                Iterator<ReceptionStatistics> oldest = sources.values().iterator();
                retiredLost += oldest.next().cumulativeLost();
                oldest.remove();
            }
            statistics = new ReceptionStatistics(G711Codec.SAMPLE_RATE, ReceptionStatistics.MIN_SEQUENTIAL);
            sources.put(ssrc, statistics);
        }
        return statistics;
    }

    long packetsInvalid() {
        lock.lock();
        try {
            return packetsInvalid;
        } finally {
            lock.unlock();
        }
    }

    /** Received-side numbers for {@link RtpStats}; the frequency estimate runs outside the lock. */
    Snapshot snapshot() {
        short[] window;
        Snapshot counters;
        lock.lock();
        try {
            long lost = retiredLost;
            for (ReceptionStatistics statistics : sources.values()) {
                lost += statistics.cumulativeLost();
            }
            window = new short[audioFilled];
            int start = (audioWrite - audioFilled + AUDIO_WINDOW) % AUDIO_WINDOW;
            for (int i = 0; i < audioFilled; i++) {
                window[i] = audio[(start + i) % AUDIO_WINDOW];
            }
            counters = new Snapshot(packetsReceived, lost, lastJitterMillis, bytesReceived, packetsInvalid, 0);
        } finally {
            lock.unlock();
        }
        double frequency = FrequencyEstimator.dominantFrequency(window, 0, window.length, G711Codec.SAMPLE_RATE);
        return new Snapshot(counters.packetsReceived, counters.packetsLost, counters.jitterMillis,
                counters.bytesReceived, counters.packetsInvalid, frequency);
    }

    record Snapshot(long packetsReceived, long packetsLost, double jitterMillis, long bytesReceived,
                    long packetsInvalid, double dominantFrequencyHz) {
    }
}
