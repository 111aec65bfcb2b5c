package io.osprey.hss.cx;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CommandDefinition;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.RequestBuilder;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.peer.PeerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An S-CSCF/I-CSCF side Cx node on loopback that builds and sends the four HSS-served requests. */
final class CxClient implements AutoCloseable {

    private final DiameterNode node;
    private final String realm;
    /** RTRs and PPRs the HSS sent, answered DIAMETER_SUCCESS. */
    final BlockingQueue<DiameterMessage> received = new LinkedBlockingQueue<>();

    CxClient(String realm, int hssPort) {
        this.realm = realm;
        this.node = new DiameterNode(DiameterNodeConfig.builder("scscf." + realm, realm)
                .application(CxDictionary.APPLICATION).requestTimeout(Duration.ofSeconds(5))
                .peer(new PeerConfig("hss." + realm, realm, "127.0.0.1", hssPort)).build());
        node.register(CxDictionary.APPLICATION.id(), CxDictionary.REGISTRATION_TERMINATION.code(), this::received);
        node.register(CxDictionary.APPLICATION.id(), CxDictionary.PUSH_PROFILE.code(), this::received);
        node.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!node.peer("hss." + realm).map(p -> p.state().isOpen()).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("HSS connection did not open");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private CompletableFuture<DiameterMessage> received(DiameterMessage request) {
        received.add(request);
        return CompletableFuture.completedFuture(DiameterMessage.answerTo(request, node.identity())
                .result(ResultCodes.DIAMETER_SUCCESS).build());
    }

    RequestBuilder request(CommandDefinition command) {
        return DiameterMessage.request(command, node.identity()).destinationRealm(realm);
    }

    DiameterMessage send(RequestBuilder request) {
        try {
            return node.send(request.build()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Cx request failed", e);
        }
    }

    DiameterMessage uar(String impi, String impu, String visitedNetwork, int type) {
        return send(request(CxDictionary.USER_AUTHORIZATION).add(BaseDictionary.USER_NAME, impi)
                .add(CxDictionary.PUBLIC_IDENTITY, impu)
                .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, visitedNetwork.getBytes(StandardCharsets.UTF_8))
                .add(CxDictionary.USER_AUTHORIZATION_TYPE, type));
    }

    DiameterMessage sar(String impi, String impu, String serverName, int type) {
        RequestBuilder request = request(CxDictionary.SERVER_ASSIGNMENT).add(CxDictionary.PUBLIC_IDENTITY, impu)
                .add(CxDictionary.SERVER_NAME, serverName).add(CxDictionary.SERVER_ASSIGNMENT_TYPE, type)
                .add(CxDictionary.USER_DATA_ALREADY_AVAILABLE, 0);
        if (impi != null) {
            request.add(BaseDictionary.USER_NAME, impi);
        }
        return send(request);
    }

    DiameterMessage lir(String impu, boolean originating) {
        RequestBuilder request = request(CxDictionary.LOCATION_INFO).add(CxDictionary.PUBLIC_IDENTITY, impu);
        if (originating) {
            request.add(CxDictionary.ORIGINATING_REQUEST, 0);
        }
        return send(request);
    }

    DiameterMessage mar(String impi, String impu, int count, Avp... itemMembers) {
        return marFrom("sip:scscf." + realm, impi, impu, count, itemMembers);
    }

    /** A MAR whose Server-Name is {@code serverName}. */
    DiameterMessage marFrom(String serverName, String impi, String impu, int count, Avp... itemMembers) {
        return send(request(CxDictionary.MULTIMEDIA_AUTH).add(BaseDictionary.USER_NAME, impi)
                .add(CxDictionary.PUBLIC_IDENTITY, impu).add(CxDictionary.SERVER_NAME, serverName)
                .add(CxDictionary.SIP_NUMBER_AUTH_ITEMS, count)
                .add(Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM, itemMembers)));
    }

    @Override
    public void close() {
        node.close();
    }
}
