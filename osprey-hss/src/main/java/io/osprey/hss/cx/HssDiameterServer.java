package io.osprey.hss.cx;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.node.UnknownPeerPolicy;
import io.osprey.hss.store.SubscriberStore;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HSS Diameter endpoint: a {@link DiameterNode} named {@code hss.<home domain>} in realm {@code <home
 * domain>}, listening on the configured address (default port 3868), serving Cx through {@link CxServer} with
 * store work on virtual threads. Accepts any peer that completes capabilities exchange, as an HSS inside one
 * operator network does.
 */
public final class HssDiameterServer implements AutoCloseable {

    /** The Diameter port (RFC 6733 §2.1). */
    public static final int DEFAULT_PORT = 3868;

    private final DiameterNode node;
    private final ExecutorService executor;
    private final CxNotifier notifier;

    private HssDiameterServer(DiameterNode node, ExecutorService executor, SubscriberStore store) {
        this.node = node;
        this.executor = executor;
        this.notifier = new CxNotifier(node, store, executor);
    }

    /** Starts the node on {@code listen} with Cx policy {@code config}; {@code listen} port 0 picks a free one. */
    public static HssDiameterServer start(CxServerConfig config, InetSocketAddress listen, SubscriberStore store) {
        String realm = config.homeDomain();
        DiameterNode node = new DiameterNode(DiameterNodeConfig.builder("hss." + realm, realm).listen(listen)
                .application(CxDictionary.APPLICATION).unknownPeers(UnknownPeerPolicy.acceptAny())
                .product(10415, "Osprey HSS", -1).build());
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        new CxServer(store, config, node.identity(), executor).registerOn(node);
        try {
            node.start();
        } catch (RuntimeException e) {
            node.close();
            executor.shutdownNow();
            throw e;
        }
        return new HssDiameterServer(node, executor, store);
    }

    /** Starts on all interfaces, port 3868. */
    public static HssDiameterServer start(CxServerConfig config, SubscriberStore store) {
        return start(config, new InetSocketAddress(DEFAULT_PORT), store);
    }

    /** The bound port. */
    public int port() {
        return node.localPort();
    }

    /** The node, e.g. for registering Sh next to Cx or for sending RTR/PPR. */
    public DiameterNode node() {
        return node;
    }

    /** Sends RTR and PPR to S-CSCFs connected to this node. */
    public CxNotifier notifier() {
        return notifier;
    }

    @Override
    public void close() {
        node.close();
        executor.shutdown();
    }
}
