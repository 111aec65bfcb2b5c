package io.osprey.diameter.dictionary;

import static io.osprey.diameter.dictionary.AvpRule.fixed;
import static io.osprey.diameter.dictionary.AvpRule.optional;
import static io.osprey.diameter.dictionary.AvpRule.optionalMany;
import static io.osprey.diameter.dictionary.AvpRule.required;
import static io.osprey.diameter.dictionary.AvpRule.requiredMany;

import java.util.List;

/**
 * The base protocol dictionary: AVPs of RFC 6733 §4.5 (flag rules from its table), the RADIUS-derived AVPs
 * the base reuses, and the peer commands CER/CEA, DWR/DWA, DPR/DPA (RFC 6733 §5.3–§5.5) of application 0.
 */
public final class BaseDictionary {

    /** Application 0, "Diameter common messages". */
    public static final DiameterApplication COMMON =
            new DiameterApplication(0, "Diameter Common Messages", 0, DiameterApplication.Kind.COMMON, false, -1);

    public static final AvpDefinition USER_NAME = m(1, "User-Name", AvpType.UTF8_STRING);
    public static final AvpDefinition CLASS = m(25, "Class", AvpType.OCTET_STRING);
    public static final AvpDefinition SESSION_TIMEOUT = m(27, "Session-Timeout", AvpType.UNSIGNED32);
    public static final AvpDefinition PROXY_STATE = m(33, "Proxy-State", AvpType.OCTET_STRING);
    public static final AvpDefinition ACCT_SESSION_ID = m(44, "Acct-Session-Id", AvpType.OCTET_STRING);
    public static final AvpDefinition ACCT_MULTI_SESSION_ID = m(50, "Acct-Multi-Session-Id", AvpType.UTF8_STRING);
    public static final AvpDefinition EVENT_TIMESTAMP = m(55, "Event-Timestamp", AvpType.TIME);
    public static final AvpDefinition ACCT_INTERIM_INTERVAL = m(85, "Acct-Interim-Interval", AvpType.UNSIGNED32);
    public static final AvpDefinition HOST_IP_ADDRESS = m(257, "Host-IP-Address", AvpType.ADDRESS);
    public static final AvpDefinition AUTH_APPLICATION_ID = m(258, "Auth-Application-Id", AvpType.UNSIGNED32);
    public static final AvpDefinition ACCT_APPLICATION_ID = m(259, "Acct-Application-Id", AvpType.UNSIGNED32);
    public static final AvpDefinition REDIRECT_HOST_USAGE = m(261, "Redirect-Host-Usage", AvpType.ENUMERATED);
    public static final AvpDefinition REDIRECT_MAX_CACHE_TIME = m(262, "Redirect-Max-Cache-Time", AvpType.UNSIGNED32);
    public static final AvpDefinition SESSION_ID = m(263, "Session-Id", AvpType.UTF8_STRING);
    public static final AvpDefinition ORIGIN_HOST = m(264, "Origin-Host", AvpType.DIAMETER_IDENTITY);
    public static final AvpDefinition SUPPORTED_VENDOR_ID = m(265, "Supported-Vendor-Id", AvpType.UNSIGNED32);
    public static final AvpDefinition VENDOR_ID = m(266, "Vendor-Id", AvpType.UNSIGNED32);
    public static final AvpDefinition FIRMWARE_REVISION = mustNotM(267, "Firmware-Revision", AvpType.UNSIGNED32);
    public static final AvpDefinition RESULT_CODE = m(268, "Result-Code", AvpType.UNSIGNED32);
    public static final AvpDefinition PRODUCT_NAME = mustNotM(269, "Product-Name", AvpType.UTF8_STRING);
    public static final AvpDefinition SESSION_BINDING = m(270, "Session-Binding", AvpType.UNSIGNED32);
    public static final AvpDefinition SESSION_SERVER_FAILOVER = m(271, "Session-Server-Failover", AvpType.ENUMERATED);
    public static final AvpDefinition MULTI_ROUND_TIME_OUT = m(272, "Multi-Round-Time-Out", AvpType.UNSIGNED32);
    public static final AvpDefinition DISCONNECT_CAUSE = m(273, "Disconnect-Cause", AvpType.ENUMERATED);
    public static final AvpDefinition AUTH_REQUEST_TYPE = m(274, "Auth-Request-Type", AvpType.ENUMERATED);
    public static final AvpDefinition AUTH_GRACE_PERIOD = m(276, "Auth-Grace-Period", AvpType.UNSIGNED32);
    public static final AvpDefinition AUTH_SESSION_STATE = m(277, "Auth-Session-State", AvpType.ENUMERATED);
    public static final AvpDefinition ORIGIN_STATE_ID = m(278, "Origin-State-Id", AvpType.UNSIGNED32);
    /** Grouped {@code 1* {AVP}}: any AVPs, so no member rules. */
    public static final AvpDefinition FAILED_AVP = m(279, "Failed-AVP", AvpType.GROUPED);
    public static final AvpDefinition PROXY_HOST = m(280, "Proxy-Host", AvpType.DIAMETER_IDENTITY);
    public static final AvpDefinition ERROR_MESSAGE = mustNotM(281, "Error-Message", AvpType.UTF8_STRING);
    public static final AvpDefinition ROUTE_RECORD = m(282, "Route-Record", AvpType.DIAMETER_IDENTITY);
    public static final AvpDefinition DESTINATION_REALM = m(283, "Destination-Realm", AvpType.DIAMETER_IDENTITY);
    /** RFC 6733 §6.7.2: {@code { Proxy-Host } { Proxy-State } *[ AVP ]}. */
    public static final AvpDefinition PROXY_INFO = m(284, "Proxy-Info", AvpType.GROUPED)
            .withMembers(required(PROXY_HOST), required(PROXY_STATE));
    public static final AvpDefinition RE_AUTH_REQUEST_TYPE = m(285, "Re-Auth-Request-Type", AvpType.ENUMERATED);
    public static final AvpDefinition ACCOUNTING_SUB_SESSION_ID = m(287, "Accounting-Sub-Session-Id", AvpType.UNSIGNED64);
    public static final AvpDefinition AUTHORIZATION_LIFETIME = m(291, "Authorization-Lifetime", AvpType.UNSIGNED32);
    public static final AvpDefinition REDIRECT_HOST = m(292, "Redirect-Host", AvpType.DIAMETER_URI);
    public static final AvpDefinition DESTINATION_HOST = m(293, "Destination-Host", AvpType.DIAMETER_IDENTITY);
    public static final AvpDefinition ERROR_REPORTING_HOST = mustNotM(294, "Error-Reporting-Host", AvpType.DIAMETER_IDENTITY);
    public static final AvpDefinition TERMINATION_CAUSE = m(295, "Termination-Cause", AvpType.ENUMERATED);
    public static final AvpDefinition ORIGIN_REALM = m(296, "Origin-Realm", AvpType.DIAMETER_IDENTITY);
    public static final AvpDefinition EXPERIMENTAL_RESULT_CODE = m(298, "Experimental-Result-Code", AvpType.UNSIGNED32);
    /** RFC 6733 §7.6: {@code { Vendor-Id } { Experimental-Result-Code }}. */
    public static final AvpDefinition EXPERIMENTAL_RESULT = m(297, "Experimental-Result", AvpType.GROUPED)
            .withMembers(required(VENDOR_ID), required(EXPERIMENTAL_RESULT_CODE));
    public static final AvpDefinition INBAND_SECURITY_ID = m(299, "Inband-Security-Id", AvpType.UNSIGNED32);
    /** RFC 6733 §6.11: {@code { Vendor-Id } [ Auth-Application-Id ] [ Acct-Application-Id ]}. */
    public static final AvpDefinition VENDOR_SPECIFIC_APPLICATION_ID =
            m(260, "Vendor-Specific-Application-Id", AvpType.GROUPED)
                    .withMembers(required(VENDOR_ID), optional(AUTH_APPLICATION_ID), optional(ACCT_APPLICATION_ID));
    public static final AvpDefinition ACCOUNTING_RECORD_TYPE = m(480, "Accounting-Record-Type", AvpType.ENUMERATED);
    public static final AvpDefinition ACCOUNTING_REALTIME_REQUIRED =
            m(483, "Accounting-Realtime-Required", AvpType.ENUMERATED);
    public static final AvpDefinition ACCOUNTING_RECORD_NUMBER = m(485, "Accounting-Record-Number", AvpType.UNSIGNED32);

