package io.osprey.hss.sh;

import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.node.UnknownPeerPolicy;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.diameter.peer.PeerTimers;
import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/** A SQLite subscriber store in a temp folder and Sh node configs. */
final class ShFixture {

    static final String REALM = "ims.test";
    static final String HSS_HOST = "hss.ims.test";

    private ShFixture() {
    }

    static SubscriberStore store(Path directory) {
        return SubscriberStores.open(StoreConfig.of("sqlite:" + directory.resolve("osprey.db")));
    }

    private static PeerTimers fastTimers() {
        return new PeerTimers(Duration.ofMillis(300), Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(800),
                Duration.ofSeconds(1));
    }

    static DiameterNodeConfig hss() {
        return DiameterNodeConfig.builder(HSS_HOST, REALM).listen(new InetSocketAddress("127.0.0.1", 0))
                .application(ShDictionary.APPLICATION).timers(fastTimers()).requestTimeout(Duration.ofSeconds(3))
                .product(10415, "Osprey HSS test", 1).unknownPeers(UnknownPeerPolicy.acceptAny()).build();
    }

    static DiameterNodeConfig as(String host, int hssPort) {
        return DiameterNodeConfig.builder(host, REALM).application(ShDictionary.APPLICATION).timers(fastTimers())
                .requestTimeout(Duration.ofSeconds(3)).product(10415, "Osprey AS test", 1)
                .peer(new PeerConfig(HSS_HOST, REALM, "127.0.0.1", hssPort)).build();
    }
}
