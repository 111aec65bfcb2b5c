package io.osprey.diameter.routing;

import io.osprey.diameter.peer.Peer;
import java.util.Collection;

/** The peers a router may choose from. */
public interface PeerDirectory {

    /** The peer whose Origin-Host is {@code host} (case-insensitive), or null. */
    Peer peer(String host);

    /** Every peer, configured ones first in configuration order. */
    Collection<Peer> peers();
}
