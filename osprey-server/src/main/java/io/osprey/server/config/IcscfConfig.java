package io.osprey.server.config;

import io.osprey.cscf.icscf.IcscfSettings;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.UriParser;
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
 * @param scscfResponseTimeout how long an S-CSCF may leave a REGISTER or other request without any response before
 *                       the next S-CSCF is tried (TS 24.229 §5.3.1.3), when there is another; default 4 s
 * @param recordRoute    keep the I-CSCF in the dialogs of the requests it routes; default false, as TS 24.229
 *                       §5.3.2.1 has it (the I-CSCF leaves the path once the S-CSCF is found, unless topology
 *                       hiding needs it there)
 */
public record IcscfConfig(String listen, Integer port, List<ScscfEntry> scscfs, List<RouteConfig> breakout,
                          Boolean topologyHiding, java.time.Duration scscfResponseTimeout, Boolean recordRoute) {

    /**
     * One assignable S-CSCF.
     *
     * @param uri          its SIP URI (the Server-Name), e.g. sip:scscf2.ims.example.org:6060
     * @param capabilities capability numbers it offers (TS 29.228 §6.7)
     * @param address      the address its host name stands for, as an /etc/hosts line would give it; absent, the
     *                     name is resolved by the system (the S-CSCF of this configuration is always known)
     */
    public record ScscfEntry(String uri, List<Integer> capabilities, String address) {
        public ScscfEntry {
            if (uri == null || !uri.regionMatches(true, 0, "sip:", 0, 4)) {
                throw new ConfigException("uri", "'" + uri + "' is not a sip: URI");
            }
            capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
            address = address == null ? null : ConfigChecks.address("address", address);
        }

        /** The host of {@link #uri}. */
        public String host() {
            return ((SipUri) UriParser.parse(uri)).host();
        }
    }

    public IcscfConfig {
        listen = ConfigChecks.address("listen", listen == null ? "127.0.0.1" : listen);
        port = ConfigChecks.range("port", port == null ? 4060 : port, 1, 65535);
        scscfs = scscfs == null ? List.of() : List.copyOf(scscfs);
        breakout = breakout == null ? List.of() : List.copyOf(breakout);
        topologyHiding = topologyHiding != null && topologyHiding;
        recordRoute = recordRoute != null && recordRoute;
        scscfResponseTimeout = ConfigChecks.positive("scscf-response-timeout",
                scscfResponseTimeout == null ? IcscfSettings.DEFAULT_SCSCF_RESPONSE_TIMEOUT : scscfResponseTimeout);
    }

    static IcscfConfig defaults() {
        return new IcscfConfig(null, null, null, null, null, null, null);
    }
}
