package io.osprey.diameter.node;

import io.osprey.diameter.codec.DiameterEncoder;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.peer.DiameterRequestException;
import io.osprey.diameter.peer.Peer;
import io.osprey.diameter.peer.PeerConnection;
import io.osprey.diameter.peer.PendingRequest;
import io.osprey.diameter.routing.RouteDecision;
import io.osprey.diameter.routing.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What happens to a request a peer sent us (RFC 6733 §6.1): routed by the {@link Router}; processed here by
 * the {@link LocalDispatcher} behind duplicate detection (a duplicate gets the first answer again, under its own
 * Hop-by-Hop Identifier); forwarded with a Route-Record naming the peer it came from (§6.7.1), its answer
 * returned under the original Hop-by-Hop Identifier (§6.2.2), or answered with a protocol error when it cannot
 * be delivered.
 */
final class IncomingRequests {

    /** Sends a request on its way through the node, as {@link DiameterNode#send} does. */
    interface Sender {
        void dispatch(PendingRequest request);
    }

    private final Router router;
    private final LocalDispatcher dispatcher;
    private final DuplicateRequestCache duplicates;
    private final Sender sender;
    private final Duration requestTimeout;

    IncomingRequests(Router router, LocalDispatcher dispatcher, DuplicateRequestCache duplicates, Sender sender,
                     Duration requestTimeout) {
        this.router = router;
        this.dispatcher = dispatcher;
        this.duplicates = duplicates;
        this.sender = sender;
        this.requestTimeout = requestTimeout;
    }

    void received(Peer from, PeerConnection connection, DiameterMessage request) {
        switch (router.routeReceived(request, from)) {
            case RouteDecision.Local local -> processLocally(connection, request);
            case RouteDecision.Forward forward -> forward(from, connection, request);
            case RouteDecision.Reject reject ->
                    connection.send(dispatcher.error(request, reject.resultCode(), reject.reason()));
        }
    }

    private void processLocally(PeerConnection connection, DiameterMessage request) {
        Optional<String> originHost = request.avp(BaseDictionary.ORIGIN_HOST).map(Avp::asUtf8);
        if (originHost.isEmpty()) {
            dispatcher.dispatch(request).thenAccept(connection::send); // the validator answers 5005
            return;
        }
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        CompletableFuture<byte[]> earlier = duplicates.putIfAbsent(originHost.get(), request.endToEndId(), answer);
        if (earlier != null) {
            earlier.thenAccept(first -> connection.sendEncoded(
                    DiameterEncoder.withHopByHopId(first, request.hopByHopId())));
            return;
        }
        dispatcher.dispatch(request).thenAccept(result -> {
            byte[] encoded = DiameterEncoder.toByteArray(result); // encoded once: for the wire and for duplicates
            answer.complete(encoded);
            connection.sendEncoded(encoded);
        });
    }

    private void forward(Peer from, PeerConnection connection, DiameterMessage request) {
        List<Avp> avps = new ArrayList<>(request.avps().size() + 1);
        avps.addAll(request.avps());
        avps.add(Avps.of(BaseDictionary.ROUTE_RECORD, from.host()));
        PendingRequest onward = new PendingRequest(request.withAvps(avps), System.nanoTime(), requestTimeout);
        onward.sentTo(from.host());
        onward.answer().whenComplete((answer, failure) -> connection.send(answer != null
                ? answer.withHopByHopId(request.hopByHopId()) : failed(request, failure)));
        sender.dispatch(onward);
    }

    private DiameterMessage failed(DiameterMessage request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        ResultCode code = cause instanceof DiameterRequestException e ? e.resultCode()
                : ResultCodes.DIAMETER_UNABLE_TO_DELIVER;
        return dispatcher.error(request, code, String.valueOf(cause.getMessage()));
    }
}
