package io.osprey.diameter.peer;

import io.osprey.common.time.VirtualScheduler;
import io.osprey.diameter.codec.DiameterDecoder;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.DiameterApplication;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;

/** Peers driven without sockets: fake connections, a recording node, a virtual clock. */
public final class PeerFixtures {

    public static final String LOCAL_HOST = "icscf.ims.test";
    public static final String REALM = "ims.test";
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    /** Tw 30 s without jitter, Tc 30 s up to 240 s, handshake 10 s. */
    public static final PeerTimers TIMERS = new PeerTimers(Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(30),
            Duration.ofSeconds(240), Duration.ofSeconds(10));

    private PeerFixtures() {
    }

    public static LocalCapabilities capabilities(String host, DiameterApplication... apps) {
        return capabilities(host, REALM, apps);
    }

    public static LocalCapabilities capabilities(String host, String realm, DiameterApplication... apps) {
        return new LocalCapabilities(LocalIdentity.of(host, realm, EPOCH), List.of(), 10415, "Osprey test", 7, -1,
                List.of(), List.of(apps), false);
    }

    /** A peer of {@code realm} that connected to us, announced {@code apps} and is open and available. */
    public static Peer openPeer(String host, String realm, DiameterApplication... apps) {
        Peer peer = peer(host, null, new RecordingContext(), new VirtualScheduler());
        FakeConnection connection = new FakeConnection(ConnectionSide.RESPONDER, peer);
        DiameterMessage cer = new BaseMessages(capabilities(host, realm, apps)).cer(loopback());
        peer.incomingCer(connection, cer, PeerCapabilities.of(cer));
        return peer;
    }

    /** A configured peer of {@code realm} that never connected. */
    public static Peer closedPeer(String host, String realm) {
        return peer(host, new PeerConfig(host, realm, "127.0.0.1", 3868), new RecordingContext(), new VirtualScheduler());
    }

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /** A connection that records what is sent and tells its peer when closed. */
    public static final class FakeConnection implements PeerConnection {
        private final ConnectionSide side;
        private final Peer peer;
        public final List<DiameterMessage> sent = new ArrayList<>();
        public boolean closed;

        public FakeConnection(ConnectionSide side, Peer peer) {
            this.side = side;
            this.peer = peer;
        }

        @Override
        public ConnectionSide side() {
            return side;
        }

        @Override
        public void send(DiameterMessage message) {
            if (closed) {
                throw new AssertionError("send on a closed connection: " + message);
            }
            sent.add(message);
        }

        @Override
        public void sendEncoded(byte[] message) {
            send(new DiameterDecoder().decode(message));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                peer.connectionClosed(this);
            }
        }

        @Override
        public InetAddress localAddress() {
            return loopback();
        }

        public DiameterMessage last() {
            return sent.get(sent.size() - 1);
        }
    }

    /** A node that records connects and requests and reroutes as told. */
    public static final class RecordingContext implements PeerContext {
        public final List<Peer> connects = new ArrayList<>();
        public final List<DiameterMessage> requests = new ArrayList<>();
        public final List<PendingRequest> rerouted = new ArrayList<>();
        public BiPredicate<Peer, PendingRequest> rerouteAccepts = (from, request) -> false;

        @Override
        public void connect(Peer peer) {
            connects.add(peer);
        }

        @Override
        public void requestReceived(Peer peer, PeerConnection connection, DiameterMessage request) {
            requests.add(request);
        }

        @Override
        public boolean reroute(Peer from, PendingRequest request) {
            boolean accepted = rerouteAccepts.test(from, request);
            if (accepted) {
                rerouted.add(request);
            }
            return accepted;
        }
    }

    /** A peer of {@link #LOCAL_HOST} (serving Cx) on the given clock, running events on the calling thread. */
    public static Peer peer(String host, PeerConfig config, RecordingContext context, VirtualScheduler clock) {
        PeerEnvironment env = new PeerEnvironment(new BaseMessages(capabilities(LOCAL_HOST, CxDictionary.APPLICATION)),
                TIMERS, 100, new SplittableRandom(3), context);
        return new Peer(host, config != null ? config.realm() : REALM, config, env, Runnable::run, clock);
    }

    /** Drives {@code peer} through an incoming CER to R-Open with {@code apps} announced; returns its connection. */
    public static FakeConnection openByPeer(Peer peer, DiameterApplication... apps) {
        FakeConnection connection = new FakeConnection(ConnectionSide.RESPONDER, peer);
        DiameterMessage cer = new BaseMessages(capabilities(peer.host(), apps)).cer(loopback());
        peer.incomingCer(connection, cer, PeerCapabilities.of(cer));
        return connection;
    }

    /** The CEA {@code remote} answers to the CER on {@code connection}. */
    public static DiameterMessage ceaFor(FakeConnection connection, String remoteHost, DiameterApplication... apps) {
        DiameterMessage cer = connection.sent.get(0);
        return new BaseMessages(capabilities(remoteHost, apps)).cea(cer, ResultCodes.DIAMETER_SUCCESS, loopback(), null);
    }
}
