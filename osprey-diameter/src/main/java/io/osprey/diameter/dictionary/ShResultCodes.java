package io.osprey.diameter.dictionary;

/** Experimental-Result-Code values of Sh (TS 29.329 §6.2, vendor 10415). */
public final class ShResultCodes {

    public static final ResultCode DIAMETER_USER_DATA_NOT_AVAILABLE = exp(4100);
    public static final ResultCode DIAMETER_PRIOR_UPDATE_IN_PROGRESS = exp(4101);
    public static final ResultCode DIAMETER_ERROR_USER_DATA_NOT_RECOGNIZED = exp(5100);
    public static final ResultCode DIAMETER_ERROR_OPERATION_NOT_ALLOWED = exp(5101);
    public static final ResultCode DIAMETER_ERROR_USER_DATA_CANNOT_BE_READ = exp(5102);
    public static final ResultCode DIAMETER_ERROR_USER_DATA_CANNOT_BE_MODIFIED = exp(5103);
    public static final ResultCode DIAMETER_ERROR_USER_DATA_CANNOT_BE_NOTIFIED = exp(5104);
    public static final ResultCode DIAMETER_ERROR_TRANSPARENT_DATA_OUT_OF_SYNC = exp(5105);
    public static final ResultCode DIAMETER_ERROR_SUBS_DATA_ABSENT = exp(5106);
    public static final ResultCode DIAMETER_ERROR_NO_SUBSCRIPTION_TO_DATA = exp(5107);
    public static final ResultCode DIAMETER_ERROR_DSAI_NOT_AVAILABLE = exp(5108);

    private static ResultCode exp(int code) {
        return ResultCode.experimental(Vendors.THREE_GPP, code);
    }

    private ShResultCodes() {
    }
}
