package io.osprey.sip.pheaders;

/**
 * Hard limits for parsing the P-headers of this package.
 *
 * @param maxLength most characters in one header value
 * @param maxParams most parameters in one P-Charging-Vector or P-Charging-Function-Addresses value
 * @param maxUris   most URIs in P-Associated-URI (all its values together)
 */
public record PHeaderLimits(int maxLength, int maxParams, int maxUris) {

    /** 8 KiB values, 32 parameters, 256 associated URIs (a large implicit registration set). */
    public static final PHeaderLimits DEFAULT = new PHeaderLimits(8192, 32, 256);

    public PHeaderLimits {
        if (maxLength < 1 || maxParams < 1 || maxUris < 1) {
            throw new IllegalArgumentException("P-header limits must be at least 1, were " + maxLength + ", "
                    + maxParams + " and " + maxUris);
        }
    }
}
