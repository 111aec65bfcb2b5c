package io.osprey.diameter.node;

import io.osprey.diameter.codec.DiameterLimits;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.DiameterApplication;
import io.osprey.diameter.dictionary.DiameterDictionary;
import io.osprey.diameter.message.AvpData;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.diameter.peer.PeerTimers;
import io.osprey.diameter.routing.RealmRoute;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link DiameterNode} needs: identity, where to listen, the peers to connect to, the applications
 * served, realm routes, the policy for unknown peers, timers and limits. Build one with {@link #builder}.
 *
 * @param listenAddress      where to accept connections, or null to accept none (port 0 picks a free port)
 * @param requestTimeout     how long a request waits for its answer before failing with a timeout
 * @param duplicateWindow    how long answers are kept to re-send on a duplicate request
 * @param duplicateCacheSize the most answers kept for duplicate detection
 * @param maxPendingRequests the most requests waiting for answers per peer
 * @param firmwareRevision   Firmware-Revision to announce, or -1 for none
 * @param originStateId      Origin-State-Id to announce; 0 takes the start time in seconds
 * @param hostAddresses      Host-IP-Address values; empty to announce each connection's local address
 * @param relay              announce the relay application and forward any application
 * @param disconnectCause    the Disconnect-Cause of the DPRs sent on {@link DiameterNode#close()}
 * @param tls                TLS for every connection, or null for plain TCP
 */
public record DiameterNodeConfig(String originHost, String realm, InetSocketAddress listenAddress,
                                 List<PeerConfig> peers, List<DiameterApplication> applications,
                                 List<RealmRoute> routes, UnknownPeerPolicy unknownPeers, PeerTimers timers,
                                 Duration requestTimeout, Duration duplicateWindow, int duplicateCacheSize,
                                 int maxPendingRequests, long vendorId, String productName, long firmwareRevision,
                                 long originStateId, List<InetAddress> hostAddresses, DiameterDictionary dictionary,
                                 DiameterLimits limits, int ioThreads, boolean relay, int disconnectCause,
                                 TlsConfig tls) {

    public DiameterNodeConfig {
        if (!AvpData.isValidDiameterIdentity(originHost)) {
            throw new IllegalArgumentException("originHost must be an ASCII FQDN, was '" + originHost + "'");
        }
        if (!AvpData.isValidDiameterIdentity(realm)) {
            throw new IllegalArgumentException("realm must be an ASCII realm, was '" + realm + "'");
        }
        peers = List.copyOf(peers);
        applications = List.copyOf(applications);
        routes = List.copyOf(routes);
        hostAddresses = List.copyOf(hostAddresses);
        Objects.requireNonNull(unknownPeers, "unknownPeers");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(dictionary, "dictionary");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(productName, "productName");
        positive("requestTimeout", requestTimeout);
        positive("duplicateWindow", duplicateWindow);
        atLeastOne("duplicateCacheSize", duplicateCacheSize);
        atLeastOne("maxPendingRequests", maxPendingRequests);
        atLeastOne("ioThreads", ioThreads);
        if (disconnectCause < BaseDictionary.DISCONNECT_REBOOTING
                || disconnectCause > BaseDictionary.DISCONNECT_DO_NOT_WANT_TO_TALK_TO_YOU) {
            throw new IllegalArgumentException("disconnectCause must be 0 (REBOOTING), 1 (BUSY) or 2"
                    + " (DO_NOT_WANT_TO_TALK_TO_YOU), was " + disconnectCause);
        }
        Set<String> hosts = new HashSet<>();
        for (PeerConfig peer : peers) {
            if (!hosts.add(peer.host().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("peer " + peer.host() + " is configured twice");
            }
            if (peer.host().equalsIgnoreCase(originHost)) {
                throw new IllegalArgumentException("peer " + peer.host() + " is this node's own originHost");
            }
        }
    }

    public static Builder builder(String originHost, String realm) {
        return new Builder(originHost, realm);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    /** Collects settings, starting from the defaults noted on each method. */
    public static final class Builder {
        private final String originHost;
        private final String realm;
        private InetSocketAddress listenAddress;
        private final List<PeerConfig> peers = new ArrayList<>();
        private final List<DiameterApplication> applications = new ArrayList<>();
        private final List<RealmRoute> routes = new ArrayList<>();
        private UnknownPeerPolicy unknownPeers = UnknownPeerPolicy.rejectAll();
        private PeerTimers timers = PeerTimers.DEFAULT;
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Duration duplicateWindow = Duration.ofSeconds(60);
        private int duplicateCacheSize = 16_384;
        private int maxPendingRequests = 16_384;
        private long vendorId;
        private String productName = "Osprey";
        private long firmwareRevision = -1;
        private long originStateId;
        private final List<InetAddress> hostAddresses = new ArrayList<>();
        private DiameterDictionary dictionary = DiameterDictionary.standard();
        private DiameterLimits limits = DiameterLimits.DEFAULT;
        private int ioThreads = 1;
        private boolean relay;
        private int disconnectCause = BaseDictionary.DISCONNECT_REBOOTING;
        private TlsConfig tls;

        private Builder(String originHost, String realm) {
            this.originHost = originHost;
            this.realm = realm;
        }

        /** Default: none. */
        public Builder listen(InetSocketAddress address) {
            this.listenAddress = address;
            return this;
        }

        public Builder peer(PeerConfig peer) {
            peers.add(peer);
            return this;
        }

        public Builder application(DiameterApplication application) {
            applications.add(application);
            return this;
        }

        public Builder route(RealmRoute route) {
            routes.add(route);
            return this;
        }

        /** Default: only configured peers. */
        public Builder unknownPeers(UnknownPeerPolicy policy) {
            this.unknownPeers = policy;
            return this;
        }

        /** Default: {@link PeerTimers#DEFAULT}. */
        public Builder timers(PeerTimers timers) {
            this.timers = timers;
            return this;
        }

        /** Default: 5 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** Default: 60 s and 16384 answers. */
        public Builder duplicateDetection(Duration window, int cacheSize) {
            this.duplicateWindow = window;
            this.duplicateCacheSize = cacheSize;
            return this;
        }

        /** Default: 16384. */
        public Builder maxPendingRequests(int max) {
            this.maxPendingRequests = max;
            return this;
        }

        /** Default: Vendor-Id 0, Product-Name "Osprey", no Firmware-Revision. */
        public Builder product(long vendorId, String productName, long firmwareRevision) {
            this.vendorId = vendorId;
            this.productName = productName;
            this.firmwareRevision = firmwareRevision;
            return this;
        }

        /** Default: the start time in seconds. */
        public Builder originStateId(long id) {
            this.originStateId = id;
            return this;
        }

        /** Default: each connection's local address. */
        public Builder hostAddress(InetAddress address) {
            hostAddresses.add(address);
            return this;
        }

        /** Default: {@link DiameterDictionary#standard()} and {@link DiameterLimits#DEFAULT}. */
        public Builder dictionary(DiameterDictionary dictionary, DiameterLimits limits) {
            this.dictionary = dictionary;
            this.limits = limits;
            return this;
        }

        /** Default: 1. */
        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /** Default: false. */
        public Builder relay(boolean relay) {
            this.relay = relay;
            return this;
        }

        /** Default: REBOOTING (0). */
        public Builder disconnectCause(int cause) {
            this.disconnectCause = cause;
            return this;
        }

        /** Default: none (plain TCP). */
        public Builder tls(TlsConfig tls) {
            this.tls = tls;
            return this;
        }

        public DiameterNodeConfig build() {
            return new DiameterNodeConfig(originHost, realm, listenAddress, peers, applications, routes, unknownPeers,
                    timers, requestTimeout, duplicateWindow, duplicateCacheSize, maxPendingRequests, vendorId,
                    productName, firmwareRevision, originStateId, hostAddresses, dictionary, limits, ioThreads, relay,
                    disconnectCause, tls);
        }
    }
}
