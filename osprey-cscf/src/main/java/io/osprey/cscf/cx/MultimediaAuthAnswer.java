package io.osprey.cscf.cx;

import java.util.List;
import java.util.Objects;

/**
 * A MAA (TS 29.228 §6.3.1, TS 29.229 §6.1.8): the authentication data items for the user, ordered by
 * SIP-Item-Number, or an error and no items.
 *
 * @param impi  User-Name of the answer, or null
 * @param impu  Public-Identity of the answer, or null
 * @param items SIP-Auth-Data-Item values
 */
public record MultimediaAuthAnswer(CxResult result, String impi, String impu, List<SipAuthDataItem> items) {

    public MultimediaAuthAnswer {
        Objects.requireNonNull(result, "result");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
