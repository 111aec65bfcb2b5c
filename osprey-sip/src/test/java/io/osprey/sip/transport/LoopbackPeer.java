package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.codec.SipLimits;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/** A started {@link SipTransports} on loopback that queues what it receives and records send failures. */
final class LoopbackPeer implements AutoCloseable {

    static final long WAIT_MILLIS = 3000;

    private final BlockingQueue<InboundMessage> received = new LinkedBlockingQueue<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final SipTransports transports;

    private LoopbackPeer(TransportConfig config) {
        this.transports = new SipTransports(config, SipLimits.DEFAULTS, received::add, 1);
    }

    /** Starts a peer with the configuration {@code configForPort} gives for a free port, retrying on a clash. */
    static LoopbackPeer start(IntFunction<TransportConfig> configForPort) throws InterruptedException {
        Exception last = null;
        for (int attempt = 0; attempt < LoopbackPorts.START_ATTEMPTS; attempt++) {
            LoopbackPeer peer = new LoopbackPeer(configForPort.apply(LoopbackPorts.freePort()));
            try {
                peer.transports.start();
                return peer;
            } catch (InterruptedException e) {
                peer.close();
                throw e;
            } catch (Exception portTaken) {
                peer.close();
                last = portTaken;
            }
        }
        throw new IllegalStateException("could not start transports on loopback", last);
    }

    static TransportConfig udpOnly(int port) {
        return new TransportConfig("127.0.0.1", port, 0, 0, null, null, TransportConfig.DEFAULT_UDP_MTU_LIMIT, 60);
    }

    static TransportConfig tcpOnly(int port) {
        return new TransportConfig("127.0.0.1", 0, port, 0, null, null, TransportConfig.DEFAULT_UDP_MTU_LIMIT, 60);
    }

    InetSocketAddress address(TransportProtocol transport) {
        return transports.localAddress(transport);
    }

    Hop hop(TransportProtocol transport) {
        return new Hop(transport, address(transport));
    }

    void send(SipRequest request, Hop hop) {
        transports.sendRequest(request, hop, failures::add);
    }

    void respond(SipResponse response, Source requestSource) {
        transports.sendResponse(response, requestSource, failures::add);
    }

    /** The next message received, waiting a few seconds at most. */
    InboundMessage next() throws InterruptedException {
        InboundMessage message = received.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(message).as("message received within %d ms (send failures: %s)", WAIT_MILLIS, failures)
                .isNotNull();
        return message;
    }

    /** Polls {@code condition} until it holds, failing after a few seconds. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waiting for " + what).isNegative();
            Thread.sleep(2);
        }
    }

    List<Throwable> failures() {
        return failures;
    }

    @Override
    public void close() {
        transports.close();
    }
}
