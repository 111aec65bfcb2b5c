package io.osprey.cscf;

import io.netty.channel.EventLoopGroup;
import io.osprey.sip.proxy.LocalAddresses;
import io.osprey.sip.proxy.NextHops;
import io.osprey.sip.proxy.ProxyPolicy;
import io.osprey.sip.proxy.ProxySettings;
import io.osprey.sip.proxy.StatefulProxy;
import io.osprey.sip.stack.SipStack;
import io.osprey.sip.stack.SipStackSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CSCF on the wire: a SIP stack, the stateful proxy core with the CSCF's {@link ProxyPolicy} on top, and a
 * housekeeping tick (registration expiry) once a second. P-, I- and S-CSCF differ only in their policy, so the
 * all-in-one core and a function-per-process deployment run the same code. The policy's pending decisions (those
 * waiting on Diameter) are bounded ({@link PendingLimit}): past the bound new requests get 503 with Retry-After.
 */
public final class CscfNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CscfNode.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    /**
     * Default bound on decisions waiting for the HSS: with an HSS answering in a few milliseconds a node holds a
     * handful; hundreds mean the HSS lags, and more would only wait longer than UEs will.
     */
    public static final int DEFAULT_MAX_PENDING_DECISIONS = 512;

    private final String name;
    private final SipStack stack;
    private final StatefulProxy proxy;
    private final PendingLimit limit;
    private final ScheduledExecutorService housekeeping;

    private CscfNode(String name, SipStack stack, StatefulProxy proxy, PendingLimit limit,
                     ScheduledExecutorService housekeeping) {
        this.name = name;
        this.stack = stack;
        this.proxy = proxy;
        this.limit = limit;
        this.housekeeping = housekeeping;
    }

    /**
     * Binds the listeners and starts serving.
     *
     * @param periodic run once a second off the SIP lanes (expiry sweeps); must not block for long
     */
    public static CscfNode start(String name, SipStackSettings settings, LocalAddresses local, NextHops nextHops,
                                 ProxyPolicy policy, boolean recordRoute, Runnable periodic)
            throws IOException, InterruptedException {
        return start(name, settings, Set.of(), local, nextHops, policy, recordRoute, periodic);
    }

    /**
     * As {@link #start(String, SipStackSettings, LocalAddresses, NextHops, ProxyPolicy, boolean, Runnable)}, with
     * the Proxy-Require option tags this node supports (a P-CSCF with security agreement: {@code sec-agree}).
     */
    public static CscfNode start(String name, SipStackSettings settings, Set<String> proxyRequireTags,
                                 LocalAddresses local, NextHops nextHops, ProxyPolicy policy, boolean recordRoute,
                                 Runnable periodic) throws IOException, InterruptedException {
        return start(name, settings, proxyRequireTags, local, nextHops, policy, recordRoute, periodic,
                DEFAULT_MAX_PENDING_DECISIONS);
    }

    /**
     * As {@link #start(String, SipStackSettings, Set, LocalAddresses, NextHops, ProxyPolicy, boolean, Runnable)},
     * with the most routing decisions that may wait on Diameter at once; new requests past it get 503 with the
     * stack's Retry-After.
     */
    public static CscfNode start(String name, SipStackSettings settings, Set<String> proxyRequireTags,
                                 LocalAddresses local, NextHops nextHops, ProxyPolicy policy, boolean recordRoute,
                                 Runnable periodic, int maxPendingDecisions) throws IOException, InterruptedException {
        return start(name, settings, proxyRequireTags, local, nextHops, policy, recordRoute, periodic,
                maxPendingDecisions, null);
    }

    /**
     * As {@link #start(String, SipStackSettings, Set, LocalAddresses, NextHops, ProxyPolicy, boolean, Runnable,
     * int)}, with the SIP stack on {@code eventLoops}, which the caller shuts down after closing this node (null:
     * the stack's own).
     */
    public static CscfNode start(String name, SipStackSettings settings, Set<String> proxyRequireTags,
                                 LocalAddresses local, NextHops nextHops, ProxyPolicy policy, boolean recordRoute,
                                 Runnable periodic, int maxPendingDecisions, EventLoopGroup eventLoops)
            throws IOException, InterruptedException {
        PendingLimit limit = new PendingLimit(policy, maxPendingDecisions, local.advertisedHost(),
                settings.retryAfter());
        SipStack stack = new SipStack(settings, proxyRequireTags, eventLoops);
        StatefulProxy proxy = new StatefulProxy(new ProxySettings(recordRoute), local, limit, nextHops,
                stack.sender());
        try {
            proxy.bind(stack.start(proxy));
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                periodic.run();
            } catch (RuntimeException e) {
                LOG.warn("{} housekeeping failed", name, e);
            }
        }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        return new CscfNode(name, stack, proxy, limit, housekeeping);
    }

    public String name() {
        return name;
    }

    public SipStack stack() {
        return stack;
    }

    public StatefulProxy proxy() {
        return proxy;
    }

    /** Routing decisions waiting on Diameter now. */
    public int pendingDecisions() {
        return limit.pending();
    }

    /** New requests answered 503 so far because too many decisions were pending. */
    public long pendingLimitRejections() {
        return limit.rejected();
    }

    /**
     * Stops taking new requests (503 with Retry-After) and waits up to {@code limit} for transactions in progress to
     * get their final responses, so a Ctrl-C does not cut calls being set up.
     */
    public void drain(Duration limit) {
        try {
            if (!stack.drain(limit)) {
                LOG.info("{}: {} transaction(s) still open after {}", name, stack.transactions().unfinished(), limit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        stack.close();
    }
}
