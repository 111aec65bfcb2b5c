package io.osprey.cscf.cx;

import java.util.List;
import java.util.Objects;

/**
 * A SAA (TS 29.228 §6.1.2.1, TS 29.229 §6.1.4).
 *
 * @param userDataXml          User-Data: the IMS subscription XML (TS 29.228 Annex E), or null
 * @param associatedIdentities User-Name values in Associated-Identities (the user's other private identities)
 * @param chargingCcf          Primary-Charging-Collection-Function-Name of Charging-Information, or null
 */
public record ServerAssignmentAnswer(CxResult result, String userDataXml, List<String> associatedIdentities,
                                     String chargingCcf) {

    public ServerAssignmentAnswer {
        Objects.requireNonNull(result, "result");
        associatedIdentities = List.copyOf(Objects.requireNonNull(associatedIdentities, "associatedIdentities"));
    }
}
