package io.osprey.diameter.dictionary;

/** Experimental-Result-Code values of Cx/Dx (TS 29.229 §6.2, vendor 10415). */
public final class CxResultCodes {

    public static final ResultCode DIAMETER_FIRST_REGISTRATION = exp(2001);
    public static final ResultCode DIAMETER_SUBSEQUENT_REGISTRATION = exp(2002);
    public static final ResultCode DIAMETER_UNREGISTERED_SERVICE = exp(2003);
    public static final ResultCode DIAMETER_SUCCESS_SERVER_NAME_NOT_STORED = exp(2004);
    public static final ResultCode DIAMETER_ERROR_USER_UNKNOWN = exp(5001);
    public static final ResultCode DIAMETER_ERROR_IDENTITIES_DONT_MATCH = exp(5002);
    public static final ResultCode DIAMETER_ERROR_IDENTITY_NOT_REGISTERED = exp(5003);
    public static final ResultCode DIAMETER_ERROR_ROAMING_NOT_ALLOWED = exp(5004);
    public static final ResultCode DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED = exp(5005);
    public static final ResultCode DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED = exp(5006);
    public static final ResultCode DIAMETER_ERROR_IN_ASSIGNMENT_TYPE = exp(5007);
    public static final ResultCode DIAMETER_ERROR_TOO_MUCH_DATA = exp(5008);
    public static final ResultCode DIAMETER_ERROR_NOT_SUPPORTED_USER_DATA = exp(5009);
    public static final ResultCode DIAMETER_ERROR_FEATURE_UNSUPPORTED = exp(5011);
    public static final ResultCode DIAMETER_ERROR_SERVING_NODE_FEATURE_UNSUPPORTED = exp(5012);

    private static ResultCode exp(int code) {
        return ResultCode.experimental(Vendors.THREE_GPP, code);
    }

    private CxResultCodes() {
    }
}
