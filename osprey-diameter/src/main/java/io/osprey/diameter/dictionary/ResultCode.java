package io.osprey.diameter.dictionary;

/**
 * A Diameter result (RFC 6733 §7.1): a base Result-Code ({@code vendorId == 0}) or an Experimental-Result-Code
 * of a vendor (RFC 6733 §7.6). Numbers overlap between the two spaces (5001 is DIAMETER_AVP_UNSUPPORTED as a
 * Result-Code but DIAMETER_ERROR_USER_UNKNOWN as a 3GPP experimental code), so a result is always the pair.
 */
public record ResultCode(long vendorId, int code) {

    public ResultCode {
        if (vendorId < 0 || vendorId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("result vendor id must be 0.." + 0xFFFF_FFFFL + ", was " + vendorId);
        }
    }

    /** A base protocol or IETF application Result-Code. */
    public static ResultCode base(int code) {
        return new ResultCode(0, code);
    }

    /** An Experimental-Result-Code of {@code vendorId}. */
    public static ResultCode experimental(long vendorId, int code) {
        if (vendorId == 0) {
            throw new IllegalArgumentException("an experimental result needs a vendor id, code " + code);
        }
        return new ResultCode(vendorId, code);
    }

    /** Whether this travels in Experimental-Result rather than Result-Code. */
    public boolean isExperimental() {
        return vendorId != 0;
    }

    /** 1xxx. */
    public boolean isInformational() {
        return code / 1000 == 1;
    }

    /** 2xxx. */
    public boolean isSuccess() {
        return code / 1000 == 2;
    }

    /** 3xxx base codes: protocol errors, answered with the 'E' bit set (RFC 6733 §7.1.3). */
    public boolean isProtocolError() {
        return !isExperimental() && code / 1000 == 3;
    }

    /** 4xxx. */
    public boolean isTransientFailure() {
        return code / 1000 == 4;
    }

    /** 5xxx. */
    public boolean isPermanentFailure() {
        return code / 1000 == 5;
    }

    @Override
    public String toString() {
        return vendorId == 0 ? Integer.toString(code) : vendorId + ":" + code;
    }
}
