package io.osprey.cscf.pcscf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether and how the P-CSCF negotiates security with UEs (RFC 3329, TS 24.229 §5.2.2.1, TS 33.203 §7): the
 * mechanisms it offers in Security-Server, most preferred first, and for {@code ipsec-3gpp} the protected ports it
 * would listen on. No mechanisms means security agreement is off: Security-Client and Security-Verify are removed
 * and a request that requires {@code sec-agree} is refused with 420.
 *
 * <p>IPsec security associations are not set up yet: an {@code ipsec-3gpp} agreement is negotiated and checked on
 * the wire (SPIs, ports, algorithms), but the traffic itself stays unprotected on the P-CSCF's ordinary ports.
 *
 * @param mechanisms          {@code digest}, {@code tls} and/or {@code ipsec-3gpp}, in order of preference
 * @param protectedClientPort {@code port-c} of the P-CSCF's Security-Server (TS 33.203 Annex H)
 * @param protectedServerPort {@code port-s} of the P-CSCF's Security-Server
 */
public record SecAgreeSettings(List<String> mechanisms, int protectedClientPort, int protectedServerPort) {

    /** The mechanisms this P-CSCF can offer (RFC 3329 §2.2, TS 33.203 Annex H). */
    public static final List<String> KNOWN = List.of("digest", "tls", "ipsec-3gpp");
    /** Default protected ports: the ones just above the usual SIP ports. */
    public static final int DEFAULT_PORT_C = 5062;
    public static final int DEFAULT_PORT_S = 5063;
    /** Security agreement off. */
    public static final SecAgreeSettings NONE = new SecAgreeSettings(List.of(), DEFAULT_PORT_C, DEFAULT_PORT_S);

    public SecAgreeSettings {
        List<String> normalised = new ArrayList<>(mechanisms.size());
        for (String mechanism : mechanisms) {
            String problem = problem(mechanism);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            String name = mechanism.trim().toLowerCase(Locale.ROOT);
            if (normalised.contains(name)) {
                throw new IllegalArgumentException("security mechanism " + name + " is listed twice");
            }
            normalised.add(name);
        }
        mechanisms = List.copyOf(normalised);
        if (protectedClientPort < 1 || protectedClientPort > 65535 || protectedServerPort < 1
                || protectedServerPort > 65535) {
            throw new IllegalArgumentException("protected ports must be 1..65535, were " + protectedClientPort
                    + " and " + protectedServerPort);
        }
    }

    /** What is wrong with mechanism name {@code mechanism}, or null when this P-CSCF can offer it. */
    public static String problem(String mechanism) {
        if (mechanism == null || !KNOWN.contains(mechanism.trim().toLowerCase(Locale.ROOT))) {
            return "'" + mechanism + "' is not a security mechanism this P-CSCF offers; expected one of: "
                    + String.join(", ", KNOWN);
        }
        return null;
    }

    /** Whether security agreement is on. */
    public boolean enabled() {
        return !mechanisms.isEmpty();
    }
}
