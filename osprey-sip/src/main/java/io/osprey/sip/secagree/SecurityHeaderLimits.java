package io.osprey.sip.secagree;

/**
 * Hard limits for parsing Security-Client, Security-Server and Security-Verify values.
 *
 * @param maxLength     most characters in one header value
 * @param maxMechanisms most mechanisms in one header (all its values together)
 * @param maxParams     most parameters on one mechanism
 */
public record SecurityHeaderLimits(int maxLength, int maxMechanisms, int maxParams) {

    /** 8 KiB values, 32 mechanisms, 32 parameters each: a UE offering every TS 33.203 algorithm pair needs ~10. */
    public static final SecurityHeaderLimits DEFAULT = new SecurityHeaderLimits(8192, 32, 32);

    public SecurityHeaderLimits {
        if (maxLength < 1 || maxMechanisms < 1 || maxParams < 1) {
            throw new IllegalArgumentException("security header limits must be at least 1, were " + maxLength
                    + ", " + maxMechanisms + " and " + maxParams);
        }
    }
}
