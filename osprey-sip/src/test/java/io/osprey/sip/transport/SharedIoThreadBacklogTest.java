package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MaxMessagesRecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.osprey.sip.codec.SipLimits;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stacks whose UDP sockets one I/O thread reads (decision 0018): when any of those sockets is behind, none of the
 * stacks runs work in place on that thread. Embedded channels read on the test's thread, as sockets on one event
 * loop read on its thread.
 */
class SharedIoThreadBacklogTest {

    private static final int MAX_PER_READ = 2;
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5060);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5070);

    private EventLoopGroup unused;
    private SipTransports icscf;
    private SipTransports scscf;

    @BeforeEach
    void transports() {
        unused = SipTransports.newEventLoops("unused", 1);
        icscf = new SipTransports(LoopbackPeer.udpOnly(0), SipLimits.DEFAULTS, inbound -> { }, unused);
        scscf = new SipTransports(LoopbackPeer.udpOnly(0), SipLimits.DEFAULTS, inbound -> { }, unused);
    }

    @AfterEach
    void close() {
        unused.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    @Test
    void aSocketBehindHoldsUpInPlaceWorkOfEveryStackOnItsThreadUntilItIsDrained() {
        EmbeddedChannel icscfSocket = socketOf(icscf);
        EmbeddedChannel scscfSocket = socketOf(scscf);
        assertThat(scscf.inboundBacklog()).isFalse();

        icscfSocket.writeInbound(keepAlive(), keepAlive()); // the read stopped at its maximum

        assertThat(scscf.inboundBacklog()).as("another stack's socket on this thread is behind").isTrue();
        scscfSocket.writeInbound(keepAlive()); // its own socket drained
        assertThat(scscf.inboundBacklog()).as("the I-CSCF's socket is still behind").isTrue();

        icscfSocket.writeInbound(keepAlive()); // drained
        assertThat(scscf.inboundBacklog()).isFalse();
        assertThat(icscf.inboundBacklog()).isFalse();

        icscfSocket.writeInbound(keepAlive(), keepAlive());
        assertThat(scscf.inboundBacklog()).isTrue();
        icscfSocket.close();
        assertThat(scscf.inboundBacklog()).as("a closed socket holds up no one").isFalse();
        scscfSocket.close();
    }

    @Test
    void aThreadThatReadsNoSocketBehindIsNotHeldUp() throws Exception {
        EmbeddedChannel icscfSocket = socketOf(icscf);
        icscfSocket.writeInbound(keepAlive(), keepAlive());
        assertThat(scscf.inboundBacklog()).isTrue();

        // another I/O thread
        assertThat(unused.next().submit(scscf::inboundBacklog).get(3, TimeUnit.SECONDS)).isFalse();
        icscfSocket.close();
    }

    @Test
    void aSocketBehindReadAfterReadReportsSinceWhenDatagramsHaveWaitedUntilAReadDrainsIt() {
        List<long[]> reports = new ArrayList<>();
        icscf.onInboundBacklog((since, now) -> reports.add(new long[] {since, now}));
        EmbeddedChannel socket = socketOf(icscf);

        long before = System.nanoTime();
        socket.writeInbound(keepAlive(), keepAlive()); // behind from now on
        assertThat(reports).as("one read at the maximum may be a burst").isEmpty();
        socket.writeInbound(keepAlive(), keepAlive());
        socket.writeInbound(keepAlive(), keepAlive());

        assertThat(reports).hasSize(2);
        long since = reports.get(0)[0];
        assertThat(since).isBetween(before, reports.get(0)[1]);
        assertThat(reports.get(1)[0]).as("the same backlog, still counted from its start").isEqualTo(since);
        assertThat(reports.get(1)[1]).isGreaterThanOrEqualTo(reports.get(0)[1]);

        socket.writeInbound(keepAlive()); // drained
        socket.writeInbound(keepAlive(), keepAlive()); // a new backlog starts
        assertThat(reports).hasSize(2);
        socket.writeInbound(keepAlive(), keepAlive());
        assertThat(reports).hasSize(3);
        assertThat(reports.get(2)[0]).as("counted from the new start").isGreaterThan(since);
        socket.close();
    }

    private static EmbeddedChannel socketOf(SipTransports transports) {
        EmbeddedChannel channel = new EmbeddedChannel(new DatagramHandler(transports));
        ((MaxMessagesRecvByteBufAllocator) channel.config().getRecvByteBufAllocator())
                .maxMessagesPerRead(MAX_PER_READ);
        return channel;
    }

    /** A CRLF keep-alive: read and counted, then dropped. */
    private static DatagramPacket keepAlive() {
        return new DatagramPacket(Unpooled.copiedBuffer("\r\n\r\n", StandardCharsets.US_ASCII), LOCAL, PEER);
    }
}
