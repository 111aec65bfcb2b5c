package io.osprey.cscf.numbers;

import java.util.Objects;

/**
 * The home network's numbering plan for turning dialled numbers into E.164 (ITU-T E.164, E.123): the country code,
 * the national (trunk) prefix and the international prefix users dial, and the home domain that a
 * {@code phone-context} names for numbers local to the home network (TS 24.229 §7.2A.10).
 *
 * @param countryCode         1 to 3 digits, e.g. {@code 44}
 * @param nationalPrefix      the trunk prefix before a national number, e.g. {@code 0}; empty when there is none
 * @param internationalPrefix the prefix before a country code, e.g. {@code 00}; empty when there is none
 * @param homeDomain          the home network domain, e.g. {@code ims.mnc001.mcc001.3gppnetwork.org}
 */
public record NumberingPlan(String countryCode, String nationalPrefix, String internationalPrefix,
                            String homeDomain) {

    public NumberingPlan {
        requireDigits("countryCode", countryCode, 1, 3);
        requireDigits("nationalPrefix", nationalPrefix, 0, 4);
        requireDigits("internationalPrefix", internationalPrefix, 0, 4);
        Objects.requireNonNull(homeDomain, "homeDomain");
        if (homeDomain.isBlank()) {
            throw new IllegalArgumentException("homeDomain must not be empty");
        }
        if (!nationalPrefix.isEmpty() && internationalPrefix.equals(nationalPrefix)) {
            throw new IllegalArgumentException("national and international prefix must differ, both were "
                    + nationalPrefix);
        }
    }

    /** The common European plan: national prefix {@code 0}, international prefix {@code 00}. */
    public static NumberingPlan of(String countryCode, String homeDomain) {
        return new NumberingPlan(countryCode, "0", "00", homeDomain);
    }

    private static void requireDigits(String name, String value, int min, int max) {
        Objects.requireNonNull(value, name);
        boolean digits = true;
        for (int i = 0; i < value.length(); i++) {
            digits &= value.charAt(i) >= '0' && value.charAt(i) <= '9';
        }
        if (!digits || value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + " digits, was '" + value
                    + "'");
        }
    }
}
