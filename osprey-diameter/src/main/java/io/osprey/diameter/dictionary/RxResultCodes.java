package io.osprey.diameter.dictionary;

/** Experimental-Result-Code values of Rx (TS 29.214 §5.5, vendor 10415). */
public final class RxResultCodes {

    public static final ResultCode INVALID_SERVICE_INFORMATION = exp(5061);
    public static final ResultCode FILTER_RESTRICTIONS = exp(5062);
    public static final ResultCode REQUESTED_SERVICE_NOT_AUTHORIZED = exp(5063);
    public static final ResultCode DUPLICATED_AF_SESSION = exp(5064);
    public static final ResultCode IP_CAN_SESSION_NOT_AVAILABLE = exp(5065);
    public static final ResultCode UNAUTHORIZED_NON_EMERGENCY_SESSION = exp(5066);
    public static final ResultCode UNAUTHORIZED_SPONSORED_DATA_CONNECTIVITY = exp(5067);
    public static final ResultCode TEMPORARY_NETWORK_FAILURE = exp(5068);

    private static ResultCode exp(int code) {
        return ResultCode.experimental(Vendors.THREE_GPP, code);
    }

    private RxResultCodes() {
    }
}
