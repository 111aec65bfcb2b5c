package io.osprey.hss.model;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the I-CSCF needs to pick an S-CSCF for a user without one, the Server-Capabilities AVP of TS 29.229
 * §6.3.4 (TS 29.228 §6.7): mandatory and optional capability numbers and preferred S-CSCF names.
 *
 * @param mandatory   capabilities the S-CSCF must have
 * @param optional    capabilities the S-CSCF should have
 * @param serverNames preferred S-CSCF SIP URIs, in order
 */
public record ScscfCapabilities(Set<Integer> mandatory, Set<Integer> optional, List<String> serverNames) {

    /** No capability requirements. */
    public static final ScscfCapabilities NONE = new ScscfCapabilities(Set.of(), Set.of(), List.of());
    /** Most entries in each list. */
    public static final int MAX_ENTRIES = 32;

    public ScscfCapabilities {
        mandatory = sorted("mandatoryCapabilities", mandatory);
        optional = sorted("optionalCapabilities", optional);
        serverNames = Checks.list("serverNames", serverNames, 0, MAX_ENTRIES);
        for (String name : serverNames) {
            Checks.token("serverNames", name, ApplicationServer.MAX_SERVER_NAME_LENGTH);
        }
    }

    private static Set<Integer> sorted(String field, Set<Integer> values) {
        Checks.list(field, values, 0, MAX_ENTRIES).forEach(value -> Checks.nonNegative(field, value));
        return Collections.unmodifiableSet(new TreeSet<>(values));
    }
}
