package io.osprey.sip.sdp;

/**
 * The static RTP payload types of RFC 3551 §6 (Tables 4 and 5), which an m= line may use without an
 * {@code a=rtpmap}. Payload types 96-127 are dynamic and always need one.
 */
public final class StaticPayloadTypes {

    private static final RtpMap[] TABLE = new RtpMap[35];

    static {
        put(0, "PCMU", 8000, 0);
        put(3, "GSM", 8000, 0);
        put(4, "G723", 8000, 0);
        put(5, "DVI4", 8000, 0);
        put(6, "DVI4", 16000, 0);
        put(7, "LPC", 8000, 0);
        put(8, "PCMA", 8000, 0);
        // RFC 3551 §4.5.2: G.722 samples at 16 kHz but its RTP clock rate is 8000 for historical reasons.
        put(9, "G722", 8000, 0);
        put(10, "L16", 44100, 2);
        put(11, "L16", 44100, 0);
        put(12, "QCELP", 8000, 0);
        put(13, "CN", 8000, 0);
        put(14, "MPA", 90000, 0);
        put(15, "G728", 8000, 0);
        put(16, "DVI4", 11025, 0);
        put(17, "DVI4", 22050, 0);
        put(18, "G729", 8000, 0);
        put(25, "CelB", 90000, 0);
        put(26, "JPEG", 90000, 0);
        put(28, "nv", 90000, 0);
        put(31, "H261", 90000, 0);
        put(32, "MPV", 90000, 0);
        put(33, "MP2T", 90000, 0);
        put(34, "H263", 90000, 0);
    }

    private StaticPayloadTypes() {
    }

    private static void put(int payloadType, String name, int clockRate, int channels) {
        TABLE[payloadType] = new RtpMap(payloadType, name, clockRate, channels);
    }

    /** The static mapping of {@code payloadType}, or null if it has none. */
    public static RtpMap lookup(int payloadType) {
        return payloadType >= 0 && payloadType < TABLE.length ? TABLE[payloadType] : null;
    }

    /** The static payload type of an encoding, or -1 if it must use a dynamic one. */
    public static int find(String encodingName, int clockRate, int channels) {
        for (RtpMap entry : TABLE) {
            if (entry != null && entry.sameEncoding(encodingName, clockRate, channels)) {
                return entry.payloadType();
            }
        }
        return -1;
    }
}
