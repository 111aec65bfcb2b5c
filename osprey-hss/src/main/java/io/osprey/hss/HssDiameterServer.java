package io.osprey.hss;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.node.UnknownPeerPolicy;
import io.osprey.hss.cx.CxNotifier;
import io.osprey.hss.cx.CxServer;
import io.osprey.hss.cx.CxServerConfig;
import io.osprey.hss.sh.ShNotifier;
import io.osprey.hss.sh.ShServer;
import io.osprey.hss.store.SubscriberStore;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HSS Diameter endpoint: one {@link DiameterNode} named {@code hss.<home domain>} in realm {@code <home
 * domain>}, listening on the configured address (default port 3868), that advertises and serves both Cx
 * (TS 29.229, application 16777216, through {@link CxServer}) and Sh (TS 29.329, application 16777217, through
 * {@link ShServer}) over one subscriber store. Store work runs on virtual threads, never on the node's I/O
 * thread. Accepts any peer that completes capabilities exchange, as an HSS inside one operator network does.
 */
public final class HssDiameterServer implements AutoCloseable {

    /** The Diameter port (RFC 6733 §2.1). */
    public static final int DEFAULT_PORT = 3868;

    private final DiameterNode node;
    private final ExecutorService executor;
    private final CxNotifier cxNotifier;
    private final ShServer sh;

    private HssDiameterServer(DiameterNode node, ExecutorService executor, SubscriberStore store, ShServer sh) {
        this.node = node;
        this.executor = executor;
        this.cxNotifier = new CxNotifier(node, store, executor);
        this.sh = sh;
    }

    /** Starts the node on {@code listen} with Cx policy {@code config}; {@code listen} port 0 picks a free one. */
    public static HssDiameterServer start(CxServerConfig config, InetSocketAddress listen, SubscriberStore store) {
        String realm = config.homeDomain();
        DiameterNode node = new DiameterNode(DiameterNodeConfig.builder("hss." + realm, realm).listen(listen)
                .application(CxDictionary.APPLICATION).application(ShDictionary.APPLICATION)
                .unknownPeers(UnknownPeerPolicy.acceptAny()).product(10415, "Osprey HSS", -1).build());
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        ShServer sh;
        try {
            new CxServer(store, config, node.identity(), executor).registerOn(node);
            sh = ShServer.register(node, store, executor);
            node.start();
        } catch (RuntimeException e) {
            node.close();
            executor.shutdownNow();
            throw e;
        }
        return new HssDiameterServer(node, executor, store, sh);
    }

    /** Starts on all interfaces, port 3868. */
    public static HssDiameterServer start(CxServerConfig config, SubscriberStore store) {
        return start(config, new InetSocketAddress(DEFAULT_PORT), store);
    }

    /** The bound port. */
    public int port() {
        return node.localPort();
    }

    /** The node, e.g. for sending requests of another application. */
    public DiameterNode node() {
        return node;
    }

    /** Sends RTR and PPR (Cx) to S-CSCFs connected to this node. */
    public CxNotifier cxNotifier() {
        return cxNotifier;
    }

    /** Sends PNR (Sh) to the ASs subscribed to changed data. */
    public ShNotifier shNotifier() {
        return sh.notifier();
    }

    @Override
    public void close() {
        node.close();
        executor.shutdown();
    }
}
