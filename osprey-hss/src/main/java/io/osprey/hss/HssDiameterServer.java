package io.osprey.hss;

import io.netty.channel.EventLoopGroup;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.node.UnknownPeerPolicy;
import io.osprey.hss.cx.CxNotifier;
import io.osprey.hss.cx.CxServer;
import io.osprey.hss.cx.CxServerConfig;
import io.osprey.hss.cx.RegistrationListener;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.sh.ShNotifier;
import io.osprey.hss.sh.ShServer;
import io.osprey.hss.store.SubscriberStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HSS Diameter endpoint: one {@link DiameterNode} named {@code hss.<home domain>} in realm {@code <home
 * domain>}, listening on the configured address (default port 3868), that advertises and serves both Cx
 * (TS 29.229, application 16777216, through {@link CxServer}) and Sh (TS 29.329, application 16777217, through
 * {@link ShServer}) over one subscriber store. Store work runs on virtual threads, never on the node's I/O
 * thread, for at most {@code maxOutstandingRequests} requests at once ({@link AdmissionControl}). Cx
 * registration changes are pushed to subscribed ASs over Sh (PNR). Accepts any peer that completes
 * capabilities exchange, as an HSS inside one operator network does.
 */
public final class HssDiameterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HssDiameterServer.class);

    /** The Diameter port (RFC 6733 §2.1). */
    public static final int DEFAULT_PORT = 3868;
    /** Default bound on the Cx and Sh requests served at once; past it requests get DIAMETER_TOO_BUSY. */
    public static final int DEFAULT_MAX_OUTSTANDING_REQUESTS = 1024;

    private final DiameterNode node;
    private final ExecutorService executor;
    private final CxNotifier cxNotifier;
    private final ShServer sh;
    private final AdmissionControl admission;
    private final CxServer cx;

    private HssDiameterServer(DiameterNode node, ExecutorService executor, CxNotifier cxNotifier, ShServer sh,
                              AdmissionControl admission, CxServer cx) {
        this.node = node;
        this.cx = cx;
        this.executor = executor;
        this.cxNotifier = cxNotifier;
        this.sh = sh;
        this.admission = admission;
    }

    /** Starts the node on {@code listen} with Cx policy {@code config}; {@code listen} port 0 picks a free one. */
    public static HssDiameterServer start(CxServerConfig config, InetSocketAddress listen, SubscriberStore store) {
        return start(config, listen, store, DEFAULT_MAX_OUTSTANDING_REQUESTS);
    }

    /**
     * As {@link #start(CxServerConfig, InetSocketAddress, SubscriberStore)}, serving at most
     * {@code maxOutstandingRequests} Cx and Sh requests at once (at least 1); each request past that is answered
     * DIAMETER_TOO_BUSY at once.
     */
    public static HssDiameterServer start(CxServerConfig config, InetSocketAddress listen, SubscriberStore store,
                                          int maxOutstandingRequests) {
        return start(config, listen, store, maxOutstandingRequests, null);
    }

    /**
     * As {@link #start(CxServerConfig, InetSocketAddress, SubscriberStore, int)}, with the Diameter node on
     * {@code eventLoops}, which the caller shuts down after closing this server (null: the node's own). An
     * all-in-one process passes the event loops of its I- and S-CSCF, so that a Cx request and its answer do not
     * wake another thread (decision 0018).
     */
    public static HssDiameterServer start(CxServerConfig config, InetSocketAddress listen, SubscriberStore store,
                                          int maxOutstandingRequests, EventLoopGroup eventLoops) {
        if (maxOutstandingRequests < 1) {
            throw new IllegalArgumentException("maxOutstandingRequests must be at least 1, was "
                    + maxOutstandingRequests);
        }
        String realm = config.homeDomain();
        DiameterNode node = new DiameterNode(DiameterNodeConfig.builder("hss." + realm, realm).listen(listen)
                .application(CxDictionary.APPLICATION).application(ShDictionary.APPLICATION)
                .unknownPeers(UnknownPeerPolicy.acceptAny()).product(10415, "Osprey HSS", -1).build(), eventLoops);
        AdmissionControl admission = new AdmissionControl(maxOutstandingRequests, node.identity());
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            ShServer sh = ShServer.register(node, store, executor, Clock.systemUTC(), admission::admit);
            // TS 29.328 §6.1.4: a Cx change of IMS user state or S-CSCF name is pushed to the subscribed ASs
            RegistrationListener toSh = changed -> changed.forEach(
                    registration -> sh.notifier().registrationChanged(registration.impu().uri()));
            CxNotifier cxNotifier = new CxNotifier(node, store, executor, toSh);
            CxServer cx = new CxServer(store, config, node.identity(), executor, toSh,
                    (impi, impus, previous) -> tellPreviousScscf(cxNotifier, impi, impus, previous));
            cx.registerOn(node, admission::admit);
            node.start();
            return new HssDiameterServer(node, executor, cxNotifier, sh, admission, cx);
        } catch (RuntimeException e) {
            node.close();
            executor.shutdownNow();
            throw e;
        }
    }

    /**
     * TS 29.228 §6.1.3: the S-CSCF a MAR took users from is sent an RTR with NEW_SERVER_ASSIGNED. It is often the
     * S-CSCF that stopped answering, so an RTR that gets no answer is only logged: the stale registrations it keeps
     * expire there, and the deregistration SARs they end with leave the new S-CSCF's assignment alone.
     */
    private static void tellPreviousScscf(CxNotifier notifier, Impi impi, List<Impu> impus, String previous) {
        notifier.newServerAssigned(previous, impi, impus).whenComplete((answer, failure) -> {
            if (failure != null) {
                LOG.info("RTR NEW_SERVER_ASSIGNED for {} to {} not answered: {}", impus, previous,
                        failure.toString());
            } else if (!answer.result().map(result -> result.isSuccess()).orElse(false)) {
                LOG.info("RTR NEW_SERVER_ASSIGNED for {} to {} answered {}", impus, previous,
                        answer.result().map(Object::toString).orElse("without a result"));
            }
        });
    }

    /** Starts on all interfaces, port 3868. */
    public static HssDiameterServer start(CxServerConfig config, SubscriberStore store) {
        return start(config, new InetSocketAddress(DEFAULT_PORT), store);
    }

    /** Cx and Sh requests being served now. */
    public int outstandingRequests() {
        return admission.outstanding();
    }

    /** Cx requests answered on the Diameter event loop from what the store holds in memory (decision 0017). */
    public long cxAnsweredFromMemory() {
        return cx.answeredFromMemory();
    }

    /** Requests answered DIAMETER_TOO_BUSY because {@code maxOutstandingRequests} were being served. */
    public long refusedRequests() {
        return admission.refused();
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