    /** Auth-Session-State (RFC 6733 §8.11) values. */
    public static final int STATE_MAINTAINED = 0;
    public static final int NO_STATE_MAINTAINED = 1;

    /** Disconnect-Cause (RFC 6733 §5.4.3) values. */
    public static final int DISCONNECT_REBOOTING = 0;
    public static final int DISCONNECT_BUSY = 1;
    public static final int DISCONNECT_DO_NOT_WANT_TO_TALK_TO_YOU = 2;

    /** RFC 6733 §5.3.1 / §5.3.2. */
    public static final CommandDefinition CAPABILITIES_EXCHANGE = new CommandDefinition(257, COMMON,
            "Capabilities-Exchange", "CER", "CEA", false,
            List.of(required(ORIGIN_HOST), required(ORIGIN_REALM), requiredMany(HOST_IP_ADDRESS), required(VENDOR_ID),
                    required(PRODUCT_NAME), optional(ORIGIN_STATE_ID), optionalMany(SUPPORTED_VENDOR_ID),
                    optionalMany(AUTH_APPLICATION_ID), optionalMany(INBAND_SECURITY_ID),
                    optionalMany(ACCT_APPLICATION_ID), optionalMany(VENDOR_SPECIFIC_APPLICATION_ID),
                    optional(FIRMWARE_REVISION)),
            List.of(required(RESULT_CODE), required(ORIGIN_HOST), required(ORIGIN_REALM),
                    requiredMany(HOST_IP_ADDRESS), required(VENDOR_ID), required(PRODUCT_NAME),
                    optional(ORIGIN_STATE_ID), optional(ERROR_MESSAGE), optionalMany(FAILED_AVP),
                    optionalMany(SUPPORTED_VENDOR_ID), optionalMany(AUTH_APPLICATION_ID),
                    optionalMany(INBAND_SECURITY_ID), optionalMany(ACCT_APPLICATION_ID),
                    optionalMany(VENDOR_SPECIFIC_APPLICATION_ID), optional(FIRMWARE_REVISION)));

