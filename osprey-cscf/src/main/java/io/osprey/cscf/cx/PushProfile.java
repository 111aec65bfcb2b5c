package io.osprey.cscf.cx;

import java.util.Objects;

/**
 * A PPR from the HSS (TS 29.228 §6.1.4, TS 29.229 §6.1.11): the new user profile of {@code impi}.
 *
 * @param userDataXml User-Data, the IMS subscription XML, or null when the PPR carries none
 */
public record PushProfile(String impi, String userDataXml) {

    public PushProfile {
        Objects.requireNonNull(impi, "impi");
    }
}
