package io.osprey.cscf.cx;

import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.Vendors;

/**
 * The outcome of a Cx answer: its Result-Code (RFC 6733 §7.1), or its Experimental-Result-Code (TS 29.229 §6.2)
 * when {@code experimental}. The two spaces overlap (5001 is DIAMETER_AVP_UNSUPPORTED as a Result-Code but
 * DIAMETER_ERROR_USER_UNKNOWN as an experimental code), so compare with the constants here or {@link #is}.
 *
 * @param resultCode   the code, 0..2^32-1
 * @param experimental whether it came in Experimental-Result rather than Result-Code
 */
public record CxResult(long resultCode, boolean experimental) {

    /** Result-Code 2001 DIAMETER_SUCCESS. */
    public static final CxResult SUCCESS = ofResultCode(2001);
    /** Result-Code 5003 DIAMETER_AUTHORIZATION_REJECTED, e.g. a UAR for a barred identity. */
    public static final CxResult AUTHORIZATION_REJECTED = ofResultCode(5003);
    /** Result-Code 5012 DIAMETER_UNABLE_TO_COMPLY. */
    public static final CxResult UNABLE_TO_COMPLY = ofResultCode(5012);

    public static final CxResult FIRST_REGISTRATION = ofExperimental(2001);
    public static final CxResult SUBSEQUENT_REGISTRATION = ofExperimental(2002);
    public static final CxResult UNREGISTERED_SERVICE = ofExperimental(2003);
    public static final CxResult SUCCESS_SERVER_NAME_NOT_STORED = ofExperimental(2004);
    public static final CxResult USER_UNKNOWN = ofExperimental(5001);
    public static final CxResult IDENTITIES_DONT_MATCH = ofExperimental(5002);
    public static final CxResult IDENTITY_NOT_REGISTERED = ofExperimental(5003);
    public static final CxResult ROAMING_NOT_ALLOWED = ofExperimental(5004);
    public static final CxResult IDENTITY_ALREADY_REGISTERED = ofExperimental(5005);
    public static final CxResult AUTH_SCHEME_NOT_SUPPORTED = ofExperimental(5006);
    public static final CxResult IN_ASSIGNMENT_TYPE = ofExperimental(5007);
    public static final CxResult TOO_MUCH_DATA = ofExperimental(5008);
    public static final CxResult NOT_SUPPORTED_USER_DATA = ofExperimental(5009);
    public static final CxResult FEATURE_UNSUPPORTED = ofExperimental(5011);

    public CxResult {
        if (resultCode < 0 || resultCode > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("result code must be 0.." + 0xFFFF_FFFFL + ", was " + resultCode);
        }
    }

    /** A Result-Code. */
    public static CxResult ofResultCode(long code) {
        return new CxResult(code, false);
    }

    /** An Experimental-Result-Code. */
    public static CxResult ofExperimental(long code) {
        return new CxResult(code, true);
    }

    /** The result a {@link ResultCode} stands for (its vendor is dropped). */
    public static CxResult of(ResultCode code) {
        return new CxResult(code.code() & 0xFFFF_FFFFL, code.isExperimental());
    }

    /** 2xxx in either space: 2001 SUCCESS, 2001–2004 FIRST/SUBSEQUENT_REGISTRATION, UNREGISTERED_SERVICE, … */
    public boolean isSuccess() {
        return resultCode / 1000 == 2;
    }

    /** A 3xxx Result-Code: a protocol error (RFC 6733 §7.1.3), e.g. 3004 DIAMETER_TOO_BUSY from a relay. */
    public boolean isProtocolError() {
        return !experimental && resultCode / 1000 == 3;
    }

    /** 4xxx. */
    public boolean isTransientFailure() {
        return resultCode / 1000 == 4;
    }

    /** 5xxx. */
    public boolean isPermanentFailure() {
        return resultCode / 1000 == 5;
    }

    /** Whether this is {@code code}: same number, both base or both experimental. */
    public boolean is(ResultCode code) {
        return (code.code() & 0xFFFF_FFFFL) == resultCode && code.isExperimental() == experimental;
    }

    /** As a {@link ResultCode}; experimental codes are taken as 3GPP's (vendor 10415). */
    public ResultCode toResultCode() {
        return experimental ? ResultCode.experimental(Vendors.THREE_GPP, (int) resultCode)
                : ResultCode.base((int) resultCode);
    }

    @Override
    public String toString() {
        return (experimental ? "Experimental-Result-Code " : "Result-Code ") + resultCode;
    }
}
