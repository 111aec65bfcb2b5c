package io.osprey.sip.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.osprey.sip.codec.SipDecodeError;
import io.osprey.sip.codec.SipKeepAlive;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Glue after the stream framer on TCP and TLS connections: registers the connection for reuse, answers CRLF
 * keep-alive pings (RFC 5626 §4.4.1), answers undecodable requests and closes the connection when framing is lost
 * (RFC 3261 §18.3), and hands decoded messages to the transports.
 */
final class StreamHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(StreamHandler.class);

    private final SipTransports transports;
    private final TransportProtocol protocol;
    private final ConnectionTable connections;

    StreamHandler(SipTransports transports, TransportProtocol protocol, ConnectionTable connections) {
        this.transports = transports;
        this.protocol = protocol;
        this.connections = connections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connections.register(protocol, ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case SipMessage message -> {
                InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
                SipMessage stamped = message;
                if (message instanceof SipRequest request) {
                    stamped = WireCodec.stampReceived(request, remote);
                    InetSocketAddress alias = WireCodec.connectionAlias(request, remote);
                    if (alias != null) {
                        connections.alias(protocol, alias, ctx.channel());
                    }
                }
                Source source = new Source(protocol, remote, (InetSocketAddress) ctx.channel().localAddress());
                transports.deliver(new InboundMessage(stamped, source, System.nanoTime()));
            }
            case SipKeepAlive keepAlive -> {
                if (keepAlive == SipKeepAlive.PING) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(SipKeepAlive.PONG_BYTES));
                }
            }
            case SipDecodeError error -> {
                transports.stats().malformed();
                if (error.error().isRequest()) {
                    transports.sendRaw(ctx.channel(), null,
                            error.error().response(transports.config().advertisedHost(),
                                    Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1)));
                }
                if (error.fatal()) {
                    ctx.close();
                }
            }
            default -> log.warn("unexpected object on {} pipeline: {}", protocol, msg.getClass().getName());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            log.debug("closing {} connection to {}: {}", protocol, ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
