package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.osprey.sip.codec.SipLimits;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Transports on event loops another component owns (a CSCF's, shared with its Diameter node; decision 0015). */
class SharedEventLoopsTest {

    @Test
    void transportsReadOnTheGivenLoopsAndLeaveThemRunningWhenClosed() throws Exception {
        EventLoopGroup shared = SipTransports.newEventLoops("cscf-io", 1);
        try (RawUdpClient client = new RawUdpClient()) {
            CompletableFuture<String> readOn = new CompletableFuture<>();
            SipTransports transports = new SipTransports(LoopbackPeer.udpOnly(LoopbackPorts.freePort()),
                    SipLimits.DEFAULTS, inbound -> readOn.complete(inbound.message().callId().value() + " on "
                    + Thread.currentThread().getName()), shared);
            transports.start();
            String options = SipText.requestText("OPTIONS",
                    "SIP/2.0/UDP 127.0.0.1:" + client.port() + ";branch=z9hG4bKshared", "shared-loops", "", "");

            client.send(SipText.wire(options), transports.localAddress(TransportProtocol.UDP));

            assertThat(readOn.get(3, TimeUnit.SECONDS)).isEqualTo("shared-loops on cscf-io-0");
            transports.close();
            assertThat(shared.isShuttingDown()).as("closing leaves the owner's loops running").isFalse();
            assertThat(shared.next().submit(() -> "still serving").get(1, TimeUnit.SECONDS))
                    .isEqualTo("still serving");
        } finally {
            shared.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
    }
}
