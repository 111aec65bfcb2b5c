package io.osprey.cscf.icscf;

import java.util.List;

/**
 * How an I-CSCF runs.
 *
 * @param host              the host (or address) it is reached at
 * @param port              its SIP port
 * @param homeDomain        the home network's domain
 * @param scscfs            the S-CSCFs it may assign, in preference order
 * @param visitedNetworkId  Visited-Network-Identifier for REGISTERs without P-Visited-Network-ID
 */
public record IcscfSettings(String host, int port, String homeDomain, List<ScscfCandidate> scscfs,
                            String visitedNetworkId) {

    public IcscfSettings {
        scscfs = List.copyOf(scscfs);
    }
}
