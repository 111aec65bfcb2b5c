package io.osprey.server.config;

import java.util.List;

/**
 * The I-CSCF role.
 *
 * @param listen   address to bind, default 127.0.0.1
 * @param port     UDP and TCP port, default 4060
 * @param scscfs   S-CSCFs it may assign on first registration, default the one S-CSCF of this configuration
 * @param breakout E.164 prefix routes for numbers the HSS does not own (a BGCF table), first longest match
 * @param topologyHiding hide the home network's hosts in responses leaving it (THIG, TS 24.229 §5.3.3), default
 *                       false
 */
public record IcscfConfig(String listen, Integer port, List<ScscfEntry> scscfs, List<RouteConfig> breakout,
                          Boolean topologyHiding) {

    /**
     * One assignable S-CSCF.
     *
     * @param uri          its SIP URI (the Server-Name), e.g. sip:scscf.ims.example.org:6060
     * @param capabilities capability numbers it offers (TS 29.228 §6.7)
     */
    public record ScscfEntry(String uri, List<Integer> capabilities) {
        public ScscfEntry {
            if (uri == null || !uri.regionMatches(true, 0, "sip:", 0, 4)) {
                throw new ConfigException("uri", "'" + uri + "' is not a sip: URI");
            }
            capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        }
    }

    public IcscfConfig {
        listen = ConfigChecks.address("listen", listen == null ? "127.0.0.1" : listen);
        port = ConfigChecks.range("port", port == null ? 4060 : port, 1, 65535);
        scscfs = scscfs == null ? List.of() : List.copyOf(scscfs);
        breakout = breakout == null ? List.of() : List.copyOf(breakout);
        topologyHiding = topologyHiding != null && topologyHiding;
    }

    static IcscfConfig defaults() {
        return new IcscfConfig(null, null, null, null, null);
    }
}
