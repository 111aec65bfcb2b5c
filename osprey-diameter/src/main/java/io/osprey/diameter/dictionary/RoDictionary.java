package io.osprey.diameter.dictionary;

import static io.osprey.diameter.dictionary.AvpRule.optional;
import static io.osprey.diameter.dictionary.AvpRule.optionalMany;
import static io.osprey.diameter.dictionary.AvpRule.required;
import static io.osprey.diameter.dictionary.BaseDictionary.m;

import java.util.List;

/**
 * Ro/Gy online charging: Diameter Credit-Control (RFC 4006, application 4, CCR/CCA 272) with the IMS
 * Service-Information of TS 32.299 ({@link ChargingDictionary}). All RFC 4006 AVPs are IETF AVPs with M
 * set, except User-Equipment-Info and its members, whose M bit is only "may".
 */
public final class RoDictionary {

    public static final DiameterApplication APPLICATION = new DiameterApplication(4, "Diameter Credit Control",
            0, DiameterApplication.Kind.AUTH, false, -1);

    public static final AvpDefinition CC_INPUT_OCTETS = m(412, "CC-Input-Octets", AvpType.UNSIGNED64);
    public static final AvpDefinition CC_OUTPUT_OCTETS = m(414, "CC-Output-Octets", AvpType.UNSIGNED64);
    public static final AvpDefinition CC_REQUEST_NUMBER = m(415, "CC-Request-Number", AvpType.UNSIGNED32);
    public static final AvpDefinition CC_REQUEST_TYPE = m(416, "CC-Request-Type", AvpType.ENUMERATED);
    public static final AvpDefinition CC_SERVICE_SPECIFIC_UNITS = m(417, "CC-Service-Specific-Units", AvpType.UNSIGNED64);
    public static final AvpDefinition CC_SESSION_FAILOVER = m(418, "CC-Session-Failover", AvpType.ENUMERATED);
    public static final AvpDefinition CC_SUB_SESSION_ID = m(419, "CC-Sub-Session-Id", AvpType.UNSIGNED64);
    public static final AvpDefinition CC_TIME = m(420, "CC-Time", AvpType.UNSIGNED32);
    public static final AvpDefinition CC_TOTAL_OCTETS = m(421, "CC-Total-Octets", AvpType.UNSIGNED64);
    public static final AvpDefinition CHECK_BALANCE_RESULT = m(422, "Check-Balance-Result", AvpType.ENUMERATED);
    public static final AvpDefinition COST_UNIT = m(424, "Cost-Unit", AvpType.UTF8_STRING);
    public static final AvpDefinition CURRENCY_CODE = m(425, "Currency-Code", AvpType.UNSIGNED32);
    public static final AvpDefinition CREDIT_CONTROL = m(426, "Credit-Control", AvpType.ENUMERATED);
    public static final AvpDefinition CREDIT_CONTROL_FAILURE_HANDLING =
            m(427, "Credit-Control-Failure-Handling", AvpType.ENUMERATED);
    public static final AvpDefinition DIRECT_DEBITING_FAILURE_HANDLING =
            m(428, "Direct-Debiting-Failure-Handling", AvpType.ENUMERATED);
    public static final AvpDefinition EXPONENT = m(429, "Exponent", AvpType.INTEGER32);
    public static final AvpDefinition VALUE_DIGITS = m(447, "Value-Digits", AvpType.INTEGER64);
    /** {@code { Value-Digits } [ Exponent ]}. */
    public static final AvpDefinition UNIT_VALUE = m(445, "Unit-Value", AvpType.GROUPED)
            .withMembers(required(VALUE_DIGITS), optional(EXPONENT));
    /** {@code { Unit-Value } [ Currency-Code ]}. */
    public static final AvpDefinition CC_MONEY = m(413, "CC-Money", AvpType.GROUPED)
            .withMembers(required(UNIT_VALUE), optional(CURRENCY_CODE));
    public static final AvpDefinition COST_INFORMATION = m(423, "Cost-Information", AvpType.GROUPED)
            .withMembers(required(UNIT_VALUE), required(CURRENCY_CODE), optional(COST_UNIT));
    public static final AvpDefinition RATING_GROUP = m(432, "Rating-Group", AvpType.UNSIGNED32);
    public static final AvpDefinition REDIRECT_ADDRESS_TYPE = m(433, "Redirect-Address-Type", AvpType.ENUMERATED);
    public static final AvpDefinition REDIRECT_SERVER_ADDRESS = m(435, "Redirect-Server-Address", AvpType.UTF8_STRING);
    public static final AvpDefinition REDIRECT_SERVER = m(434, "Redirect-Server", AvpType.GROUPED)
            .withMembers(required(REDIRECT_ADDRESS_TYPE), required(REDIRECT_SERVER_ADDRESS));
    public static final AvpDefinition REQUESTED_ACTION = m(436, "Requested-Action", AvpType.ENUMERATED);
    public static final AvpDefinition RESTRICTION_FILTER_RULE = m(438, "Restriction-Filter-Rule", AvpType.IP_FILTER_RULE);
    public static final AvpDefinition SERVICE_IDENTIFIER = m(439, "Service-Identifier", AvpType.UNSIGNED32);
    public static final AvpDefinition SERVICE_PARAMETER_TYPE = m(441, "Service-Parameter-Type", AvpType.UNSIGNED32);
    public static final AvpDefinition SERVICE_PARAMETER_VALUE = m(442, "Service-Parameter-Value", AvpType.OCTET_STRING);
    public static final AvpDefinition SERVICE_PARAMETER_INFO = m(440, "Service-Parameter-Info", AvpType.GROUPED)
            .withMembers(required(SERVICE_PARAMETER_TYPE), required(SERVICE_PARAMETER_VALUE));
    public static final AvpDefinition SUBSCRIPTION_ID_DATA = m(444, "Subscription-Id-Data", AvpType.UTF8_STRING);
    public static final AvpDefinition SUBSCRIPTION_ID_TYPE = m(450, "Subscription-Id-Type", AvpType.ENUMERATED);
    /** {@code { Subscription-Id-Type } { Subscription-Id-Data }}; also used by Rx AAR. */
    public static final AvpDefinition SUBSCRIPTION_ID = m(443, "Subscription-Id", AvpType.GROUPED)
            .withMembers(required(SUBSCRIPTION_ID_TYPE), required(SUBSCRIPTION_ID_DATA));
    public static final AvpDefinition VALIDITY_TIME = m(448, "Validity-Time", AvpType.UNSIGNED32);
    public static final AvpDefinition FINAL_UNIT_ACTION = m(449, "Final-Unit-Action", AvpType.ENUMERATED);
    public static final AvpDefinition FINAL_UNIT_INDICATION = m(430, "Final-Unit-Indication", AvpType.GROUPED)
            .withMembers(required(FINAL_UNIT_ACTION), optionalMany(RESTRICTION_FILTER_RULE), optional(REDIRECT_SERVER));
    public static final AvpDefinition TARIFF_TIME_CHANGE = m(451, "Tariff-Time-Change", AvpType.TIME);
    public static final AvpDefinition TARIFF_CHANGE_USAGE = m(452, "Tariff-Change-Usage", AvpType.ENUMERATED);
    public static final AvpDefinition G_S_U_POOL_IDENTIFIER = m(453, "G-S-U-Pool-Identifier", AvpType.UNSIGNED32);
    public static final AvpDefinition CC_UNIT_TYPE = m(454, "CC-Unit-Type", AvpType.ENUMERATED);
    public static final AvpDefinition G_S_U_POOL_REFERENCE = m(457, "G-S-U-Pool-Reference", AvpType.GROUPED)
            .withMembers(required(G_S_U_POOL_IDENTIFIER), required(CC_UNIT_TYPE), required(UNIT_VALUE));
    public static final AvpDefinition GRANTED_SERVICE_UNIT = serviceUnit(431, "Granted-Service-Unit");
    public static final AvpDefinition REQUESTED_SERVICE_UNIT = serviceUnit(437, "Requested-Service-Unit");
    public static final AvpDefinition USED_SERVICE_UNIT = serviceUnit(446, "Used-Service-Unit");
    public static final AvpDefinition MULTIPLE_SERVICES_INDICATOR = m(455, "Multiple-Services-Indicator", AvpType.ENUMERATED);
    /** RFC 4006 §8.16; TS 32.299 adds thresholds, Reporting-Reason and Trigger (accepted as {@code *[ AVP ]}). */
    public static final AvpDefinition MULTIPLE_SERVICES_CREDIT_CONTROL =
            m(456, "Multiple-Services-Credit-Control", AvpType.GROUPED)
                    .withMembers(optional(GRANTED_SERVICE_UNIT), optional(REQUESTED_SERVICE_UNIT),
                            optionalMany(USED_SERVICE_UNIT), optionalMany(SERVICE_IDENTIFIER), optional(RATING_GROUP),
                            optionalMany(G_S_U_POOL_REFERENCE), optional(VALIDITY_TIME),
                            optional(BaseDictionary.RESULT_CODE), optional(FINAL_UNIT_INDICATION));
    public static final AvpDefinition USER_EQUIPMENT_INFO_TYPE = may(459, "User-Equipment-Info-Type", AvpType.ENUMERATED);
    public static final AvpDefinition USER_EQUIPMENT_INFO_VALUE = may(460, "User-Equipment-Info-Value", AvpType.OCTET_STRING);
    public static final AvpDefinition USER_EQUIPMENT_INFO = may(458, "User-Equipment-Info", AvpType.GROUPED)
            .withMembers(required(USER_EQUIPMENT_INFO_TYPE), required(USER_EQUIPMENT_INFO_VALUE));
    public static final AvpDefinition SERVICE_CONTEXT_ID = m(461, "Service-Context-Id", AvpType.UTF8_STRING);

