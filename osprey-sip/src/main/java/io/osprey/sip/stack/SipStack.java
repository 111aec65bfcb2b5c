package io.osprey.sip.stack;

import io.netty.channel.EventLoopGroup;
import io.osprey.common.lane.Lanes;
import io.osprey.common.time.SystemScheduler;
import io.osprey.sip.codec.SipRejection;
import io.osprey.sip.codec.SipRequestValidator;
import io.osprey.sip.message.CallId;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipMethod;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transaction.LaneDispatcher;
import io.osprey.sip.transaction.TransactionLayer;
import io.osprey.sip.transaction.TransactionUser;
import io.osprey.sip.transport.InboundMessage;
import io.osprey.sip.transport.MessageSender;
import io.osprey.sip.transport.SipTransports;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SIP element's stack: transports (Netty I/O threads), lanes keyed by Call-ID, a timer thread, and the
 * transaction layer with its user on top.
 *
 * <pre>
 *   Netty event loop: datagram/stream → decode → overload check → lane of Call-ID
 *   lane:             validate (RFC 3261 §8.2, §16.3) → transaction layer (§17) → transaction user
 * </pre>
 *
 * Overload control: when the fullest lane is past the configured ratio, or a lane's queue is full, a new request
 * (not ACK, not CANCEL, not in a dialog) is answered with 503 and Retry-After from the I/O thread, while requests
 * within dialogs and responses keep flowing so calls in progress complete.
 *
 * <p>While an I/O thread has time to spare ({@link InlineBudget}: under 85 % of its time on the CPU, and no datagrams
 * left waiting after its last read) and the message's lane is idle, the I/O thread runs the lane's work itself
 * instead of handing it over (docs/decisions/0010): the hand-off's two thread wake-ups cost more than the work.
 * Otherwise messages queue on their lanes as above, and the lanes' threads share the work.
 * Transaction timers belong to the lane that started them ({@link Lanes#scheduler}).
 */
public final class SipStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SipStack.class);

    private final SipStackSettings settings;
    private final Lanes lanes;
    private final SystemScheduler scheduler;
    private final InlineBudget inline = new InlineBudget();
    private final SipTransports transports;
    private final SipRequestValidator validator;
    private final LongAdder overloadRejections = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder inPlace = new LongAdder();
    private final LongAdder resumedInPlace = new LongAdder();
    private final LongAdder absorbedAcks = new LongAdder();
    private final StatelessTags statelessTags = new StatelessTags();
    private volatile boolean draining;
    private final QueueDelay queueDelay;
    /** The Warning of each kind of overload 503, made once: refusing must stay cheap when there is no time. */
    private final String delayWarning;
    private final String fullWarning;
    private final String drainingWarning;
    private TransactionLayer layer;

    public SipStack(SipStackSettings settings) {
        this(settings, Set.of());
    }

    /**
     * A stack whose validation accepts {@code proxyRequireTags} in Proxy-Require (RFC 3261 §16.3 step 5); other
     * option tags there are answered 420 with Unsupported. A P-CSCF with RFC 3329 security agreement configured
     * accepts {@code sec-agree}.
     */
    public SipStack(SipStackSettings settings, Set<String> proxyRequireTags) {
        this(settings, proxyRequireTags, null);
    }

    /**
     * As {@link #SipStack(SipStackSettings, Set)}, on {@code eventLoops} ({@link SipTransports#newEventLoops}),
     * which the caller shuts down after closing this stack; null: the stack makes its own of
     * {@link SipStackSettings#ioThreads} threads.
     */
    public SipStack(SipStackSettings settings, Set<String> proxyRequireTags, EventLoopGroup eventLoops) {
        this.settings = settings;
        // named for the UDP port, so thread dumps and profiles tell apart the stacks of one process (P-, I-, S-CSCF)
        String port = String.valueOf(settings.transport().udpPort());
        this.lanes = new Lanes("sip-lane-" + port, settings.lanes(), settings.laneQueue());
        this.scheduler = new SystemScheduler("sip-timers-" + port);
        this.transports = eventLoops == null
                ? new SipTransports(settings.transport(), settings.limits(), this::dispatch, settings.ioThreads())
                : new SipTransports(settings.transport(), settings.limits(), this::dispatch, eventLoops);
        // urn: too: service URNs (RFC 5031) are the Request-URI of emergency calls a P-CSCF must recognise
        this.validator = SipRequestValidator.builder(SipRequestValidator.Role.PROXY)
                .uriSchemes(Set.of("sip", "sips", "tel", "urn")).optionTags(proxyRequireTags)
                .build();
        this.queueDelay = settings.queueDelay();
        // datagrams waiting unread in the socket wait as surely as those queued on a lane (decision 0014)
        transports.onInboundBacklog(queueDelay::record);
        String host = settings.transport().advertisedHost();
        this.delayWarning = "399 " + host + " \"overloaded: messages wait longer than "
                + queueDelay.limit().toMillis() + " ms to be handled\"";
        this.fullWarning = "399 " + host + " \"overloaded: work queue full\"";
        this.drainingWarning = "399 " + host + " \"shutting down\"";
    }

    /** What the transaction user sends through. Usable before {@link #start}. */
    public MessageSender sender() {
        return transports;
    }

    public SipTransports transports() {
        return transports;
    }

    /** Builds the transaction layer for {@code user} and binds the listeners. */
    public TransactionLayer start(TransactionUser user) throws IOException, InterruptedException {
        LaneDispatcher dispatcher = new LaneDispatcher() {
            @Override
            public void execute(String callId, Runnable task) {
                lanes.put(callId.hashCode(), task);
            }

            @Override
            public void executeSoon(String callId, Runnable task) {
                int key = callId.hashCode();
                if (mayRunInPlace() && lanes.runIfIdle(key, task)) {
                    resumedInPlace.increment();
                } else {
                    lanes.put(key, task);
                }
            }

            @Override
            public boolean isCurrent(String callId) {
                return lanes.inLane(callId.hashCode());
            }
        };
        layer = new TransactionLayer(settings.timers(), lanes.scheduler(scheduler), transports, dispatcher, user);
        transports.start();
        return layer;
    }

    /** Requests refused with 503 because of load. */
    public long overloadRejections() {
        return overloadRejections.sum();
    }

    /** Continuations ({@link LaneDispatcher#executeSoon}) the thread that completed them ran itself. */
    public long continuationsRunInPlace() {
        return resumedInPlace.sum();
    }

    /** Messages whose lane work the I/O thread that received them ran itself, without a hand-off. */
    public long messagesRunInPlace() {
        return inPlace.sum();
    }

    /**
     * ACKs for final responses this stack sent without a transaction (503 under overload, rejections), absorbed
     * here instead of reaching the transaction user.
     */
    public long absorbedAcks() {
        return absorbedAcks.sum();
    }

    /** Messages dropped because their lane was full (retransmissions recover them). */
    public long droppedMessages() {
        return dropped.sum();
    }

    /** Runs on a Netty event loop: never blocks. */
    private void dispatch(InboundMessage inbound) {
        SipMessage message = inbound.message();
        CallId callId = message.callId();
        int key = callId == null ? 0 : callId.value().hashCode();
        SipRequest request = message instanceof SipRequest r ? r : null;
        boolean newRequest = request != null && isOutOfDialog(request);
        if (newRequest) {
            String refusal = draining ? drainingWarning
                    : queueDelay.refuses(request, System.nanoTime()) ? delayWarning
                    : lanes.maxLoad() >= settings.rejectAbove() ? fullWarning : null;
            if (refusal != null && !isRetransmission(request)) {
                rejectForOverload(inbound, refusal);
                return;
            }
        }
        Runnable work = () -> process(inbound);
        if (mayRunInPlace() && lanes.runIfIdle(key, work)) {
            inPlace.increment();
            return;
        }
        if (!lanes.offer(key, work)) {
            if (newRequest) {
                rejectForOverload(inbound, fullWarning);
            } else {
                dropped.increment();
            }
        }
    }

    /**
     * Whether the calling thread may run lane work itself, a message it read or a continuation it completed: not
     * while any socket it reads is behind (it drains them first, decisions 0010 and 0018) or it has no time to
     * spare ({@link InlineBudget}).
     */
    private boolean mayRunInPlace() {
        return !transports.inboundBacklog() && inline.allows();
    }

    private boolean isRetransmission(SipRequest request) {
        TransactionLayer transactions = layer;
        return transactions != null && transactions.matchesServerTransaction(request);
    }

    private static boolean isOutOfDialog(SipRequest request) {
        String method = request.method();
        if ("ACK".equals(method) || "CANCEL".equals(method)) {
            return false;
        }
        NameAddress to = request.to();
        return to == null || to.tag() == null;
    }

    private void rejectForOverload(InboundMessage inbound, String warning) {
        overloadRejections.increment();
        transports.stats().rejected();
        SipRequest request = (SipRequest) inbound.message();
        SipResponse.Builder busy = SipResponse.forRequest(request, 503, "Service Unavailable")
                .add("Retry-After", Long.toString(Math.max(1, settings.retryAfter().toSeconds())))
                .add("Warning", warning);
        if (request.to() != null) { // validation, which answers a missing To with 400, runs later on the lane
            busy.toTag(statelessTags.tagFor(request));
        }
        transports.sendResponse(busy.build(), inbound.source(), cause -> { });
    }

    /** Runs on the lane of the message's Call-ID. */
    private void process(InboundMessage inbound) {
        queueDelay.record(inbound.receivedNanos(), System.nanoTime());
        if (inbound.message() instanceof SipRequest request) {
            Optional<SipRejection> rejection = validator.validate(request);
            if (rejection.isPresent()) {
                transports.stats().rejected();
                if (!"ACK".equals(request.method())) { // a bad ACK is dropped, never answered (§17.2.3)
                    SipResponse response = rejection.get().toResponse(request,
                            settings.transport().advertisedHost(), statelessTags.tagFor(request));
                    transports.sendResponse(response, inbound.source(), cause -> { });
                }
                return;
            }
            if (request.is(SipMethod.ACK) && statelessTags.acknowledgesOurs(request)) {
                absorbedAcks.increment(); // no transaction would match it, and a proxy would forward it (§17.2.3)
                return;
            }
        }
        layer.receive(inbound);
    }

    public TransactionLayer transactions() {
        return layer;
    }

    /**
     * Graceful stop, first half: new out-of-dialog requests get 503 with Retry-After from now on, while requests
     * in dialogs and responses keep flowing; returns once no transaction awaits a final response or {@code limit}
     * has passed (RFC 3261 timers bound that: 64*T1 for non-INVITE, timer C for proxied INVITEs). Returns whether
     * every transaction got its final response.
     */
    public boolean drain(java.time.Duration limit) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + limit.toNanos();
        while (layer != null && layer.unfinished() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        log.info("SIP stack stops: {} lane tasks run ({} messages in place on I/O threads, {} continuations where "
                + "they completed), {} refused for load, {} dropped, {} ACKs of stateless answers absorbed",
                lanes.completedTasks(), inPlace.sum(), resumedInPlace.sum(), overloadRejections.sum(), dropped.sum(),
                absorbedAcks.sum());
        // Lanes first: a lane still sending while the event loops shut down makes Netty reject its writes.
        lanes.close();
        scheduler.close();
        transports.close();
    }
}
