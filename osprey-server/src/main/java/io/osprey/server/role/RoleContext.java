package io.osprey.server.role;

import io.netty.channel.EventLoopGroup;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import io.osprey.server.config.OspreyConfig;
import io.osprey.sip.stack.QueueDelay;
import io.osprey.sip.transport.SipTransports;
import java.util.concurrent.TimeUnit;

/**
 * What the roles of one process share: the configuration, one subscriber store (opened on first use), so the
 * HSS and the admin API in an all-in-one process write through one connection pool and one SQLite writer lock,
 * the SIP stacks' overload signal, and the event loops of the core functions behind the P-CSCF.
 */
public final class RoleContext implements AutoCloseable {

    private final OspreyConfig config;
    private final QueueDelay.Shared queueDelay;
    private SubscriberStore store;
    private EventLoopGroup coreEventLoops;

    public RoleContext(OspreyConfig config) {
        this.config = config;
        this.queueDelay = QueueDelay.shared(config.overload().maxQueueDelay());
    }

    public OspreyConfig config() {
        return config;
    }

    /**
     * The queueing-delay overload signal of this process's SIP stacks: they share the CPU, so the P-CSCF refuses
     * new requests when any of them falls behind (decision 0014).
     */
    public QueueDelay.Shared queueDelay() {
        return queueDelay;
    }

    /** The process's subscriber store, opened (and migrated) on first call. */
    public synchronized SubscriberStore store() {
        if (store == null) {
            store = SubscriberStores.open(config.store().toStoreConfig());
        }
        return store;
    }

    /**
     * The event loops that the I-CSCF's and S-CSCF's SIP sockets, their Cx connections and the HSS's Diameter node
     * share in this process, made on first use: a REGISTER's hops between them and their four Cx exchanges then
     * stay on one thread, with no wake-up (decision 0018). As many threads as one function had on its own. The
     * P-CSCF keeps event loops of its own: it reads the UEs' requests and refuses them in overload, and that must
     * not wait behind the core's work.
     */
    public synchronized EventLoopGroup coreEventLoops() {
        if (coreEventLoops == null) {
            coreEventLoops = SipTransports.newEventLoops("core-io", config.sip().ioThreads());
        }
        return coreEventLoops;
    }

    @Override
    public synchronized void close() {
        if (coreEventLoops != null) {
            coreEventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            coreEventLoops = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
