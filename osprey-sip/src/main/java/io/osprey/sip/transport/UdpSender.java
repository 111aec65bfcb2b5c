package io.osprey.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends SIP datagrams from the UDP listener's socket. On epoll the calling thread (a lane, or an I/O thread running
 * lane work in place) makes the {@code sendto} itself: a write handed to the channel's event loop costs a task, a
 * wake-up of that loop (an eventfd write and a context switch) and Netty's outbound pipeline, for each message,
 * which at IMS rates was a larger share of the CPU than the system call. A datagram is sent whole or not at all,
 * and the kernel serialises concurrent sends on one socket, so no lock is needed. Order: the messages of a call all
 * come from its lane, one after the other, so they leave in the order they were sent.
 *
 * <p>When the socket's send buffer is full ({@code EAGAIN}) the datagram goes to the channel, which waits until the
 * socket is writable; until every datagram queued there has gone, later ones queue behind it rather than overtake.
 * Without epoll (NIO) every datagram goes through the channel, in send order whatever thread sends it.
 */
final class UdpSender {

    private final Channel channel;
    /** The listener's socket when sends may be made directly, else null. */
    private final Socket socket;
    /** Datagrams handed to the channel and not yet written. */
    private final AtomicInteger queued = new AtomicInteger();

    UdpSender(Channel channel) {
        this.channel = channel;
        this.socket = channel instanceof EpollDatagramChannel epoll && epoll.fd() instanceof Socket fd ? fd : null;
    }

    /** Sends the readable bytes of {@code datagram} (which it releases) to {@code target}. */
    void send(ByteBuf datagram, InetSocketAddress target, Consumer<Throwable> onFailure) {
        if (socket != null && datagram.isDirect() && !target.isUnresolved() && queued.get() == 0) {
            int sent;
            try {
                ByteBuffer bytes = datagram.internalNioBuffer(datagram.readerIndex(), datagram.readableBytes());
                sent = socket.sendTo(bytes, bytes.position(), bytes.limit(), target.getAddress(), target.getPort());
            } catch (IOException | RuntimeException e) {
                datagram.release();
                onFailure.accept(e);
                return;
            }
            if (sent > 0) {
                datagram.release();
                return;
            }
            // 0: the send buffer is full; the channel retries once the socket is writable
        }
        queue(datagram, target, onFailure);
    }

    private void queue(ByteBuf datagram, InetSocketAddress target, Consumer<Throwable> onFailure) {
        queued.incrementAndGet();
        DatagramPacket packet = new DatagramPacket(datagram, target);
        if (channel.eventLoop().inEventLoop()) {
            // behind the writes other threads queued on this loop a moment before (same order as sends were made)
            channel.eventLoop().execute(() -> write(packet, onFailure));
        } else {
            write(packet, onFailure);
        }
    }

    private void write(DatagramPacket packet, Consumer<Throwable> onFailure) {
        channel.writeAndFlush(packet).addListener(future -> {
            queued.decrementAndGet();
            if (!future.isSuccess()) {
                onFailure.accept(future.cause());
            }
        });
    }
}
