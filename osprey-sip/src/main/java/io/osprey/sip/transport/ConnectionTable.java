package io.osprey.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open stream connections (TCP, TLS) by transport and peer address, inbound and outbound alike, so a response
 * goes back over the connection its request came on (RFC 3261 §18.2.2) and requests to a peer reuse an existing
 * connection (RFC 5923 spirit). Concurrent sends to a peer share one connection attempt.
 */
final class ConnectionTable {

    /** The address an outbound connection was made to, for the TLS handler to check the server's name against. */
    static final AttributeKey<InetSocketAddress> PEER = AttributeKey.valueOf("osprey.sip.peer");

    private record Key(TransportProtocol transport, InetSocketAddress remote) {
    }

    private final Map<Key, Channel> open = new ConcurrentHashMap<>();
    private final Map<Key, ChannelFuture> connecting = new ConcurrentHashMap<>();

    Channel get(TransportProtocol transport, InetSocketAddress remote) {
        return open.get(new Key(transport, remote));
    }

    void register(TransportProtocol transport, Channel channel) {
        Key key = new Key(transport, (InetSocketAddress) channel.remoteAddress());
        open.put(key, channel);
        channel.closeFuture().addListener(closed -> open.remove(key, channel));
    }

    /**
     * RFC 5923 §5: the peer asked (Via {@code alias}) that this connection also carry requests toward its advertised
     * sent-by address, so no second connection is opened in the reverse direction. The alias ends with the connection.
     */
    void alias(TransportProtocol transport, InetSocketAddress sentBy, Channel channel) {
        Key key = new Key(transport, sentBy);
        if (open.putIfAbsent(key, channel) == null) {
            channel.closeFuture().addListener(closed -> open.remove(key, channel));
        }
    }

    /** The pending or new connection to {@code remote}; registration happens when the channel becomes active. */
    ChannelFuture connect(TransportProtocol transport, InetSocketAddress remote, Bootstrap bootstrap) {
        Key key = new Key(transport, remote);
        ChannelFuture future = connecting.computeIfAbsent(key, k -> bootstrap.clone().attr(PEER, remote).connect(remote));
        future.addListener(done -> connecting.remove(key, future));
        return future;
    }

    int size() {
        return open.size();
    }

    void closeAll() {
        for (Channel channel : open.values()) {
            channel.close();
        }
    }
}
