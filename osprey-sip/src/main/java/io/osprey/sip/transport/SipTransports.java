package io.osprey.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.osprey.sip.codec.SipLimits;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP transports of one network function: UDP, TCP and TLS listeners on Netty, outbound connections, and the
 * sending rules of RFC 3261 §18 (UDP→TCP for large requests, responses by connection or Via received/rport,
 * RFC 3581). Netty handlers only frame and decode; decoded messages go to the {@link InboundHandler}.
 */
public final class SipTransports implements MessageSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SipTransports.class);

    private final TransportConfig config;
    private final SipLimits limits;
    private final InboundHandler inbound;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ConnectionTable connections = new ConnectionTable();
    private final List<Channel> listeners = new ArrayList<>();
    private final TransportStats stats = new TransportStats();
    private final SipTrace trace = new SipTrace();
    private Channel udp;
    private UdpSender udpSender;
    private DatagramHandler udpHandler;
    private volatile BacklogListener backlogListener = (since, now) -> { };
    private SslContext serverTls;
    private SslContext clientTls;
    private Bootstrap tcpClient;
    private Bootstrap tlsClient;
    private InetSocketAddress udpLocal;
    private InetSocketAddress tcpLocal;
    private InetSocketAddress tlsLocal;

    public SipTransports(TransportConfig config, SipLimits limits, InboundHandler inbound, int ioThreads) {
        this(config, limits, inbound, EventLoops.group("sip-io", ioThreads), true);
    }

    /**
     * Transports on {@code eventLoops}, made by {@link #newEventLoops} and shut down by their owner after this
     * closes: a CSCF shares them with its Diameter node (decision 0015).
     */
    public SipTransports(TransportConfig config, SipLimits limits, InboundHandler inbound,
                         EventLoopGroup eventLoops) {
        this(config, limits, inbound, eventLoops, false);
    }

    private SipTransports(TransportConfig config, SipLimits limits, InboundHandler inbound, EventLoopGroup group,
                          boolean ownsGroup) {
        this.config = config;
        this.limits = limits;
        this.inbound = inbound;
        this.group = group;
        this.ownsGroup = ownsGroup;
    }

    /**
     * Event loops of the kind these transports use (epoll on Linux, else NIO; {@code -Dosprey.nio=true} forces
     * NIO, for Diameter's loops too, so the two kinds always match), with threads named {@code name-N}.
     */
    public static EventLoopGroup newEventLoops(String name, int threads) {
        return EventLoops.group(name, threads);
    }

    /** Binds every configured listener; throws if a port is taken. */
    public SipTransports start() throws IOException, InterruptedException {
        if (config.udpPort() > 0) {
            udp = new Bootstrap().group(group).channel(EventLoops.datagramChannel())
                    .option(ChannelOption.SO_RCVBUF, 4 << 20)
                    .option(ChannelOption.SO_SNDBUF, 4 << 20)
                    .handler(udpHandler = new DatagramHandler(this))
                    .bind(config.bindAddress(), config.udpPort()).sync().channel();
            udpLocal = (InetSocketAddress) udp.localAddress();
            udpSender = new UdpSender(udp);
            listeners.add(udp);
        }
        tcpClient = streamClient(TransportProtocol.TCP);
        if (config.tcpPort() > 0) {
            Channel tcp = streamServer(TransportProtocol.TCP, config.tcpPort());
            tcpLocal = (InetSocketAddress) tcp.localAddress();
        }
        if (config.tlsPort() > 0) {
            TlsContexts contexts = TlsContexts.load(config);
            serverTls = contexts.server();
            clientTls = contexts.client();
            tlsClient = streamClient(TransportProtocol.TLS);
            Channel tls = streamServer(TransportProtocol.TLS, config.tlsPort());
            tlsLocal = (InetSocketAddress) tls.localAddress();
        }
        log.info("SIP transports on {}: udp={} tcp={} tls={} ({})", config.bindAddress(), port(udpLocal),
                port(tcpLocal), port(tlsLocal), EventLoops.epoll() ? "epoll" : "nio");
        return this;
    }

    private static int port(InetSocketAddress address) {
        return address == null ? 0 : address.getPort();
    }

    private Channel streamServer(TransportProtocol protocol, int port) throws InterruptedException {
        Channel channel = new ServerBootstrap().group(group).channel(EventLoops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(streamInitializer(protocol, false))
                .bind(config.bindAddress(), port).sync().channel();
        listeners.add(channel);
        return channel;
    }

    private Bootstrap streamClient(TransportProtocol protocol) {
        return new Bootstrap().group(group).channel(EventLoops.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(streamInitializer(protocol, true));
    }

    private ChannelInitializer<SocketChannel> streamInitializer(TransportProtocol protocol, boolean client) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                ChannelPipeline pipeline = channel.pipeline();
                if (protocol == TransportProtocol.TLS) {
                    InetSocketAddress peer = client ? channel.attr(ConnectionTable.PEER).get() : null;
                    // an outbound handler knows the server's address, which its certificate must name
                    pipeline.addLast("tls", peer != null
                            ? clientTls.newHandler(channel.alloc(), peer.getHostString(), peer.getPort())
                            : (client ? clientTls : serverTls).newHandler(channel.alloc()));
                }
                if (config.idleTimeoutSeconds() > 0) {
                    pipeline.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeoutSeconds(), TimeUnit.SECONDS));
                }
                pipeline.addLast("framer", WireCodec.streamDecoder(limits));
                pipeline.addLast("sip", new StreamHandler(SipTransports.this, protocol, connections));
            }
        };
    }

    /** The local address messages for {@code protocol} are sent from, for Via sent-by and Record-Route. */
    public InetSocketAddress localAddress(TransportProtocol protocol) {
        return switch (protocol) {
            case UDP -> udpLocal;
            case TCP -> tcpLocal;
            case TLS -> tlsLocal;
            default -> null;
        };
    }

    /**
     * Whether the UDP listener's last read stopped with datagrams probably still waiting in the socket: the thread
     * reading it is behind, whatever the reason (work, or a host short of CPU). Called on an I/O thread, also
     * whether any other UDP socket that thread reads is behind: stacks may share it (decision 0018).
     */
    public boolean inboundBacklog() {
        DatagramHandler handler = udpHandler;
        return handler != null && handler.backlog() || DatagramHandler.behindOnCallingThread();
    }

    /**
     * Hears when the UDP socket has been behind without a break: every read since {@code sinceNanos} stopped at
     * the per-read maximum, so datagrams have waited unread in the socket for up to that long. A stack takes it
     * as a queueing delay (decision 0014), which it cannot otherwise see: its own clock starts when a datagram
     * is read.
     */
    @FunctionalInterface
    public interface BacklogListener {
        void behindSince(long sinceNanos, long nowNanos);
    }

    /** Where the UDP listener reports a lasting backlog; called on its event loop. Set before {@link #start}. */
    public void onInboundBacklog(BacklogListener listener) {
        this.backlogListener = listener;
    }

    BacklogListener backlogListener() {
        return backlogListener;
    }

    public TransportConfig config() {
        return config;
    }

    public TransportStats stats() {
        return stats;
    }

    /** Run-time message tracing for these transports. */
    public SipTrace trace() {
        return trace;
    }

    void deliver(InboundMessage message) {
        stats.received(message.source().transport());
        trace.inbound(message);
        inbound.onMessage(message);
    }

    @Override
    public void sendRequest(SipRequest request, Hop hop, Consumer<Throwable> onFailure) {
        send(request, hop, onFailure);
    }

    @Override
    public void sendResponse(SipResponse response, Source requestSource, Consumer<Throwable> onFailure) {
        if (requestSource.transport().reliable()) {
            Channel channel = connections.get(requestSource.transport(), requestSource.remote());
            if (channel != null && channel.isActive()) {
                write(channel, response, requestSource.transport(), onFailure);
                return;
            }
        }
        // RFC 3261 §18.2.2 / RFC 3581 §4: to the received/rport of the top Via, else its sent-by.
        InetSocketAddress target = WireCodec.responseTarget(response, requestSource);
        if (target == null) {
            onFailure.accept(new IOException("response has no usable Via to send to"));
            return;
        }
        send(response, new Hop(requestSource.transport(), target), onFailure);
    }

    /**
     * Over UDP keeps only the response's wire bytes and destination, encoded once: a final response waits up to
     * 64*T1 for retransmitted requests, and its parsed form is several times larger. (The message is kept too while
     * it is being traced, so that resends show in the trace.)
     */
    @Override
    public KeptResponse sendAndKeepResponse(SipResponse response, Source requestSource, Consumer<Throwable> onFailure) {
        if (requestSource.transport() != TransportProtocol.UDP || udp == null) {
            return MessageSender.super.sendAndKeepResponse(response, requestSource, onFailure);
        }
        InetSocketAddress target = WireCodec.responseTarget(response, requestSource);
        if (target == null) {
            IOException unusable = new IOException("response has no usable Via to send to");
            onFailure.accept(unusable);
            return again -> again.accept(unusable);
        }
        KeptUdpResponse kept = new KeptUdpResponse(WireCodec.encode(response), target,
                trace.matches(response) ? response : null);
        kept.resend(onFailure);
        return kept;
    }

    private final class KeptUdpResponse implements KeptResponse {
        private final byte[] wire;
        private final InetSocketAddress target;
        private final SipResponse traced;

        KeptUdpResponse(byte[] wire, InetSocketAddress target, SipResponse traced) {
            this.wire = wire;
            this.target = target;
            this.traced = traced;
        }

        @Override
        public void resend(Consumer<Throwable> onFailure) {
            stats.sent(TransportProtocol.UDP);
            if (traced != null) {
                trace.outbound(traced, TransportProtocol.UDP, target);
            }
            udpSender.send(udp.alloc().directBuffer(wire.length).writeBytes(wire), target, onFailure);
        }
    }

    private void send(SipMessage message, Hop hop, Consumer<Throwable> onFailure) {
        TransportProtocol transport = hop.transport();
        if (transport == TransportProtocol.UDP) {
            sendUdp(message, hop, onFailure, true);
            return;
        }
        Channel existing = connections.get(transport, hop.address());
        if (existing != null && existing.isActive()) {
            write(existing, message, transport, onFailure);
            return;
        }
        Bootstrap client = transport == TransportProtocol.TLS ? tlsClient : tcpClient;
        if (client == null) {
            onFailure.accept(new IOException(transport + " is not enabled"));
            return;
        }
        ChannelFuture connecting = connections.connect(transport, hop.address(), client);
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                write(connecting.channel(), message, transport, onFailure);
            } else {
                onFailure.accept(done.cause());
            }
        });
    }

    private void sendUdp(SipMessage message, Hop hop, Consumer<Throwable> onFailure, boolean mayUseTcp) {
        if (udp == null) {
            onFailure.accept(new IOException("no UDP listener to send from"));
            return;
        }
        ByteBuf buf = udp.alloc().ioBuffer(1024);
        WireCodec.encode(message, buf);
        // RFC 3261 §18.1.1 asks for TCP above the MTU limit; for responses, and when no TCP
        // path exists, UDP fragmentation is still better than no delivery.
        if (mayUseTcp && message instanceof SipRequest request && buf.readableBytes() > config.udpMtuLimit()
                && tcpClient != null && WireCodec.canSwitchToTcp(request)) {
            buf.release();
            // §18.1.1: when the connection cannot be made (a reset: nothing listens on TCP there, as behind a NAT
            // that only kept the UDP binding) the request goes over UDP after all.
            send(WireCodec.withTransport(request, TransportProtocol.TCP, tcpLocal),
                    new Hop(TransportProtocol.TCP, hop.address()), tcpFailed -> sendUdp(message, hop, onFailure, false));
            return;
        }
        stats.sent(TransportProtocol.UDP);
        trace.outbound(message, TransportProtocol.UDP, hop.address());
        udpSender.send(buf, hop.address(), onFailure);
    }

    private void write(Channel channel, SipMessage message, TransportProtocol transport, Consumer<Throwable> onFailure) {
        ByteBuf buf = channel.alloc().ioBuffer(1024);
        WireCodec.encode(message, buf);
        stats.sent(transport);
        trace.outbound(message, transport, channel.remoteAddress());
        writeInOrder(channel, buf, onFailure);
    }

    /**
     * Writes in the order sends were made, whichever thread makes them. On the channel's own event loop (an I/O
     * thread running lane work in place) a write would go out at once, ahead of writes lane threads queued on that
     * loop a moment before, e.g. a 200 overtaking the 180 of the same call; so it queues behind them. (UDP sends
     * go through {@link UdpSender}, which keeps the same order.)
     */
    private static void writeInOrder(Channel channel, Object message, Consumer<Throwable> onFailure) {
        if (channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> writeNow(channel, message, onFailure));
        } else {
            writeNow(channel, message, onFailure);
        }
    }

    private static void writeNow(Channel channel, Object message, Consumer<Throwable> onFailure) {
        channel.writeAndFlush(message).addListener(future -> {
            if (!future.isSuccess()) {
                onFailure.accept(future.cause());
            }
        });
    }

    /** Sends a transport-level answer; {@code response} is null when none can be built (no readable Via). */
    void sendRaw(Channel channel, InetSocketAddress to, SipResponse response) {
        if (response == null) {
            return;
        }
        ByteBuf buf = channel.alloc().ioBuffer(512);
        WireCodec.encode(response, buf);
        if (to == null) {
            channel.writeAndFlush(buf);
        } else {
            channel.writeAndFlush(new DatagramPacket(buf, to));
        }
    }

    SipLimits limits() {
        return limits;
    }

    @Override
    public void close() {
        for (Channel channel : listeners) {
            channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        connections.closeAll();
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
