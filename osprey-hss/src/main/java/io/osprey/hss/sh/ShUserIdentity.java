package io.osprey.hss.sh;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import java.util.Optional;

/**
 * The public identity an Sh request names in User-Identity (TS 29.329 §6.3.1): Public-Identity as given, or
 * MSISDN (TBCD, TS 29.329 §6.3.2 / TS 29.002) as the tel URI {@code tel:+<digits>} under which the HSS
 * provisions subscriber numbers.
 */
public final class ShUserIdentity {

    /** E.164 numbers have at most 15 digits (ITU-T E.164 §6). */
    static final int MAX_MSISDN_DIGITS = 15;

    private ShUserIdentity() {
    }

    public static Optional<String> of(DiameterMessage request) {
        Optional<Avp> userIdentity = request.avp(ShDictionary.USER_IDENTITY).filter(Avp::isGrouped);
        if (userIdentity.isEmpty()) {
            return Optional.empty();
        }
        Optional<Avp> publicIdentity = userIdentity.get().avp(CxDictionary.PUBLIC_IDENTITY);
        if (publicIdentity.isPresent()) {
            return Optional.of(publicIdentity.get().asUtf8());
        }
        return userIdentity.get().avp(ShDictionary.MSISDN).flatMap(msisdn -> telUri(msisdn.asOctets()));
    }

    /** {@code tel:+digits} from TBCD octets (low nibble first, 0xF filler), or empty if not a valid number. */
    static Optional<String> telUri(byte[] tbcd) {
        StringBuilder out = new StringBuilder("tel:+");
        for (int i = 0; i < tbcd.length; i++) {
            int low = tbcd[i] & 0x0F;
            int high = (tbcd[i] >> 4) & 0x0F;
            if (low > 9) {
                return Optional.empty();
            }
            out.append((char) ('0' + low));
            if (high == 0x0F && i == tbcd.length - 1) {
                break;
            }
            if (high > 9) {
                return Optional.empty();
            }
            out.append((char) ('0' + high));
        }
        int digits = out.length() - 5;
        return digits == 0 || digits > MAX_MSISDN_DIGITS ? Optional.empty() : Optional.of(out.toString());
    }
}
