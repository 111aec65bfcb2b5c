package io.osprey.diameter.node;

import io.osprey.diameter.peer.Peer;
import io.osprey.diameter.routing.PeerDirectory;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The peer table of RFC 6733 §2.6: every known peer by Origin-Host (case-insensitive), configured peers first
 * in configuration order, then peers that connected on their own. Holds at most {@code capacity} peers, so
 * accepting any peer cannot grow it without bound. Thread-safe.
 */
final class PeerTable implements PeerDirectory {

    private final Map<String, Peer> byHost = new ConcurrentHashMap<>();
    private final List<Peer> ordered = new CopyOnWriteArrayList<>();
    private final int capacity;

    PeerTable(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public Peer peer(String host) {
        return byHost.get(host.toLowerCase(Locale.ROOT));
    }

    @Override
    public Collection<Peer> peers() {
        return Collections.unmodifiableList(ordered);
    }

    void add(Peer peer) {
        if (byHost.putIfAbsent(peer.host().toLowerCase(Locale.ROOT), peer) != null) {
            throw new IllegalArgumentException("peer " + peer.host() + " is already known");
        }
        ordered.add(peer);
    }

    /** The peer for {@code host}, created by {@code factory} when unknown; null when the table is full. */
    synchronized Peer getOrAdd(String host, Supplier<Peer> factory) {
        Peer existing = peer(host);
        if (existing != null || byHost.size() >= capacity) {
            return existing;
        }
        Peer created = factory.get();
        add(created);
        return created;
    }
}
