package io.osprey.server.config;

/**
 * The HSS role's Diameter listener, serving Cx and Sh on one port.
 *
 * @param listen address to bind, default 127.0.0.1
 * @param port   Diameter port, default 3868 (RFC 6733); 0 picks a free port
 * @param maxOutstandingRequests Cx and Sh requests the HSS works on at once; more are answered at once with
 *               DIAMETER_TOO_BUSY (3004, RFC 6733 §7.1.3), which the CSCFs turn into 503 with Retry-After; default 1024
 */
public record HssConfig(String listen, Integer port, Integer maxOutstandingRequests) {

    public HssConfig {
        listen = ConfigChecks.address("listen", listen == null ? "127.0.0.1" : listen);
        port = ConfigChecks.range("port", port == null ? 3868 : port, 0, 65535);
        maxOutstandingRequests = ConfigChecks.range("max-outstanding-requests",
                maxOutstandingRequests == null ? 1024 : maxOutstandingRequests, 1, 1_000_000);
    }

    static HssConfig defaults() {
        return new HssConfig(null, null, null);
    }
}