    /** RFC 4006 §3.1 / §3.2 with the TS 32.299 §6.4.2 additions. */
    public static final CommandDefinition CREDIT_CONTROL_COMMAND = new CommandDefinition(272, APPLICATION,
            "Credit-Control", "CCR", "CCA", true,
            Abnf.sessionRequest(required(BaseDictionary.AUTH_APPLICATION_ID), false, required(SERVICE_CONTEXT_ID),
                    required(CC_REQUEST_TYPE), required(CC_REQUEST_NUMBER), optional(BaseDictionary.USER_NAME),
                    optional(CC_SUB_SESSION_ID), optional(BaseDictionary.EVENT_TIMESTAMP), optionalMany(SUBSCRIPTION_ID),
                    optional(SERVICE_IDENTIFIER), optional(BaseDictionary.TERMINATION_CAUSE),
                    optional(REQUESTED_SERVICE_UNIT), optional(REQUESTED_ACTION), optionalMany(USED_SERVICE_UNIT),
                    optional(MULTIPLE_SERVICES_INDICATOR), optionalMany(MULTIPLE_SERVICES_CREDIT_CONTROL),
                    optionalMany(SERVICE_PARAMETER_INFO), optional(USER_EQUIPMENT_INFO),
                    optional(ChargingDictionary.SERVICE_INFORMATION)),
            Abnf.sessionAnswer(required(BaseDictionary.RESULT_CODE), required(BaseDictionary.AUTH_APPLICATION_ID),
                    required(CC_REQUEST_TYPE), required(CC_REQUEST_NUMBER), optional(BaseDictionary.USER_NAME),
                    optional(CC_SESSION_FAILOVER), optional(CC_SUB_SESSION_ID), optional(BaseDictionary.EVENT_TIMESTAMP),
                    optional(GRANTED_SERVICE_UNIT), optionalMany(MULTIPLE_SERVICES_CREDIT_CONTROL),
                    optional(COST_INFORMATION), optional(FINAL_UNIT_INDICATION), optional(CHECK_BALANCE_RESULT),
                    optional(CREDIT_CONTROL_FAILURE_HANDLING), optional(DIRECT_DEBITING_FAILURE_HANDLING),
                    optional(VALIDITY_TIME), optionalMany(BaseDictionary.REDIRECT_HOST),
                    optional(BaseDictionary.REDIRECT_HOST_USAGE), optional(BaseDictionary.REDIRECT_MAX_CACHE_TIME),
                    optionalMany(BaseDictionary.ROUTE_RECORD), optional(ChargingDictionary.SERVICE_INFORMATION)));

