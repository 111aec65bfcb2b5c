package io.osprey.diameter.peer;

import static io.osprey.diameter.peer.ConnectionSide.INITIATOR;
import static io.osprey.diameter.peer.ConnectionSide.RESPONDER;

import io.osprey.common.time.Scheduler;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.HopByHopId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote Diameter peer: its RFC 6733 §5.6 {@link PeerStateMachine} and RFC 3539 {@link Watchdog}, the
 * connections the state machine refers to as I and R, the requests waiting for its answers, and reconnection
 * with a bounded exponential backoff for configured peers. Every event runs on the peer's executor, one at a
 * time, and so do its timers (the scheduler must call back on that executor); the public methods may be called
 * from any thread. A peer is {@linkplain #isAvailable() available} for requests when open and watchdog OKAY.
 */
public final class Peer {

    private static final Logger log = LoggerFactory.getLogger(Peer.class);

    private final String host;
    private final PeerConfig config;
    private final String configuredRealm;
    private final PeerEnvironment env;
    private final Executor executor;
    private final Scheduler scheduler;
    private final PeerStateMachine fsm;
    private final Watchdog watchdog;
    private final Reconnection reconnection;
    private final PendingRequests pending;

    private final PeerConnections connections = new PeerConnections();
    private int disconnectCause = BaseDictionary.DISCONNECT_REBOOTING;
    private Scheduler.Timer stateTimer;
    private CompletableFuture<Void> closed = CompletableFuture.completedFuture(null);

    private volatile PeerState state = PeerState.CLOSED;
    private volatile WatchdogState watchdogState = WatchdogState.INITIAL;
    private volatile PeerCapabilities capabilities;
    private volatile boolean available;
    private volatile long dwrReceived;
    private volatile long dwaReceived;

    /**
     * @param config the peer's configuration when the node connects to it; null for a peer that connected to us
     *               unannounced, which is never reconnected
     */
    public Peer(String host, String realm, PeerConfig config, PeerEnvironment env, Executor executor,
                Scheduler scheduler) {
        this.host = Objects.requireNonNull(host, "host");
        this.configuredRealm = Objects.requireNonNull(realm, "realm");
        this.config = config;
        this.env = Objects.requireNonNull(env, "env");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        PeerTimers timers = env.timers();
        this.fsm = new PeerStateMachine(env.messages().local().originHost(), host);
        this.watchdog = new Watchdog(scheduler, timers.watchdogInterval(), timers.watchdogJitter(), env.random(),
                new WatchdogActions());
        this.reconnection = new Reconnection(scheduler, timers);
        this.pending = new PendingRequests(host, scheduler, env.maxPendingRequests(), env.random().nextInt());
    }

    public String host() {
        return host;
    }

    /** The realm the peer announced, or the configured one before its capabilities exchange. */
    public String realm() {
        PeerCapabilities caps = capabilities;
        return caps != null ? caps.realm() : configuredRealm;
    }

    public Optional<PeerConfig> config() {
        return Optional.ofNullable(config);
    }

    public PeerState state() {
        return state;
    }

    public WatchdogState watchdogState() {
        return watchdogState;
    }

    /** What the peer announced in its last successful capabilities exchange. */
    public Optional<PeerCapabilities> capabilities() {
        return Optional.ofNullable(capabilities);
    }

    /** Open and watchdog OKAY: may carry requests. */
    public boolean isAvailable() {
        return available;
    }

    /** Whether the peer announced {@code applicationId} (or relays everything). */
    public boolean supports(long applicationId) {
        PeerCapabilities caps = capabilities;
        return caps != null && caps.supports(applicationId);
    }

    /** DWRs received from the peer (and answered) since the node started. */
    public long dwrReceived() {
        return dwrReceived;
    }

    /** DWAs received from the peer since the node started. */
    public long dwaReceived() {
        return dwaReceived;
    }

    public Executor executor() {
        return executor;
    }

    /** Connects to a configured peer now and reconnects whenever the connection is lost. */
    public void start() {
        executor.execute(() -> {
            reconnection.enable(config != null);
            if (reconnection.enabled() && fsm.state() == PeerState.CLOSED) {
                reconnection.cancel();
                fire(PeerEvent.START, INITIATOR, null, null);
            }
        });
    }

    /**
     * Disconnects with DPR and {@code cause} (RFC 6733 §5.4.3) when open, or gives up a handshake in progress,
     * and stops reconnecting. The future completes once the peer is closed.
     */
    public CompletableFuture<Void> stop(int cause) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(() -> {
            reconnection.enable(false);
            disconnectCause = cause;
            if (fsm.state() == PeerState.CLOSED) {
                done.complete(null);
                return;
            }
            closed = done;
            // A handshake in progress is abandoned as on its Timeout (Error, Closed).
            fire(fsm.state().isOpen() ? PeerEvent.STOP : PeerEvent.TIMEOUT, null, null, null);
        });
        return done;
    }

    /** The connection {@link PeerContext#connect} opened is up (I-Rcv-Conn-Ack). */
    public void connectionEstablished(PeerConnection connection) {
        executor.execute(() -> {
            PeerState now = fsm.state();
            if (now != PeerState.WAIT_CONN_ACK && now != PeerState.WAIT_CONN_ACK_ELECT) {
                connection.close();
                return;
            }
            connections.initiated(connection);
            fire(PeerEvent.RCV_CONN_ACK, INITIATOR, connection, null);
        });
    }

    /** The connection {@link PeerContext#connect} tried failed (I-Rcv-Conn-Nack). */
    public void connectionFailed(Throwable cause) {
        executor.execute(() -> {
            log.debug("connection to {} failed: {}", host, cause.toString());
            fire(PeerEvent.RCV_CONN_NACK, INITIATOR, null, null);
        });
    }

    /**
     * A new connection from the peer delivered {@code cer}, which passed Process-CER with {@code capabilities}
     * (R-Conn-CER).
     */
    public void incomingCer(PeerConnection connection, DiameterMessage cer, PeerCapabilities capabilities) {
        executor.execute(() -> fire(PeerEvent.R_CONN_CER, RESPONDER, connection, cer, capabilities));
    }

    public void messageReceived(PeerConnection connection, DiameterMessage message) {
        executor.execute(() -> {
            ConnectionSide side = connections.sideOf(connection);
            if (side == null) {
                return; // a connection the state machine already let go of
            }
            PeerEvent event = PeerMessages.classify(message, side, fsm.state());
            if (event == PeerEvent.RCV_CEA) {
                PeerCapabilities caps = PeerMessages.acceptableCea(message, host, env.messages().local());
                if (caps == null) {
                    event = PeerEvent.RCV_CEA_FAILURE;
                }
                connections.initiatorCapabilities(caps);
            }
            if (event != null) {
                fire(event, side, connection, message);
            }
        });
    }

    public void connectionClosed(PeerConnection connection) {
        executor.execute(() -> {
            ConnectionSide side = connections.sideOf(connection);
            if (side != null) {
                fire(PeerEvent.PEER_DISC, side, connection, null);
            }
        });
    }

    /**
     * Sends {@code request} when available; otherwise offers it to another peer, or fails it with 3002
     * DIAMETER_UNABLE_TO_DELIVER.
     */
    public void send(PendingRequest request) {
        executor.execute(() -> {
            if (request.isDone()) {
                return;
            }
            if (!available || pending.isFull()) {
                request.sentTo(host);
                if (!env.context().reroute(this, request)) {
                    request.fail(new DiameterRequestException(available ? ResultCodes.DIAMETER_TOO_BUSY
                            : ResultCodes.DIAMETER_UNABLE_TO_DELIVER, host + (available ? " has "
                            + pending.size() + " requests waiting" : " is not available")));
                }
                return;
            }
            for (PeerAction action : fsm.handle(PeerEvent.SEND_MESSAGE, null)) {
                HopByHopId id = pending.add(request);
                if (id != null) {
                    connections.get(action.side()).send(request.requestToSend(id));
                }
            }
        });
    }

    private void fire(PeerEvent event, ConnectionSide side, PeerConnection connection, DiameterMessage message) {
        fire(event, side, connection, message, null);
    }

    private void fire(PeerEvent event, ConnectionSide side, PeerConnection connection, DiameterMessage message,
                      PeerCapabilities offered) {
        PeerState before = fsm.state();
        List<PeerAction> actions = fsm.handle(event, side);
        log.trace("peer {} {} {}: {} -> {} {}", host, event, side, before, fsm.state(), actions);
        for (PeerAction action : actions) {
            perform(action, connection, message, offered);
        }
        afterTransition(before, fsm.state());
    }

    private void perform(PeerAction action, PeerConnection connection, DiameterMessage message,
                         PeerCapabilities offered) {
        switch (action.type()) {
            case SND_CONN_REQ -> env.context().connect(this);
            case ACCEPT -> connections.accept(connection, message, offered);
            case REJECT -> connection.close();
            case SND_CER -> {
                PeerConnection initiator = connections.get(INITIATOR);
                initiator.send(env.messages().cer(initiator.localAddress()).withHopByHopId(pending.nextId()));
            }
            case SND_CEA -> {
                PeerConnection responder = connections.get(RESPONDER);
                responder.send(env.messages().cea(connections.responderCer(), ResultCodes.DIAMETER_SUCCESS,
                        responder.localAddress(), null));
            }
            case PROCESS_CEA -> {
                // capabilities were read in messageReceived
            }
            case CLEANUP -> connections.disconnect(INITIATOR);
            case ERROR -> {
                connections.disconnect(INITIATOR);
                connections.disconnect(RESPONDER);
            }
            case DISC -> connections.disconnect(action.side());
            case SND_MESSAGE -> {
                // only raised by send(), which writes the request itself
            }
            case PROCESS -> process(connection, message);
            case PROCESS_DWR -> {
                dwrReceived++;
                watchdog.otherMessageReceived();
            }
            case SND_DWA -> connection.send(env.messages().dwa(message));
            case PROCESS_DWA -> {
                dwaReceived++;
                watchdog.dwaReceived();
            }
            case SND_DPR -> connections.get(action.side())
                    .send(env.messages().dpr(disconnectCause).withHopByHopId(pending.nextId()));
            case SND_DPA -> {
                connection.send(env.messages().dpa(message));
                int cause = message.avp(BaseDictionary.DISCONNECT_CAUSE).map(Avp::asEnumerated)
                        .orElse(BaseDictionary.DISCONNECT_REBOOTING);
                log.info("peer {} disconnects with cause {}", host, cause);
                reconnection.peerDisconnected(cause);
            }
        }
    }

    private void process(PeerConnection connection, DiameterMessage message) {
        if (!watchdog.otherMessageReceived()) {
            log.debug("peer {} is reopening; message thrown away: {}", host, message);
        } else if (message.isRequest()) {
            env.context().requestReceived(this, connection, message);
        } else if (pending.complete(message) == null) {
            log.debug("answer from {} matches no pending request: {}", host, message);
        }
    }

    private void afterTransition(PeerState before, PeerState after) {
        state = after;
        if (after.isOpen() && !before.isOpen()) {
            capabilities = connections.capabilitiesFor(after);
            reconnection.opened();
            watchdog.connectionUp();
            log.info("peer {} is {} ({})", host, after, capabilities.productName());
        } else if (before.isOpen() && !after.isOpen()) {
            watchdog.connectionDown();
        }
        if (after != before) {
            cancelStateTimer();
            if (after.isTimed()) {
                stateTimer = scheduler.schedule(env.timers().handshake(), () -> {
                    stateTimer = null;
                    fire(PeerEvent.TIMEOUT, null, null, null);
                });
            }
            if (after == PeerState.CLOSED) {
                closedNow();
            } else if (before == PeerState.CLOSED) {
                reconnection.cancel();
            }
        }
        updateAvailability();
    }

    private void closedNow() {
        for (PendingRequest request : pending.removeIf(request -> true)) {
            request.fail(new DiameterRequestException(ResultCodes.DIAMETER_UNABLE_TO_DELIVER,
                    "connection to " + host + " closed before the answer"));
        }
        reconnection.schedule(() -> {
            if (fsm.state() == PeerState.CLOSED) {
                fire(PeerEvent.START, INITIATOR, null, null);
            }
        });
        closed.complete(null);
    }

    private void updateAvailability() {
        watchdogState = watchdog.state();
        boolean now = fsm.state().isOpen() && watchdog.state() == WatchdogState.OKAY;
        if (now != available) {
            available = now;
            env.context().availabilityChanged(this, now);
        }
    }

    private void cancelStateTimer() {
        if (stateTimer != null) {
            stateTimer.cancel();
            stateTimer = null;
        }
    }

    @Override
    public String toString() {
        return "Peer{" + host + " " + state + " " + watchdogState + "}";
    }

    /** The watchdog's requests, carried out on the peer's thread. */
    private final class WatchdogActions implements Watchdog.Actions {
        @Override
        public void sendWatchdog() {
            PeerConnection connection = connections.active(fsm.state());
            if (connection != null) {
                connection.send(env.messages().dwr().withHopByHopId(pending.nextId()));
            }
        }

        @Override
        public void failover() {
            updateAvailability();
            int moved = pending.removeIf(request -> {
                request.markRetransmitted();
                return env.context().reroute(Peer.this, request);
            }).size();
            if (moved > 0) {
                log.info("failed over {} requests from {}", moved, host);
            }
        }

        @Override
        public void failback() {
            updateAvailability();
        }

        @Override
        public void closeConnection() {
            updateAvailability();
            PeerConnection connection = connections.active(fsm.state());
            if (connection != null) {
                connection.close();
            }
        }
    }
}
