package io.osprey.server.role;

import io.osprey.diameter.dictionary.CommandDefinition;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.RequestBuilder;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.peer.PeerCapabilities;
import io.osprey.diameter.peer.PeerConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client Diameter node on loopback (an S-CSCF or an AS) connected to the HSS: it announces Cx and Sh, sends
 * requests to the HSS and answers the requests the HSS sends (RTR, PPR, PNR) with DIAMETER_SUCCESS, keeping
 * them in {@link #received}.
 */
final class DiameterTestPeer implements AutoCloseable {

    private final DiameterNode node;
    private final String hssHost;
    private final String realm;
    /** Requests the HSS sent to this peer, in arrival order. */
    final BlockingQueue<DiameterMessage> received = new LinkedBlockingQueue<>();
    private final Map<String, DiameterMessage> answers = new ConcurrentHashMap<>();

    DiameterTestPeer(String originHost, String realm, int hssPort) {
        this.realm = realm;
        this.hssHost = "hss." + realm;
        this.node = new DiameterNode(DiameterNodeConfig.builder(originHost, realm)
                .application(CxDictionary.APPLICATION).application(ShDictionary.APPLICATION)
                .requestTimeout(Duration.ofSeconds(5)).product(10415, "Osprey test peer", -1)
                .peer(new PeerConfig(hssHost, realm, "127.0.0.1", hssPort)).build());
        for (CommandDefinition command : new CommandDefinition[] {CxDictionary.REGISTRATION_TERMINATION,
            CxDictionary.PUSH_PROFILE, ShDictionary.PUSH_NOTIFICATION}) {
            node.register(command.application().id(), command.code(), this::answer);
        }
        node.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!node.peer(hssHost).map(p -> p.state().isOpen()).orElse(false)) {
            if (System.nanoTime() > deadline) {
                node.close();
                throw new AssertionError(originHost + " did not open its connection to " + hssHost);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private CompletableFuture<DiameterMessage> answer(DiameterMessage request) {
        DiameterMessage answer = DiameterMessage.answerTo(request, node.identity())
                .result(ResultCodes.DIAMETER_SUCCESS).build();
        request.sessionId().ifPresent(session -> answers.put(session, answer));
        received.add(request);
        return CompletableFuture.completedFuture(answer);
    }

    /** The answer this peer gave to {@code request}, one of {@link #received}. */
    DiameterMessage answerGivenTo(DiameterMessage request) {
        DiameterMessage answer = answers.get(request.sessionId().orElseThrow());
        if (answer == null) {
            throw new AssertionError("no answer given to " + request);
        }
        return answer;
    }

    /** What the HSS announced in its CEA. */
    PeerCapabilities hssCapabilities() {
        return node.peer(hssHost).flatMap(p -> p.capabilities()).orElseThrow();
    }

    String host() {
        return node.identity().originHost();
    }

    /** A request of {@code command} addressed to the HSS's realm and host. */
    RequestBuilder request(CommandDefinition command) {
        return DiameterMessage.request(command, node.identity()).destinationRealm(realm).destinationHost(hssHost);
    }

    /** Sends and waits up to 10 s for the answer. */
    DiameterMessage send(RequestBuilder request) {
        return send(request.build());
    }

    DiameterMessage send(DiameterMessage request) {
        try {
            return node.send(request).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("request " + request.commandCode() + " got no answer", e);
        }
    }

    /** The next request the HSS sent, within 10 s. */
    DiameterMessage nextReceived() throws InterruptedException {
        DiameterMessage request = received.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the HSS sent " + host() + " no request within 10 s");
        }
        return request;
    }

    @Override
    public void close() {
        node.close();
    }
}
