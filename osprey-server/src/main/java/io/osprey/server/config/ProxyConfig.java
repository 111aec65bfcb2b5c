package io.osprey.server.config;

import java.util.List;

/**
 * The plain stateful proxy role: listens on UDP and TCP and forwards requests by a static route table.
 *
 * @param listen       address to bind, default 127.0.0.1
 * @param port         UDP and TCP port, default 5060
 * @param recordRoute  insert Record-Route so in-dialog requests come back through the proxy (default true)
 * @param routes       first match wins; a request matching none is answered 404
 */
public record ProxyConfig(String listen, Integer port, Boolean recordRoute, List<RouteConfig> routes) {

    public ProxyConfig {
        listen = ConfigChecks.address("listen", listen == null ? "127.0.0.1" : listen);
        port = ConfigChecks.range("port", port == null ? 5060 : port, 1, 65535);
        recordRoute = recordRoute == null || recordRoute;
        routes = routes == null ? List.of() : List.copyOf(routes);
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i) == null) {
                throw new ConfigException("routes[" + i + "]", "is empty; expected {match: ..., to: ...}");
            }
        }
    }

    static ProxyConfig defaults() {
        return new ProxyConfig(null, null, null, null);
    }
}