    /** RFC 6733 §5.5.1 / §5.5.2. */
    public static final CommandDefinition DEVICE_WATCHDOG = new CommandDefinition(280, COMMON,
            "Device-Watchdog", "DWR", "DWA", false,
            List.of(required(ORIGIN_HOST), required(ORIGIN_REALM), optional(ORIGIN_STATE_ID)),
            List.of(required(RESULT_CODE), required(ORIGIN_HOST), required(ORIGIN_REALM), optional(ERROR_MESSAGE),
                    optionalMany(FAILED_AVP), optional(ORIGIN_STATE_ID)));

    /** RFC 6733 §5.4.1 / §5.4.2. */
    public static final CommandDefinition DISCONNECT_PEER = new CommandDefinition(282, COMMON,
            "Disconnect-Peer", "DPR", "DPA", false,
            List.of(required(ORIGIN_HOST), required(ORIGIN_REALM), required(DISCONNECT_CAUSE)),
            List.of(required(RESULT_CODE), required(ORIGIN_HOST), required(ORIGIN_REALM), optional(ERROR_MESSAGE),
                    optionalMany(FAILED_AVP)));

    /** The request ABNF head shared by session-based application requests: {@code < Session-Id >} first. */
    static final AvpRule SESSION_ID_FIRST = fixed(SESSION_ID);

    public static List<AvpDefinition> avps() {
        return List.of(USER_NAME, CLASS, SESSION_TIMEOUT, PROXY_STATE, ACCT_SESSION_ID, ACCT_MULTI_SESSION_ID,
                EVENT_TIMESTAMP, ACCT_INTERIM_INTERVAL, HOST_IP_ADDRESS, AUTH_APPLICATION_ID, ACCT_APPLICATION_ID,
                VENDOR_SPECIFIC_APPLICATION_ID, REDIRECT_HOST_USAGE, REDIRECT_MAX_CACHE_TIME, SESSION_ID, ORIGIN_HOST,
                SUPPORTED_VENDOR_ID, VENDOR_ID, FIRMWARE_REVISION, RESULT_CODE, PRODUCT_NAME, SESSION_BINDING,
                SESSION_SERVER_FAILOVER, MULTI_ROUND_TIME_OUT, DISCONNECT_CAUSE, AUTH_REQUEST_TYPE, AUTH_GRACE_PERIOD,
                AUTH_SESSION_STATE, ORIGIN_STATE_ID, FAILED_AVP, PROXY_HOST, ERROR_MESSAGE, ROUTE_RECORD,
                DESTINATION_REALM, PROXY_INFO, RE_AUTH_REQUEST_TYPE, ACCOUNTING_SUB_SESSION_ID,
                AUTHORIZATION_LIFETIME, REDIRECT_HOST, DESTINATION_HOST, ERROR_REPORTING_HOST, TERMINATION_CAUSE,
                ORIGIN_REALM, EXPERIMENTAL_RESULT, EXPERIMENTAL_RESULT_CODE, INBAND_SECURITY_ID,
                ACCOUNTING_RECORD_TYPE, ACCOUNTING_REALTIME_REQUIRED, ACCOUNTING_RECORD_NUMBER);
    }

    public static List<CommandDefinition> commands() {
        return List.of(CAPABILITIES_EXCHANGE, DEVICE_WATCHDOG, DISCONNECT_PEER);
    }

    /** An IETF AVP whose M bit MUST be set, V MUST NOT (most rows of RFC 6733 §4.5). */
    static AvpDefinition m(int code, String name, AvpType type) {
        return AvpDefinition.ietf(code, name, type, FlagRule.MUST);
    }

    /** An IETF AVP whose V and M bits MUST NOT be set. */
    static AvpDefinition mustNotM(int code, String name, AvpType type) {
        return AvpDefinition.ietf(code, name, type, FlagRule.MUST_NOT);
    }

    /** A 3GPP AVP with M and V set ("M,V" in the 3GPP tables). */
    static AvpDefinition mv(int code, String name, AvpType type) {
        return AvpDefinition.vendor(Vendors.THREE_GPP, code, name, type, FlagRule.MUST);
    }

    /** A 3GPP AVP with V set and M not ("V; M must not"). */
    static AvpDefinition v(int code, String name, AvpType type) {
        return AvpDefinition.vendor(Vendors.THREE_GPP, code, name, type, FlagRule.MUST_NOT);
    }

    private BaseDictionary() {
    }
}
