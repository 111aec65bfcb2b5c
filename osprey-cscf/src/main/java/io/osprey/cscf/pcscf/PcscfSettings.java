package io.osprey.cscf.pcscf;

import java.util.Objects;

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
 * @param secAgree         security mechanism agreement with UEs (RFC 3329); {@link SecAgreeSettings#NONE} for off
 */
public record PcscfSettings(String host, int port, String homeDomain, String icscfUri, String visitedNetworkId,
                            String emergencyRoute, SecAgreeSettings secAgree) {

    public PcscfSettings {
        Objects.requireNonNull(secAgree, "secAgree");
    }

    /** Without security agreement. */
    public PcscfSettings(String host, int port, String homeDomain, String icscfUri, String visitedNetworkId,
                         String emergencyRoute) {
        this(host, port, homeDomain, icscfUri, visitedNetworkId, emergencyRoute, SecAgreeSettings.NONE);
    }

    /** The Path value (RFC 3327) that brings terminating requests back through this P-CSCF. */
    public String path() {
        return "<sip:term@" + host + ":" + port + ";lr>";
    }
}
