package io.osprey.media.rtp;

import io.osprey.media.codec.G711Codec;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTP stream pair (RFC 3550) for one call leg: sends G.711 (PCMU PT 0 or PCMA PT 8) 20 ms packets of a tone,
 * receives and measures. The socket is a {@link DatagramChannel} on an even port (RFC 3550 §11; RTCP is not sent).
 * Receiving runs on a virtual thread from {@link #open} until {@link #close}, so early media is counted too; sending
 * is a fixed-rate 20 ms task on a timer shared by all sessions (or one passed to {@link #open(InetAddress, int, int,
 * ScheduledExecutorService)}). Thread-safe.
 */
public final class RtpSession implements AutoCloseable {

    /** Default port range, even ports only. */
    public static final int DEFAULT_PORT_MIN = 20000;
    public static final int DEFAULT_PORT_MAX = 29998;

    private static final Logger LOG = LoggerFactory.getLogger(RtpSession.class);
    private static final Duration RECEIVER_STOP_TIMEOUT = Duration.ofSeconds(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatagramChannel channel;
    private final InetSocketAddress localAddress;
    private final ScheduledExecutorService timer;
    private final RtpSender sender;
    private final Thread receiverThread;
    private final RtpReceiver receiver;
    private final Object lock = new Object();

    private ScheduledFuture<?> sending;
    private boolean closed;

    private RtpSession(DatagramChannel channel, ScheduledExecutorService timer) throws IOException {
        this.channel = channel;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.timer = timer;
        this.sender = new RtpSender(channel, RANDOM.nextInt() & 0xFFFF_FFFFL, RANDOM.nextInt(),
                RANDOM.nextInt() & 0xFFFF_FFFFL);
        this.receiver = new RtpReceiver(channel);
        this.receiverThread = Thread.ofVirtual().name("osprey-rtp-rx-" + localAddress.getPort()).start(receiver);
    }

    /**
     * Binds an even UDP port on bindAddress (RTP; RTCP not required) in [portMin, portMax]; throws IOException when
     * none is free. Ports are tried from a random even start, wrapping, so concurrent callers rarely collide.
     */
    public static RtpSession open(InetAddress bindAddress, int portMin, int portMax) throws IOException {
        return open(bindAddress, portMin, portMax, SharedTimer.INSTANCE);
    }

    /** {@link #open(InetAddress, int, int)} on the default range 20000-29998. */
    public static RtpSession open(InetAddress bindAddress) throws IOException {
        return open(bindAddress, DEFAULT_PORT_MIN, DEFAULT_PORT_MAX);
    }

    /** As {@link #open(InetAddress, int, int)}, sending on the given timer (which the session does not shut down). */
    public static RtpSession open(InetAddress bindAddress, int portMin, int portMax, ScheduledExecutorService timer)
            throws IOException {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(timer, "timer");
        if (portMin < 1 || portMax > 65535 || portMin > portMax) {
            throw new IllegalArgumentException("port range [" + portMin + ", " + portMax + "] is not within 1..65535");
        }
        int first = portMin + (portMin & 1);
        int count = first > portMax ? 0 : (portMax - first) / 2 + 1;
        int start = count == 0 ? 0 : ThreadLocalRandom.current().nextInt(count);
        IOException last = null;
        for (int i = 0; i < count; i++) {
            int port = first + 2 * ((start + i) % count);
            DatagramChannel channel = DatagramChannel.open();
            try {
                channel.bind(new InetSocketAddress(bindAddress, port));
                return new RtpSession(channel, timer);
            } catch (BindException e) {
                last = e;
                channel.close();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        IOException none = new IOException("no free even UDP port in [" + portMin + ", " + portMax + "] on "
                + bindAddress.getHostAddress());
        if (last != null) {
            none.addSuppressed(last);
        }
        throw none;
    }

    /** The bound address and port. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * Starts sending to remote every 20 ms (payloadType 0 = PCMU, 8 = PCMA) a sine tone of toneHz, and receiving.
     * Idempotent-safe: a second start changes the remote (and payload type and tone) without a second timer; a
     * start after {@link #stopSending()} resumes with the marker bit set.
     *
     * @throws IllegalArgumentException for another payload type, an unresolved remote or a tone outside (0, 4000) Hz
     * @throws IllegalStateException    after {@link #close()}
     */
    public void start(InetSocketAddress remote, int payloadType, double toneHz) {
        Objects.requireNonNull(remote, "remote");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("remote " + remote + " is unresolved");
        }
        G711Codec codec = G711Codec.forPayloadType(payloadType).orElseThrow(() -> new IllegalArgumentException(
                "payload type " + payloadType + " is not G.711 (0 = PCMU, 8 = PCMA)"));
        if (!(toneHz > 0 && toneHz < G711Codec.SAMPLE_RATE / 2.0)) {
            throw new IllegalArgumentException("tone " + toneHz + " Hz is not in (0, 4000) Hz");
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("RTP session on " + localAddress + " is closed");
            }
            sender.target(new RtpSender.Target(remote, codec, toneHz));
            if (sending == null) {
                sender.markTalkspurt();
                sending = timer.scheduleAtFixedRate(sender, 0, RtpSender.PACKET_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Stops sending (receiving continues until close). Harmless when not sending. */
    public void stopSending() {
        synchronized (lock) {
            if (sending != null) {
                sending.cancel(false);
                sending = null;
            }
        }
    }

    /** Counters and the received tone's frequency; estimating the frequency costs a few milliseconds. */
    public RtpStats stats() {
        RtpReceiver.Snapshot received = receiver.snapshot();
        return new RtpStats(sender.packetsSent(), received.packetsReceived(), received.packetsLost(),
                received.jitterMillis(), received.bytesReceived(), received.dominantFrequencyHz());
    }

    /** Sends that failed (logged, counted, never thrown). */
    public long sendErrors() {
        return sender.sendErrors();
    }

    /** Datagrams received that were not valid RTP (RFC 3550 A.1 checks), dropped. */
    public long packetsInvalid() {
        return receiver.packetsInvalid();
    }

    /** Our SSRC, unsigned 32-bit. */
    public long ssrc() {
        return sender.ssrc();
    }

    /** Stops sending, closes the socket and waits briefly for the receiver to end, so the port is free on return. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (sending != null) {
                sending.cancel(false);
                sending = null;
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing RTP socket {} failed", localAddress, e);
        }
        try {
            if (!receiverThread.join(RECEIVER_STOP_TIMEOUT)) {
                LOG.warn("RTP receiver on {} did not stop within {}", localAddress, RECEIVER_STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "RtpSession[" + localAddress + ", ssrc=0x" + Long.toHexString(sender.ssrc()) + "]";
    }

    /** One daemon timer thread for all sessions that bring none; sends are short non-blocking UDP writes. */
    private static final class SharedTimer {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "osprey-rtp-timer");
            thread.setDaemon(true);
            return thread;
        });
    }
}