    /** CC-Request-Type (RFC 4006 §8.3) values. */
    public static final int INITIAL_REQUEST = 1;
    public static final int UPDATE_REQUEST = 2;
    public static final int TERMINATION_REQUEST = 3;
    public static final int EVENT_REQUEST = 4;

    /** Subscription-Id-Type (RFC 4006 §8.47) values. */
    public static final int END_USER_E164 = 0;
    public static final int END_USER_IMSI = 1;
    public static final int END_USER_SIP_URI = 2;
    public static final int END_USER_NAI = 3;
    public static final int END_USER_PRIVATE = 4;

    public static List<AvpDefinition> avps() {
        return List.of(CC_INPUT_OCTETS, CC_MONEY, CC_OUTPUT_OCTETS, CC_REQUEST_NUMBER, CC_REQUEST_TYPE,
                CC_SERVICE_SPECIFIC_UNITS, CC_SESSION_FAILOVER, CC_SUB_SESSION_ID, CC_TIME, CC_TOTAL_OCTETS,
                CHECK_BALANCE_RESULT, COST_INFORMATION, COST_UNIT, CURRENCY_CODE, CREDIT_CONTROL,
                CREDIT_CONTROL_FAILURE_HANDLING, DIRECT_DEBITING_FAILURE_HANDLING, EXPONENT, FINAL_UNIT_INDICATION,
                GRANTED_SERVICE_UNIT, RATING_GROUP, REDIRECT_ADDRESS_TYPE, REDIRECT_SERVER, REDIRECT_SERVER_ADDRESS,
                REQUESTED_ACTION, REQUESTED_SERVICE_UNIT, RESTRICTION_FILTER_RULE, SERVICE_IDENTIFIER,
                SERVICE_PARAMETER_INFO, SERVICE_PARAMETER_TYPE, SERVICE_PARAMETER_VALUE, SUBSCRIPTION_ID,
                SUBSCRIPTION_ID_DATA, UNIT_VALUE, USED_SERVICE_UNIT, VALUE_DIGITS, VALIDITY_TIME, FINAL_UNIT_ACTION,
                SUBSCRIPTION_ID_TYPE, TARIFF_TIME_CHANGE, TARIFF_CHANGE_USAGE, G_S_U_POOL_IDENTIFIER, CC_UNIT_TYPE,
                MULTIPLE_SERVICES_INDICATOR, MULTIPLE_SERVICES_CREDIT_CONTROL, G_S_U_POOL_REFERENCE,
                USER_EQUIPMENT_INFO, USER_EQUIPMENT_INFO_TYPE, USER_EQUIPMENT_INFO_VALUE, SERVICE_CONTEXT_ID);
    }

    public static List<CommandDefinition> commands() {
        return List.of(CREDIT_CONTROL_COMMAND);
    }

    /** Granted/Requested/Used-Service-Unit share one member list (RFC 4006 §8.17, §8.18, §8.19). */
    private static AvpDefinition serviceUnit(int code, String name) {
        return m(code, name, AvpType.GROUPED).withMembers(optional(TARIFF_TIME_CHANGE), optional(CC_TIME),
                optional(CC_MONEY), optional(CC_TOTAL_OCTETS), optional(CC_INPUT_OCTETS), optional(CC_OUTPUT_OCTETS),
                optional(CC_SERVICE_SPECIFIC_UNITS));
    }

    private static AvpDefinition may(int code, String name, AvpType type) {
        return AvpDefinition.ietf(code, name, type, FlagRule.MAY);
    }

    private RoDictionary() {
    }
}
