package io.osprey.diameter.dictionary;

/**
 * Base Result-Code values of RFC 6733 §7.1 and RFC 4006 §9.1. 3GPP experimental codes live in
 * {@link CxResultCodes}, {@link ShResultCodes} and {@link RxResultCodes}.
 */
public final class ResultCodes {

    public static final ResultCode DIAMETER_MULTI_ROUND_AUTH = ResultCode.base(1001);

    public static final ResultCode DIAMETER_SUCCESS = ResultCode.base(2001);
    public static final ResultCode DIAMETER_LIMITED_SUCCESS = ResultCode.base(2002);

    public static final ResultCode DIAMETER_COMMAND_UNSUPPORTED = ResultCode.base(3001);
    public static final ResultCode DIAMETER_UNABLE_TO_DELIVER = ResultCode.base(3002);
    public static final ResultCode DIAMETER_REALM_NOT_SERVED = ResultCode.base(3003);
    public static final ResultCode DIAMETER_TOO_BUSY = ResultCode.base(3004);
    public static final ResultCode DIAMETER_LOOP_DETECTED = ResultCode.base(3005);
    public static final ResultCode DIAMETER_REDIRECT_INDICATION = ResultCode.base(3006);
    public static final ResultCode DIAMETER_APPLICATION_UNSUPPORTED = ResultCode.base(3007);
    public static final ResultCode DIAMETER_INVALID_HDR_BITS = ResultCode.base(3008);
    public static final ResultCode DIAMETER_INVALID_AVP_BITS = ResultCode.base(3009);
    public static final ResultCode DIAMETER_UNKNOWN_PEER = ResultCode.base(3010);

    public static final ResultCode DIAMETER_AUTHENTICATION_REJECTED = ResultCode.base(4001);
    public static final ResultCode DIAMETER_OUT_OF_SPACE = ResultCode.base(4002);
    public static final ResultCode DIAMETER_ELECTION_LOST = ResultCode.base(4003);
    public static final ResultCode DIAMETER_END_USER_SERVICE_DENIED = ResultCode.base(4010);
    public static final ResultCode DIAMETER_CREDIT_CONTROL_NOT_APPLICABLE = ResultCode.base(4011);
    public static final ResultCode DIAMETER_CREDIT_LIMIT_REACHED = ResultCode.base(4012);

    public static final ResultCode DIAMETER_AVP_UNSUPPORTED = ResultCode.base(5001);
    public static final ResultCode DIAMETER_UNKNOWN_SESSION_ID = ResultCode.base(5002);
    public static final ResultCode DIAMETER_AUTHORIZATION_REJECTED = ResultCode.base(5003);
    public static final ResultCode DIAMETER_INVALID_AVP_VALUE = ResultCode.base(5004);
    public static final ResultCode DIAMETER_MISSING_AVP = ResultCode.base(5005);
    public static final ResultCode DIAMETER_RESOURCES_EXCEEDED = ResultCode.base(5006);
    public static final ResultCode DIAMETER_CONTRADICTING_AVPS = ResultCode.base(5007);
    public static final ResultCode DIAMETER_AVP_NOT_ALLOWED = ResultCode.base(5008);
    public static final ResultCode DIAMETER_AVP_OCCURS_TOO_MANY_TIMES = ResultCode.base(5009);
    public static final ResultCode DIAMETER_NO_COMMON_APPLICATION = ResultCode.base(5010);
    public static final ResultCode DIAMETER_UNSUPPORTED_VERSION = ResultCode.base(5011);
    public static final ResultCode DIAMETER_UNABLE_TO_COMPLY = ResultCode.base(5012);
    public static final ResultCode DIAMETER_INVALID_BIT_IN_HEADER = ResultCode.base(5013);
    public static final ResultCode DIAMETER_INVALID_AVP_LENGTH = ResultCode.base(5014);
    public static final ResultCode DIAMETER_INVALID_MESSAGE_LENGTH = ResultCode.base(5015);
    public static final ResultCode DIAMETER_INVALID_AVP_BIT_COMBO = ResultCode.base(5016);
    public static final ResultCode DIAMETER_NO_COMMON_SECURITY = ResultCode.base(5017);
    public static final ResultCode DIAMETER_USER_UNKNOWN = ResultCode.base(5030);
    public static final ResultCode DIAMETER_RATING_FAILED = ResultCode.base(5031);

    private ResultCodes() {
    }
}
