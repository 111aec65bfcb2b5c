package io.osprey.diameter.node;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.osprey.diameter.codec.DiameterDecodeException;
import io.osprey.diameter.codec.ErrorAnswers;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.peer.ConnectionSide;
import io.osprey.diameter.peer.Peer;
import io.osprey.diameter.peer.PeerConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a Diameter channel and the {@link PeerConnection} the peer state machine sees. A
 * connection we open belongs to its peer from the start; an accepted one first has to deliver a CER within
 * the handshake time (RFC 6733 §5.3: nothing else may come first), which names the peer. A message that fails
 * decoding is answered as RFC 6733 §7 prescribes when it was a request; a framing error closes the
 * connection, since the byte stream can no longer be trusted (RFC 6733 §2.1).
 */
final class ChannelConnection extends ChannelInboundHandlerAdapter implements PeerConnection {

    /** What an accepted connection needs from the node until its CER named the peer. */
    interface Acceptor {
        /** Handles the first CER; returns the peer the connection now belongs to, or null after refusing it. */
        Peer acceptCer(ChannelConnection connection, DiameterMessage cer);

        LocalIdentity identity();
    }

    private static final Logger log = LoggerFactory.getLogger(ChannelConnection.class);

    private final ConnectionSide side;
    private final Acceptor acceptor;
    private final Duration handshake;
    private volatile Peer peer;
    private volatile Channel channel;

    /** A connection we opened to {@code peer}. */
    static ChannelConnection initiated(Peer peer, Acceptor acceptor, Duration handshake) {
        ChannelConnection connection = new ChannelConnection(ConnectionSide.INITIATOR, acceptor, handshake);
        connection.peer = peer;
        return connection;
    }

    /** A connection a peer opened to us. */
    static ChannelConnection accepted(Acceptor acceptor, Duration handshake) {
        return new ChannelConnection(ConnectionSide.RESPONDER, acceptor, handshake);
    }

    private ChannelConnection(ConnectionSide side, Acceptor acceptor, Duration handshake) {
        this.side = side;
        this.acceptor = acceptor;
        this.handshake = handshake;
    }

    @Override
    public ConnectionSide side() {
        return side;
    }

    @Override
    public void send(DiameterMessage message) {
        write(message);
    }

    @Override
    public void sendEncoded(byte[] message) {
        write(Unpooled.wrappedBuffer(message)); // the encoder passes buffers through as they are
    }

    private void write(Object message) {
        Channel ch = channel;
        if (ch != null) {
            ch.writeAndFlush(message).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }
    }

    /** Sends {@code message}, then closes the connection (a refused CER). */
    void sendAndClose(DiameterMessage message) {
        Channel ch = channel;
        if (ch != null) {
            ch.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void close() {
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public InetAddress localAddress() {
        Channel ch = channel;
        return ch != null && ch.localAddress() instanceof InetSocketAddress address ? address.getAddress() : null;
    }

    Optional<InetSocketAddress> remoteAddress() {
        Channel ch = channel;
        return ch != null && ch.remoteAddress() instanceof InetSocketAddress address ? Optional.of(address)
                : Optional.empty();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        Peer owner = peer;
        if (owner != null) {
            owner.connectionEstablished(this);
        } else {
            ctx.executor().schedule(() -> {
                if (peer == null) {
                    log.info("no CER within {} ms from {}; closing", handshake.toMillis(), ctx.channel().remoteAddress());
                    ctx.close();
                }
            }, handshake.toNanos(), TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DiameterMessage message = (DiameterMessage) msg;
        Peer owner = peer;
        if (owner != null) {
            owner.messageReceived(this, message);
            return;
        }
        if (message.isRequest() && message.applicationId() == 0
                && message.commandCode() == BaseDictionary.CAPABILITIES_EXCHANGE.code()) {
            peer = acceptor.acceptCer(this, message);
        } else {
            log.info("first message from {} is not a CER but {}; closing", ctx.channel().remoteAddress(), message);
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Peer owner = peer;
        if (owner != null) {
            owner.connectionClosed(this);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DiameterDecodeException failure) {
            Optional<DiameterMessage> answer = ErrorAnswers.forDecodeFailure(failure, acceptor.identity());
            log.info("bad message from {}: {}", ctx.channel().remoteAddress(), failure.getMessage());
            if (failure.isFramingError() || peer == null) {
                // The stream is out of step, or the handshake failed: answer if possible, then close.
                if (answer.isPresent()) {
                    ctx.writeAndFlush(answer.get()).addListener(ChannelFutureListener.CLOSE);
                } else {
                    ctx.close();
                }
            } else {
                answer.ifPresent(ctx::writeAndFlush);
            }
            return;
        }
        log.debug("connection {} failed: {}", ctx.channel(), cause.toString());
        ctx.close();
    }

    @Override
    public String toString() {
        Channel ch = channel;
        return (side == ConnectionSide.INITIATOR ? "I:" : "R:") + (ch == null ? "unconnected" : ch.remoteAddress());
    }
}
