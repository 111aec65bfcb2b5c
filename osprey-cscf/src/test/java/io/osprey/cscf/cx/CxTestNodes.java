package io.osprey.cscf.cx;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.peer.PeerConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Diameter nodes on loopback for the Cx client tests. */
final class CxTestNodes {

    static final String DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";
    static final String SCSCF_HOST = "scscf." + DOMAIN;
    static final String HSS_HOST = "hss." + DOMAIN;

    private CxTestNodes() {
    }

    /** A started S-CSCF-side node with the Cx application, connected to {@code hssHost} on {@code hssPort}. */
    static DiameterNode connectedClient(String hssHost, int hssPort, Duration requestTimeout) {
        DiameterNode node = new DiameterNode(DiameterNodeConfig.builder(SCSCF_HOST, DOMAIN)
                .application(CxDictionary.APPLICATION).requestTimeout(requestTimeout)
                .peer(new PeerConfig(hssHost, DOMAIN, "127.0.0.1", hssPort)).build());
        node.start();
        awaitOpen(node, hssHost);
        return node;
    }

    /** Waits, at most 10 s, until the connection to {@code peerHost} is open. */
    static void awaitOpen(DiameterNode node, String peerHost) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!node.peer(peerHost).map(p -> p.state().isOpen()).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("connection from " + node.identity() + " to " + peerHost + " did not open");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The value of {@code future}, waiting at most 10 s. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Cx request failed", e);
        }
    }
}
