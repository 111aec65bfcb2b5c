package io.osprey.sip.sdp;

/**
 * Hard limits the {@link SdpParser} enforces before and while it reads a description. Every limit is checked
 * as the input is read, so oversized input costs no more than the limit.
 *
 * @param maxBytes              size of the whole description (UTF-8 octets, or chars for String input)
 * @param maxLineLength         characters in one line, without its line end
 * @param maxLines              lines, including empty ones
 * @param maxMediaDescriptions  {@code m=} lines
 * @param maxAttributes         {@code a=} lines over the whole description
 */
public record SdpLimits(int maxBytes, int maxLineLength, int maxLines, int maxMediaDescriptions, int maxAttributes) {

    /** 16 KiB, 2048-char lines, 512 lines, 32 media, 256 attributes: well above any IMS call's SDP. */
    public static final SdpLimits DEFAULT = new SdpLimits(16_384, 2_048, 512, 32, 256);

    public SdpLimits {
        positive("maxBytes", maxBytes);
        positive("maxLineLength", maxLineLength);
        positive("maxLines", maxLines);
        positive("maxMediaDescriptions", maxMediaDescriptions);
        positive("maxAttributes", maxAttributes);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("SDP limit " + name + " must be at least 1, was " + value);
        }
    }
}
