package io.osprey.sip.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/** Where a message goes next: a transport and a resolved address (RFC 3263 resolution happens before this). */
public record Hop(TransportProtocol transport, InetSocketAddress address) {

    public Hop {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return transport + ":" + address.getHostString() + ":" + address.getPort();
    }
}
