package io.osprey.cscf.pcscf;

/**
 * How a P-CSCF runs.
 *
 * @param host             the host (or address) it puts in Path and Record-Route
 * @param port             its SIP port towards UEs
 * @param homeDomain       the home network's domain
 * @param icscfUri         the entry point of the home network for REGISTER (TS 24.229 §5.2.2.1: found by DNS
 *                         from the Request-URI's domain; configured here)
 * @param visitedNetworkId P-Visited-Network-ID it inserts (RFC 7315 §4.3)
 * @param emergencyRoute   the E-CSCF or PSAP route for emergency URNs, or null to answer 380 (TS 24.229 §5.2.10)
 */
public record PcscfSettings(String host, int port, String homeDomain, String icscfUri, String visitedNetworkId,
                            String emergencyRoute) {

    /** The Path value (RFC 3327) that brings terminating requests back through this P-CSCF. */
    public String path() {
        return "<sip:term@" + host + ":" + port + ";lr>";
    }
}
