package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpSenderTest {

    private static final int DATAGRAMS = 200;

    private EventLoopGroup group;
    private Channel channel;
    private DatagramSocket receiver;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void bind() throws Exception {
        group = EventLoops.group("udp-sender-test", 1);
        channel = new Bootstrap().group(group).channel(EventLoops.datagramChannel())
                .handler(new ChannelInboundHandlerAdapter()).bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        receiver.setReceiveBufferSize(1 << 20);
        receiver.setSoTimeout(5_000);
    }

    @AfterEach
    void close() {
        receiver.close();
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private InetSocketAddress target() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.getLocalPort());
    }

    private ByteBuf direct(String text) {
        return channel.alloc().directBuffer().writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private List<String> receive(int count) throws Exception {
        List<String> received = new ArrayList<>();
        byte[] buffer = new byte[2048];
        for (int i = 0; i < count; i++) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            receiver.receive(packet);
            assertThat(packet.getPort()).as("sent from the listener's own port")
                    .isEqualTo(((InetSocketAddress) channel.localAddress()).getPort());
            received.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII));
        }
        return received;
    }

    private static List<String> numbered(String prefix) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < DATAGRAMS; i++) {
            expected.add(prefix + i);
        }
        return expected;
    }

    @Test
    void datagramsSentFromAnotherThreadArriveWholeInSendOrderAndBuffersAreReleased() throws Exception {
        UdpSender sender = new UdpSender(channel);
        List<ByteBuf> sent = new ArrayList<>();
        for (String text : numbered("lane ")) {
            ByteBuf datagram = direct(text);
            sent.add(datagram);
            sender.send(datagram, target(), failures::add);
        }

        assertThat(receive(DATAGRAMS)).containsExactlyElementsOf(numbered("lane "));
        assertThat(failures).isEmpty();
        assertThat(sent).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
    }

    @Test
    void onEpollTheSendingThreadSendsItselfEvenWhileTheEventLoopIsBusy() throws Exception {
        Assumptions.assumeTrue(EventLoops.epoll(), "needs native epoll (Linux)");
        UdpSender sender = new UdpSender(channel);
        CountDownLatch release = new CountDownLatch(1);
        channel.eventLoop().execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            sender.send(direct("while the loop is busy"), target(), failures::add);
            assertThat(receive(1)).containsExactly("while the loop is busy");
        } finally {
            release.countDown();
        }
    }

    @Test
    void sendsFromTheEventLoopAndFromALaneKeepEachSendersOrder() throws Exception {
        UdpSender sender = new UdpSender(channel);
        CompletableFuture<Void> fromLoop = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            numbered("loop ").forEach(text -> sender.send(direct(text), target(), failures::add));
            fromLoop.complete(null);
        });
        numbered("lane ").forEach(text -> sender.send(direct(text), target(), failures::add));
        fromLoop.get(5, TimeUnit.SECONDS);

        List<String> received = receive(2 * DATAGRAMS);
        assertThat(received.stream().filter(text -> text.startsWith("loop ")).toList())
                .containsExactlyElementsOf(numbered("loop "));
        assertThat(received.stream().filter(text -> text.startsWith("lane ")).toList())
                .containsExactlyElementsOf(numbered("lane "));
        assertThat(failures).isEmpty();
    }

    @Test
    void aHeapBufferGoesThroughTheChannelAndArrivesToo() throws Exception {
        UdpSender sender = new UdpSender(channel);

        sender.send(Unpooled.copiedBuffer("heap", StandardCharsets.US_ASCII), target(), failures::add);

        assertThat(receive(1)).containsExactly("heap");
        assertThat(failures).isEmpty();
    }

    @Test
    void aSendThatCannotBeMadeIsReportedAndTheBufferReleased() throws Exception {
        UdpSender sender = new UdpSender(channel);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        ByteBuf datagram = direct("nowhere");

        sender.send(datagram, InetSocketAddress.createUnresolved("no-such-host.invalid", 5060), failure::complete);

        assertThat(failure.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(datagram.refCnt()).isZero();
        sender.send(direct("after the failure"), target(), failures::add);
        assertThat(receive(1)).containsExactly("after the failure");
    }
}
