package io.osprey.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.MaxMessagesRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.FastThreadLocal;
import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.codec.SipParseException;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import java.net.InetSocketAddress;

/**
 * Decodes one SIP message per UDP datagram (RFC 3261 §18.3: Content-Length bounds it, trailing octets are
 * ignored). A bad request is answered at once with the status and Warning the decoder chose; a bad response and
 * blank datagrams (CRLF keep-alives) are dropped. A STUN Binding request, the keep-alive of SIP over UDP (RFC 5626
 * §4.4.2), is answered with the address it came from ({@link StunBinding}); other STUN messages are dropped.
 */
final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private final SipTransports transports;
    private final SipMessageDecoder decoder;
    /** Datagrams taken in the current read; the event loop stops a read at its per-read maximum. */
    private int readCount;
    /** Whether the last read stopped at that maximum, so more datagrams were probably waiting. */
    private volatile boolean backlog;
    /** While {@link #backlog}: when the reads began stopping at the maximum. */
    private long behindSinceNanos;
    /**
     * Per I/O thread, how many of the UDP sockets it reads are {@linkplain #backlog behind}. Stacks whose sockets
     * share a thread (decision 0018) stop running work in place when any of them is behind, not only their own:
     * the thread must first drain what waits in all of them.
     */
    private static final FastThreadLocal<int[]> BEHIND_ON_THREAD = new FastThreadLocal<>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };
    /**
     * The sources of recent datagrams, reused for the next datagram from the same peer: a server transaction keeps
     * its request's source for up to 64*T1, and a proxy hears mostly from a few peers.
     */
    private final Source[] recentSources = new Source[4];
    private int nextSource;

    DatagramHandler(SipTransports transports) {
        this.transports = transports;
        this.decoder = new SipMessageDecoder(transports.limits(), io.osprey.sip.codec.CompliancePolicy.LENIENT,
                new io.osprey.sip.codec.ComplianceCounters());
    }

    /** Whether the last read of the socket stopped with datagrams probably still waiting in it. */
    boolean backlog() {
        return backlog;
    }

    /** Whether a UDP socket read by the calling I/O thread stopped its last read with datagrams still waiting. */
    static boolean behindOnCallingThread() {
        return BEHIND_ON_THREAD.get()[0] > 0;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        boolean behind = readCount >= maxMessagesPerRead(ctx);
        if (behind) {
            long now = System.nanoTime();
            if (!backlog) {
                behindSinceNanos = now;
            } else {
                transports.backlogListener().behindSince(behindSinceNanos, now);
            }
        }
        markBehind(behind);
        readCount = 0;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        markBehind(false); // a closed socket holds up no one
        ctx.fireChannelInactive();
    }

    /** Runs on the channel's event loop, so the thread's count is only ever touched by its own thread. */
    private void markBehind(boolean behind) {
        if (behind != backlog) {
            BEHIND_ON_THREAD.get()[0] += behind ? 1 : -1;
            backlog = behind;
        }
    }

    private static int maxMessagesPerRead(ChannelHandlerContext ctx) {
        return ctx.channel().config().getRecvByteBufAllocator() instanceof MaxMessagesRecvByteBufAllocator max
                ? max.maxMessagesPerRead() : Integer.MAX_VALUE;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        readCount++;
        ByteBuf content = packet.content();
        if (isBlank(content)) {
            return;
        }
        InetSocketAddress sender = packet.sender();
        if (StunBinding.isStun(content)) {
            if (StunBinding.isBindingRequest(content)) {
                ByteBuf response = StunBinding.successResponse(content, sender, ctx.alloc());
                ctx.channel().writeAndFlush(new DatagramPacket(response, sender));
            }
            return;
        }
        SipMessage message;
        try {
            message = decoder.decode(content);
        } catch (SipParseException e) {
            transports.stats().malformed();
            if (e.isRequest()) {
                // RFC 3261 §8.2.6.2: a final response carries a To tag; derived from the datagram so that a
                // retransmission of the same bad request gets the same answer.
                String toTag = Integer.toHexString(ByteBufUtil.hashCode(content));
                transports.sendRaw(ctx.channel(), sender, e.response(transports.config().advertisedHost(), toTag));
            }
            return;
        }
        if (message instanceof SipRequest request) {
            message = WireCodec.stampReceived(request, sender);
        }
        Source source = source(sender, (InetSocketAddress) ctx.channel().localAddress());
        transports.deliver(new InboundMessage(message, source, System.nanoTime()));
    }

    private Source source(InetSocketAddress sender, InetSocketAddress local) {
        for (Source recent : recentSources) {
            if (recent != null && recent.remote().equals(sender) && recent.local().equals(local)) {
                return recent;
            }
        }
        Source source = new Source(TransportProtocol.UDP, sender, local);
        recentSources[nextSource] = source;
        nextSource = (nextSource + 1) % recentSources.length;
        return source;
    }

    private static boolean isBlank(ByteBuf content) {
        for (int i = content.readerIndex(); i < content.writerIndex(); i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n' && b != ' ' && b != 0) {
                return false;
            }
        }
        return true;
    }
}
