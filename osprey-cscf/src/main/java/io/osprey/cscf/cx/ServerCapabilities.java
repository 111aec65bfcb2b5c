package io.osprey.cscf.cx;

import java.util.List;
import java.util.Objects;

/**
 * Server-Capabilities (TS 29.229 §6.3.4; TS 29.228 Annex: S-CSCF selection): the capabilities an S-CSCF must
 * and may have, and names of S-CSCFs the I-CSCF may pick directly.
 *
 * @param mandatory   Mandatory-Capability values
 * @param optional    Optional-Capability values
 * @param serverNames Server-Name values (SIP URIs)
 */
public record ServerCapabilities(List<Integer> mandatory, List<Integer> optional, List<String> serverNames) {

    public ServerCapabilities {
        mandatory = List.copyOf(Objects.requireNonNull(mandatory, "mandatory"));
        optional = List.copyOf(Objects.requireNonNull(optional, "optional"));
        serverNames = List.copyOf(Objects.requireNonNull(serverNames, "serverNames"));
    }
}
