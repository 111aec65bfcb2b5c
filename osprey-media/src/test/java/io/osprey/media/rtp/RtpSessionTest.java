package io.osprey.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Two sessions on 127.0.0.1 talking to each other; waits poll with a deadline, never assert on sleeps. */
class RtpSessionTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void twoSessionsExchangeToneOverLoopback() throws IOException {
        try (RtpSession a = RtpSession.open(LOOPBACK); RtpSession b = RtpSession.open(LOOPBACK)) {
            a.start(b.localAddress(), 0, 1000);
            b.start(a.localAddress(), 8, 440);
            awaitTrue("both sides receive 50 packets",
                    () -> a.stats().packetsReceived() >= 50 && b.stats().packetsReceived() >= 50);
            a.stopSending();
            b.stopSending();
            awaitTrue("every packet sent arrives", () -> b.stats().packetsReceived() == a.stats().packetsSent()
                    && a.stats().packetsReceived() == b.stats().packetsSent());

            RtpStats atA = a.stats();
            RtpStats atB = b.stats();
            assertThat(atA.packetsReceived()).isGreaterThanOrEqualTo(40);
            assertThat(atB.packetsReceived()).isGreaterThanOrEqualTo(40);
            assertThat(atA.packetsLost()).isZero();
            assertThat(atB.packetsLost()).isZero();
            assertThat(atA.bytesReceived()).isEqualTo(160 * atA.packetsReceived());
            assertThat(atA.dominantFrequencyHz()).isCloseTo(440, within(440 * 0.05));
            assertThat(atB.dominantFrequencyHz()).isCloseTo(1000, within(1000 * 0.05));
            assertThat(atA.jitterMillis()).isGreaterThanOrEqualTo(0);
            assertThat(a.sendErrors()).isZero();
            assertThat(a.packetsInvalid()).isZero();
        }
    }

    @Test
    void secondStartRedirectsTheStream() throws IOException {
        try (RtpSession sender = RtpSession.open(LOOPBACK);
             RtpSession first = RtpSession.open(LOOPBACK);
             RtpSession second = RtpSession.open(LOOPBACK)) {
            sender.start(first.localAddress(), 0, 800);
            awaitTrue("first receives", () -> first.stats().packetsReceived() >= 5);
            sender.start(second.localAddress(), 8, 1600);
            awaitTrue("second receives", () -> second.stats().packetsReceived() >= 15);
            long atFirst = first.stats().packetsReceived();
            awaitTrue("second keeps receiving", () -> second.stats().packetsReceived() >= 25);
            assertThat(first.stats().packetsReceived()).isEqualTo(atFirst);
            assertThat(second.stats().dominantFrequencyHz()).isCloseTo(1600, within(1600 * 0.05));
            assertThat(second.stats().packetsLost()).isZero();
        }
    }

    @Test
    void timerSurvivesSendErrors() throws IOException {
        try (RtpSession sender = RtpSession.open(LOOPBACK); RtpSession receiver = RtpSession.open(LOOPBACK)) {
            // The JDK refuses to send to port 0, so every tick fails.
            sender.start(new InetSocketAddress(LOOPBACK, 0), 0, 1000);
            awaitTrue("several failed sends", () -> sender.sendErrors() >= 3);
            assertThat(sender.stats().packetsSent()).isZero();
            sender.start(receiver.localAddress(), 0, 1000);
            awaitTrue("sending resumes after errors", () -> receiver.stats().packetsReceived() >= 5);
        }
    }

    @Test
    void bindsEvenPortsInRangeAndReportsExhaustion() throws IOException {
        try (RtpSession session = RtpSession.open(LOOPBACK, 41001, 41004)) {
            int port = session.localAddress().getPort();
            assertThat(port).isIn(41002, 41004);
            assertThat(session.localAddress().getAddress()).isEqualTo(LOOPBACK);
            try (RtpSession other = RtpSession.open(LOOPBACK, 41001, 41004)) {
                assertThat(other.localAddress().getPort()).isIn(41002, 41004).isNotEqualTo(port);
                assertThatThrownBy(() -> RtpSession.open(LOOPBACK, 41001, 41005))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("no free even UDP port in [41001, 41005]");
            }
        }
        assertThatThrownBy(() -> RtpSession.open(LOOPBACK, 41003, 41003)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RtpSession.open(LOOPBACK, 5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeIsIdempotentAndReleasesThePort() throws IOException {
        RtpSession session = RtpSession.open(LOOPBACK, 41010, 41010);
        session.start(new InetSocketAddress(LOOPBACK, 41012), 0, 1000);
        session.close();
        session.close();
        assertThatThrownBy(() -> session.start(new InetSocketAddress(LOOPBACK, 41012), 0, 1000))
                .isInstanceOf(IllegalStateException.class);
        try (RtpSession again = RtpSession.open(LOOPBACK, 41010, 41010)) {
            assertThat(again.localAddress().getPort()).isEqualTo(41010);
        }
    }

    @Test
    void startValidatesItsArguments() throws IOException {
        try (RtpSession session = RtpSession.open(LOOPBACK)) {
            InetSocketAddress remote = new InetSocketAddress(LOOPBACK, 40000);
            assertThatThrownBy(() -> session.start(remote, 18, 1000)).hasMessageContaining("payload type 18");
            assertThatThrownBy(() -> session.start(remote, 0, 4000)).hasMessageContaining("tone");
            assertThatThrownBy(() -> session.start(InetSocketAddress.createUnresolved("nowhere.invalid", 4000), 0, 1))
                    .hasMessageContaining("unresolved");
            assertThat(session.stats()).isEqualTo(new RtpStats(0, 0, 0, 0, 0, 0));
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
