package io.osprey.server.config;

/**
 * The P-CSCF role, the UE's first hop.
 *
 * @param listen             address to bind and to advertise in Path and Record-Route, default 127.0.0.1
 * @param port               UDP and TCP port, default 5060
 * @param visitedNetworkId   P-Visited-Network-ID to insert, default the home domain
 * @param emergencyRoute     SIP URI of the E-CSCF for emergency URNs; absent: emergency requests get 380
 */
public record PcscfConfig(String listen, Integer port, String visitedNetworkId, String emergencyRoute) {

    public PcscfConfig {
        listen = ConfigChecks.address("listen", listen == null ? "127.0.0.1" : listen);
        port = ConfigChecks.range("port", port == null ? 5060 : port, 1, 65535);
        if (emergencyRoute != null && !emergencyRoute.regionMatches(true, 0, "sip:", 0, 4)) {
            throw new ConfigException("emergency-route", "'" + emergencyRoute + "' is not a sip: URI");
        }
    }

    static PcscfConfig defaults() {
        return new PcscfConfig(null, null, null, null);
    }
}
