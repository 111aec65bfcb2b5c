package io.osprey.server.config;

/**
 * The HSS role's Diameter listener, serving Cx and Sh on one port.
 *
 * @param listen address to bind, default 127.0.0.1
 * @param port   Diameter port, default 3868 (RFC 6733); 0 picks a free port
 */
public record HssConfig(String listen, Integer port) {

    public HssConfig {
        listen = ConfigChecks.address("listen", listen == null ? "127.0.0.1" : listen);
        port = ConfigChecks.range("port", port == null ? 3868 : port, 0, 65535);
    }

    static HssConfig defaults() {
        return new HssConfig(null, null);
    }
}
