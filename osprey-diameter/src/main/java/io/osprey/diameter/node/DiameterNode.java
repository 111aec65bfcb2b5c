package io.osprey.diameter.node;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import io.osprey.diameter.codec.DiameterDecodeException;
import io.osprey.diameter.codec.DiameterValidator;
import io.osprey.diameter.codec.ErrorAnswers;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.peer.BaseMessages;
import io.osprey.diameter.peer.DiameterRequestException;
import io.osprey.diameter.peer.LocalCapabilities;
import io.osprey.diameter.peer.Peer;
import io.osprey.diameter.peer.PeerCapabilities;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.diameter.peer.PeerConnection;
import io.osprey.diameter.peer.PeerContext;
import io.osprey.diameter.peer.PeerEnvironment;
import io.osprey.diameter.peer.PendingRequest;
import io.osprey.diameter.routing.RouteDecision;
import io.osprey.diameter.routing.Router;
import io.osprey.diameter.routing.RoutingTable;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Diameter node (RFC 6733): connects to its configured peers and accepts others per {@link UnknownPeerPolicy},
 * runs the peer state machine and watchdog per peer, routes requests by realm (RFC 6733 §6), and serves
 * registered applications. As a client, {@link #send} routes a request by Destination-Host/Realm and completes
 * with the answer, or with a {@link io.osprey.diameter.peer.DiameterTimeoutException} or
 * {@link DiameterRequestException} (e.g. 3002 when no peer can take it). As a server, {@link #register} binds a
 * handler to a command; requests arriving for it are validated first and answered with the RFC 6733 §7 error
 * when invalid.
 */
public final class DiameterNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiameterNode.class);
    private static final int MAX_PEERS = 1024;

    private final DiameterNodeConfig config;
    private final LocalIdentity identity;
    private final BaseMessages messages;
    private final DiameterValidator validator;
    private final PeerTable peers = new PeerTable(MAX_PEERS);
    private final Router router;
    /** How often handlers that owe an answer past the request timeout are answered 5012. */
    private static final long HANDLER_DEADLINE_CHECK_MS = 50;

    private final LocalDispatcher dispatcher;
    private final IncomingRequests incoming;
    private final Glue glue = new Glue();
    private final EventLoopGroup sharedEventLoops;
    private DiameterTransport transport;
    private ScheduledFuture<?> handlerDeadlines;
    private PeerEnvironment environment;
    private InetSocketAddress boundAddress;
    private volatile boolean running;

    public DiameterNode(DiameterNodeConfig config) {
        this(config, null);
    }

    /**
     * A node whose connections live on {@code eventLoops}, which its owner started and shuts down after closing
     * this node (null: the node starts its own, of {@link DiameterNodeConfig#ioThreads} threads). A CSCF passes the
     * event loops of its SIP stack, so a Cx request sent from SIP work run there is written at once, and its
     * answer continues that work on the same thread, with no wake-up of another (decision 0015). The group must
     * run the same kind of event loop as this node would (epoll, or NIO with {@code -Dosprey.nio=true}).
     */
    public DiameterNode(DiameterNodeConfig config, EventLoopGroup eventLoops) {
        this.config = config;
        this.sharedEventLoops = eventLoops;
        Instant now = Instant.now();
        this.identity = LocalIdentity.of(config.originHost(), config.realm(), now);
        long originStateId = config.originStateId() != 0 ? config.originStateId() : now.getEpochSecond() & 0xFFFF_FFFFL;
        this.messages = new BaseMessages(new LocalCapabilities(identity, config.hostAddresses(), config.vendorId(),
                config.productName(), originStateId, config.firmwareRevision(), List.of(), config.applications(),
                config.relay()));
        this.validator = new DiameterValidator(config.dictionary());
        this.dispatcher = new LocalDispatcher(identity, validator, config.applications(), config.requestTimeout());
        this.router = new Router(config.originHost(), config.realm(), dispatcher::serves,
                new RoutingTable(config.routes()), peers);
        this.incoming = new IncomingRequests(router, dispatcher,
                new DuplicateRequestCache(config.duplicateCacheSize(), config.duplicateWindow(), System::nanoTime),
                this::dispatch, config.requestTimeout());
    }

    /** Listens (when configured) and starts connecting to the configured peers. */
    public synchronized void start() {
        if (transport != null) {
            throw new IllegalStateException("node " + config.originHost() + " was already started; a node starts once");
        }
        transport = new DiameterTransport(config, glue, sharedEventLoops);
        // handler time-outs are checked in bulk (HandlerDeadlines): late by at most this period
        handlerDeadlines = transport.nextLoop().scheduleAtFixedRate(() -> dispatcher.expireHandlers(System.nanoTime()),
                HANDLER_DEADLINE_CHECK_MS, HANDLER_DEADLINE_CHECK_MS, TimeUnit.MILLISECONDS);
        environment = new PeerEnvironment(messages, config.timers(), config.maxPendingRequests(), new Random(), glue);
        // configured peers are known before the first connection can arrive
        List<Peer> configured = new ArrayList<>();
        for (PeerConfig peerConfig : config.peers()) {
            Peer peer = newPeer(peerConfig.host(), peerConfig.realm(), peerConfig);
            peers.add(peer);
            configured.add(peer);
        }
        running = true;
        if (config.listenAddress() != null) {
            try {
                boundAddress = transport.listen(config.listenAddress());
            } catch (RuntimeException e) {
                running = false;
                transport.close();
                throw e;
            }
        }
        configured.forEach(Peer::start);
        log.info("Diameter node {} started{}", config.originHost(), boundAddress == null ? "" : " on " + boundAddress);
    }

    /** The port connections are accepted on, or -1 when not listening. */
    public int localPort() {
        return boundAddress == null ? -1 : boundAddress.getPort();
    }

    public LocalIdentity identity() {
        return identity;
    }

    public DiameterNodeConfig config() {
        return config;
    }

    public Optional<Peer> peer(String host) {
        return Optional.ofNullable(peers.peer(host));
    }

    public Collection<Peer> peers() {
        return peers.peers();
    }

    /** Serves {@code commandCode} of {@code applicationId} with {@code handler}. */
    public void register(long applicationId, int commandCode, RequestHandler handler) {
        dispatcher.register(applicationId, commandCode, handler);
    }

    /**
     * Sends {@code request} (Hop-by-Hop Identifier assigned per connection) to the peer its Destination-Host or
     * Destination-Realm selects, or to a local handler. Never blocks; the future completes with the answer or
     * fails with a {@link DiameterRequestException} within the request timeout.
     */
    public CompletableFuture<DiameterMessage> send(DiameterMessage request) {
        if (!request.isRequest()) {
            throw new IllegalArgumentException("not a request: " + request);
        }
        PendingRequest pending = new PendingRequest(request, System.nanoTime(), config.requestTimeout());
        if (!running) {
            pending.fail(new DiameterRequestException(ResultCodes.DIAMETER_UNABLE_TO_DELIVER,
                    "node " + config.originHost() + " is not running"));
        } else {
            dispatch(pending);
        }
        return pending.answer();
    }

    private void dispatch(PendingRequest pending) {
        switch (router.routeOutgoing(pending.request(), peer -> pending.wasSentTo(peer.host()))) {
            case RouteDecision.Local local -> dispatcher.dispatch(pending.request()).thenAccept(pending::complete);
            case RouteDecision.Forward forward -> forward.peer().send(pending);
            case RouteDecision.Reject reject ->
                    pending.fail(new DiameterRequestException(reject.resultCode(), reject.reason()));
        }
    }

    /** Sends DPR to every open peer, waits briefly for the DPAs, then closes all connections. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        List<CompletableFuture<Void>> stopped = new ArrayList<>();
        for (Peer peer : peers.peers()) {
            stopped.add(peer.stop(config.disconnectCause()));
        }
        try {
            CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new))
                    .get(config.timers().handshake().toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("peers of {} did not all close in time", config.originHost());
        }
        handlerDeadlines.cancel(false);
        transport.close();
        log.info("Diameter node {} stopped", config.originHost());
    }

    private Peer newPeer(String host, String realm, PeerConfig peerConfig) {
        EventLoop loop = transport.nextLoop();
        return new Peer(host, realm, peerConfig, environment, loop, new EventLoopScheduler(loop));
    }

    /** The node's side of its peers and connections, kept off the public API. */
    private final class Glue implements PeerContext, ChannelConnection.Acceptor {

        @Override
        public void connect(Peer peer) {
            PeerConfig target = peer.config().orElseThrow();
            transport.connect(peer, target, (EventLoop) peer.executor());
        }

        @Override
        public void requestReceived(Peer peer, PeerConnection connection, DiameterMessage request) {
            incoming.received(peer, connection, request);
        }

        @Override
        public boolean reroute(Peer from, PendingRequest request) {
            if (router.routeOutgoing(request.request(), peer -> peer == from || request.wasSentTo(peer.host()))
                    instanceof RouteDecision.Forward forward) {
                forward.peer().send(request);
                return true;
            }
            return false;
        }

        @Override
        public LocalIdentity identity() {
            return identity;
        }

        /** Process-CER for a new connection (RFC 6733 §5.3): validity, known peer, common application. */
        @Override
        public Peer acceptCer(ChannelConnection connection, DiameterMessage cer) {
            if (!running) {
                refuse(connection, messages.cea(cer, ResultCodes.DIAMETER_TOO_BUSY, connection.localAddress(),
                        config.originHost() + " is shutting down"));
                return null;
            }
            try {
                validator.validate(cer);
            } catch (DiameterDecodeException e) {
                refuse(connection, ErrorAnswers.forRequest(cer, e, identity));
                return null;
            }
            PeerCapabilities caps = PeerCapabilities.of(cer);
            Peer peer = peers.peer(caps.host());
            if (peer == null && config.unknownPeers().accepts(caps.host())) {
                peer = peers.getOrAdd(caps.host(), () -> newPeer(caps.host(), caps.realm(), null));
            }
            if (peer == null) {
                log.info("refusing unknown peer {} from {}", caps.host(), connection.remoteAddress().orElse(null));
                refuse(connection, messages.cea(cer, ResultCodes.DIAMETER_UNKNOWN_PEER, connection.localAddress(),
                        "peer " + caps.host() + " is not known to " + config.originHost()));
                return null;
            }
            if (!messages.local().hasCommonApplication(caps)) {
                log.info("refusing peer {}: no application in common ({})", caps.host(), caps.applicationIds());
                refuse(connection, messages.cea(cer, ResultCodes.DIAMETER_NO_COMMON_APPLICATION,
                        connection.localAddress(), "no application in common"));
                return null;
            }
            peer.incomingCer(connection, cer, caps);
            return peer;
        }

        private void refuse(ChannelConnection connection, DiameterMessage cea) {
            connection.sendAndClose(cea);
        }
    }
}
