package io.osprey.diameter.node;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.osprey.diameter.codec.DiameterDecoder;
import io.osprey.diameter.codec.DiameterFrameDecoder;
import io.osprey.diameter.codec.DiameterMessageDecoder;
import io.osprey.diameter.codec.DiameterMessageEncoder;
import io.osprey.diameter.peer.Peer;
import io.osprey.diameter.peer.PeerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Diameter over TCP, optionally TLS (RFC 6733 §2.1, §13), on Netty: the event loops, the listening socket and
 * outgoing connections, each with the pipeline [TLS] → {@link DiameterFrameDecoder} → {@link DiameterMessageDecoder}
 * → {@link DiameterMessageEncoder} → {@link ChannelConnection}. A connection to a peer is registered on the
 * peer's own event loop, so its events need no hand-off.
 */
final class DiameterTransport implements AutoCloseable {

    private final DiameterNodeConfig config;
    private final ChannelConnection.Acceptor acceptor;
    private final EventLoopGroup group;
    /** False when another component made the group and shuts it down (a CSCF's, decision 0015). */
    private final boolean ownsGroup;
    private final DiameterMessageDecoder messageDecoder;
    private final DiameterMessageEncoder messageEncoder = new DiameterMessageEncoder();
    private final SslContext serverTls;
    private final SslContext clientTls;
    private Channel server;

    DiameterTransport(DiameterNodeConfig config, ChannelConnection.Acceptor acceptor, EventLoopGroup shared) {
        this.config = config;
        this.acceptor = acceptor;
        this.messageDecoder = new DiameterMessageDecoder(new DiameterDecoder(config.dictionary(), config.limits()));
        this.serverTls = config.tls() == null ? null : tlsContext(config.tls(), true);
        this.clientTls = config.tls() == null ? null : tlsContext(config.tls(), false);
        this.ownsGroup = shared == null;
        this.group = ownsGroup ? EventLoops.group("diameter-" + config.originHost(), config.ioThreads()) : shared;
    }

    /** The event loop a new peer will live on. */
    EventLoop nextLoop() {
        return group.next();
    }

    /** Starts accepting connections; returns the bound address. */
    InetSocketAddress listen(InetSocketAddress address) {
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(EventLoops.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (serverTls != null) {
                            ch.pipeline().addLast("tls", serverTls.newHandler(ch.alloc()));
                        }
                        pipeline(ch, ChannelConnection.accepted(acceptor, config.timers().handshake()));
                    }
                });
        try {
            server = bootstrap.bind(address).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + address, e);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot listen on " + address + ": " + e.getMessage(), e));
        }
        return (InetSocketAddress) server.localAddress();
    }

    /** Opens a connection to {@code peer} on {@code loop}; the peer hears the outcome. */
    void connect(Peer peer, PeerConfig target, EventLoop loop) {
        Duration handshake = config.timers().handshake();
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(EventLoops.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, handshake.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (clientTls != null) {
                            // the peer's certificate must name the address we connect to
                            ch.pipeline().addLast("tls", clientTls.newHandler(ch.alloc(), target.address(), target.port()));
                        }
                        pipeline(ch, ChannelConnection.initiated(peer, acceptor, handshake));
                    }
                });
        bootstrap.connect(target.address(), target.port()).addListener(future -> {
            if (!future.isSuccess()) {
                peer.connectionFailed(future.cause());
            }
        });
    }

    private void pipeline(SocketChannel ch, ChannelConnection connection) {
        ChannelPipeline pipeline = ch.pipeline();
        // One write syscall for the messages sent in one turn of the event loop, not one each: a batch of
        // requests read together (or answers computed together) goes out as one TCP segment (decision 0021).
        pipeline.addFirst("flushes", new FlushConsolidationHandler(
                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        pipeline.addLast("frames", new DiameterFrameDecoder(config.limits()));
        pipeline.addLast("decoder", messageDecoder);
        pipeline.addLast("encoder", messageEncoder);
        pipeline.addLast("connection", connection);
    }

    private static SslContext tlsContext(TlsConfig tls, boolean server) {
        try {
            char[] password = tls.password().toCharArray();
            KeyStore keys = KeyStore.getInstance(tls.keyStore().toFile(), password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            KeyStore trusted = tls.trustStore() == null ? keys : KeyStore.getInstance(tls.trustStore().toFile(), password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SslContextBuilder builder = server ? SslContextBuilder.forServer(kmf).clientAuth(ClientAuth.REQUIRE)
                    : SslContextBuilder.forClient().keyManager(kmf);
            return builder.trustManager(tmf).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLS stores " + tls, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable TLS stores " + tls + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
    }
}
