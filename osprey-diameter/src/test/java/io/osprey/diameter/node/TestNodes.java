package io.osprey.diameter.node;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.diameter.peer.PeerState;
import io.osprey.diameter.peer.PeerTimers;
import io.osprey.diameter.peer.WatchdogState;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Node configurations with short timers for loopback tests, and a polling wait. */
final class TestNodes {

    static final String REALM = "ims.test";

    private TestNodes() {
    }

    /** Tw 300 ms without jitter, Tc 200 ms up to 800 ms, handshake 1 s. */
    static PeerTimers fastTimers() {
        return new PeerTimers(Duration.ofMillis(300), Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(800),
                Duration.ofSeconds(1));
    }

    /** A Cx node listening on an ephemeral loopback port. */
    static DiameterNodeConfig.Builder server(String host) {
        return server(host, REALM);
    }

    static DiameterNodeConfig.Builder server(String host, String realm) {
        return DiameterNodeConfig.builder(host, realm).listen(new InetSocketAddress("127.0.0.1", 0))
                .application(CxDictionary.APPLICATION).timers(fastTimers()).requestTimeout(Duration.ofSeconds(2))
                .product(10415, "Osprey test", 1);
    }

    /** A Cx node that connects to {@code peerHost} on {@code port} and listens nowhere. */
    static DiameterNodeConfig.Builder client(String host, String peerHost, int port) {
        return DiameterNodeConfig.builder(host, REALM).application(CxDictionary.APPLICATION).timers(fastTimers())
                .requestTimeout(Duration.ofSeconds(2)).peer(new PeerConfig(peerHost, REALM, "127.0.0.1", port));
    }

    static DiameterMessage uar(LocalIdentity from, String user) {
        return DiameterMessage.request(CxDictionary.USER_AUTHORIZATION, from).destinationRealm(REALM)
                .add(BaseDictionary.USER_NAME, user)
                .add(CxDictionary.PUBLIC_IDENTITY, "sip:" + user)
                .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, REALM)
                .build();
    }

    static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    static void awaitOpen(DiameterNode node, String peerHost) {
        await(peerHost + " open and OKAY at " + node.identity().originHost(), Duration.ofSeconds(5),
                () -> node.peer(peerHost).map(p -> p.state().isOpen() && p.watchdogState() == WatchdogState.OKAY)
                        .orElse(false));
    }

    static PeerState state(DiameterNode node, String peerHost) {
        return node.peer(peerHost).map(p -> p.state()).orElse(PeerState.CLOSED);
    }
}
