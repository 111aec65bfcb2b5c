package io.osprey.sip.transaction;

import io.osprey.common.time.VirtualScheduler;
import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.InboundMessage;
import io.osprey.sip.transport.MessageSender;
import io.osprey.sip.transport.Source;
import io.osprey.sip.transport.TransportProtocol;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A transaction layer on a virtual clock with a recording transport and TU, so tests can step through timers and
 * see exactly what went on the wire and when.
 */
final class TransactionHarness implements MessageSender, TransactionUser, ClientTransactionListener {

    record Sent(long atMillis, SipMessage message) {
    }

    static final Source UDP_PEER = new Source(TransportProtocol.UDP, new InetSocketAddress("192.0.2.10", 5060),
            new InetSocketAddress("192.0.2.1", 5060));
    static final Source TCP_PEER = new Source(TransportProtocol.TCP, new InetSocketAddress("192.0.2.10", 40000),
            new InetSocketAddress("192.0.2.1", 5060));
    static final Hop UDP_HOP = new Hop(TransportProtocol.UDP, new InetSocketAddress("192.0.2.20", 5060));
    static final Hop TCP_HOP = new Hop(TransportProtocol.TCP, new InetSocketAddress("192.0.2.20", 5060));

    final VirtualScheduler clock = new VirtualScheduler();
    final TransactionLayer layer = new TransactionLayer(TransactionConfig.DEFAULTS, clock, this, LaneDispatcher.DIRECT, this);
    final List<Sent> sent = new ArrayList<>();
    final List<SipResponse> clientResponses = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<ServerTransaction> serverTransactions = new ArrayList<>();
    final List<SipMessage> acks = new ArrayList<>();
    final List<SipMessage> strays = new ArrayList<>();
    /** Responses handed to the transport to keep for resending, in order. */
    final List<SipResponse> kept = new ArrayList<>();
    Throwable failNextSend;

    static SipMessage parse(String text) {
        return new SipMessageDecoder().decode(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static SipRequest request(String method, String branch) {
        return request(method, branch, 1);
    }

    static SipRequest request(String method, String branch, long cseq) {
        return (SipRequest) parse(method + " sip:bob@example.com SIP/2.0\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:alice@example.com>;tag=a1\n"
                + "To: <sip:bob@example.com>\n"
                + "Call-ID: call-1@192.0.2.10\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + "Content-Length: 0\n\n");
    }

    static SipResponse response(SipRequest request, int code, String reason, String toTag) {
        SipResponse.Builder builder = SipResponse.forRequest(request, code, reason);
        if (toTag != null) {
            builder.toTag(toTag);
        }
        return builder.build();
    }

    void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    long now() {
        return Duration.ofNanos(clock.nanoTime()).toMillis();
    }

    List<Long> sendTimes() {
        return sent.stream().map(Sent::atMillis).toList();
    }

    void deliver(SipMessage message, Source source) {
        layer.receive(new InboundMessage(message, source, clock.nanoTime()));
    }

    @Override
    public void sendRequest(SipRequest request, Hop hop, Consumer<Throwable> onFailure) {
        record(request, onFailure);
    }

    @Override
    public void sendResponse(SipResponse response, Source requestSource, Consumer<Throwable> onFailure) {
        record(response, onFailure);
    }

    @Override
    public KeptResponse sendAndKeepResponse(SipResponse response, Source requestSource, Consumer<Throwable> onFailure) {
        kept.add(response);
        record(response, onFailure);
        return again -> record(response, again);
    }

    private void record(SipMessage message, Consumer<Throwable> onFailure) {
        sent.add(new Sent(now(), message));
        if (failNextSend != null) {
            Throwable cause = failNextSend;
            failNextSend = null;
            onFailure.accept(cause);
        }
    }

    @Override
    public void onRequest(ServerTransaction transaction, InboundMessage request) {
        serverTransactions.add(transaction);
        events.add("request " + ((SipRequest) request.message()).method());
    }

    @Override
    public void onAck(InboundMessage ack) {
        acks.add(ack.message());
    }

    @Override
    public void onStrayResponse(InboundMessage response) {
        strays.add(response.message());
    }

    @Override
    public void onServerTransactionTerminated(ServerTransaction transaction, boolean timedOut) {
        events.add("server terminated at " + now() + (timedOut ? " (timed out)" : ""));
    }

    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
        clientResponses.add(response);
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        events.add("timeout at " + now());
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
        events.add("transport error: " + cause.getMessage());
    }

    @Override
    public void onTerminated(ClientTransaction transaction) {
        events.add("client terminated at " + now());
    }
}
