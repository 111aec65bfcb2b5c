package io.osprey.diameter.dictionary;

import static io.osprey.diameter.dictionary.BaseDictionary.mv;

import java.util.List;

/**
 * The IMS charging AVPs of TS 32.299 (vendor 10415, "M,V" in the Rel-15 freeDiameter CSV) that Ro (CCR)
 * and Rf (ACR) carry inside Service-Information. Grouped member lists are not enforced: TS 32.299 allows
 * {@code *[ AVP ]} in all of them and they change with every release.
 */
public final class ChargingDictionary {

    public static final AvpDefinition EVENT_TYPE = mv(823, "Event-Type", AvpType.GROUPED);
    public static final AvpDefinition SIP_METHOD = mv(824, "SIP-Method", AvpType.UTF8_STRING);
    public static final AvpDefinition EVENT = mv(825, "Event", AvpType.UTF8_STRING);
    public static final AvpDefinition CONTENT_TYPE = mv(826, "Content-Type", AvpType.UTF8_STRING);
    public static final AvpDefinition CONTENT_LENGTH = mv(827, "Content-Length", AvpType.UNSIGNED32);
    public static final AvpDefinition CONTENT_DISPOSITION = mv(828, "Content-Disposition", AvpType.UTF8_STRING);
    public static final AvpDefinition ROLE_OF_NODE = mv(829, "Role-Of-Node", AvpType.ENUMERATED);
    public static final AvpDefinition USER_SESSION_ID = mv(830, "User-Session-Id", AvpType.UTF8_STRING);
    public static final AvpDefinition CALLING_PARTY_ADDRESS = mv(831, "Calling-Party-Address", AvpType.UTF8_STRING);
    public static final AvpDefinition CALLED_PARTY_ADDRESS = mv(832, "Called-Party-Address", AvpType.UTF8_STRING);
    public static final AvpDefinition TIME_STAMPS = mv(833, "Time-Stamps", AvpType.GROUPED);
    public static final AvpDefinition SIP_REQUEST_TIMESTAMP = mv(834, "SIP-Request-Timestamp", AvpType.TIME);
    public static final AvpDefinition SIP_RESPONSE_TIMESTAMP = mv(835, "SIP-Response-Timestamp", AvpType.TIME);
    public static final AvpDefinition APPLICATION_SERVER = mv(836, "Application-Server", AvpType.UTF8_STRING);
    public static final AvpDefinition APPLICATION_PROVIDED_CALLED_PARTY_ADDRESS =
            mv(837, "Application-Provided-Called-Party-Address", AvpType.UTF8_STRING);
    public static final AvpDefinition INTER_OPERATOR_IDENTIFIER = mv(838, "Inter-Operator-Identifier", AvpType.GROUPED);
    public static final AvpDefinition ORIGINATING_IOI = mv(839, "Originating-IOI", AvpType.UTF8_STRING);
    public static final AvpDefinition TERMINATING_IOI = mv(840, "Terminating-IOI", AvpType.UTF8_STRING);
    public static final AvpDefinition IMS_CHARGING_IDENTIFIER = mv(841, "IMS-Charging-Identifier", AvpType.UTF8_STRING);
    public static final AvpDefinition SDP_SESSION_DESCRIPTION = mv(842, "SDP-Session-Description", AvpType.UTF8_STRING);
    public static final AvpDefinition SDP_MEDIA_COMPONENT = mv(843, "SDP-Media-Component", AvpType.GROUPED);
    public static final AvpDefinition SDP_MEDIA_NAME = mv(844, "SDP-Media-Name", AvpType.UTF8_STRING);
    public static final AvpDefinition SDP_MEDIA_DESCRIPTION = mv(845, "SDP-Media-Description", AvpType.UTF8_STRING);
    public static final AvpDefinition APPLICATION_SERVER_INFORMATION =
            mv(850, "Application-Server-Information", AvpType.GROUPED);
    public static final AvpDefinition ASSOCIATED_URI = mv(856, "Associated-URI", AvpType.UTF8_STRING);
    public static final AvpDefinition CAUSE_CODE = mv(861, "Cause-Code", AvpType.INTEGER32);
    public static final AvpDefinition NODE_FUNCTIONALITY = mv(862, "Node-Functionality", AvpType.ENUMERATED);
    public static final AvpDefinition SERVICE_SPECIFIC_DATA = mv(863, "Service-Specific-Data", AvpType.UTF8_STRING);
    public static final AvpDefinition ORIGINATOR = mv(864, "Originator", AvpType.ENUMERATED);
    public static final AvpDefinition TIME_QUOTA_THRESHOLD = mv(868, "Time-Quota-Threshold", AvpType.UNSIGNED32);
    public static final AvpDefinition VOLUME_QUOTA_THRESHOLD = mv(869, "Volume-Quota-Threshold", AvpType.UNSIGNED32);
    public static final AvpDefinition TRIGGER_TYPE = mv(870, "Trigger-Type", AvpType.ENUMERATED);
    public static final AvpDefinition QUOTA_HOLDING_TIME = mv(871, "Quota-Holding-Time", AvpType.UNSIGNED32);
    public static final AvpDefinition REPORTING_REASON = mv(872, "Reporting-Reason", AvpType.ENUMERATED);
    public static final AvpDefinition SERVICE_INFORMATION = mv(873, "Service-Information", AvpType.GROUPED);
    public static final AvpDefinition IMS_INFORMATION = mv(876, "IMS-Information", AvpType.GROUPED);
    public static final AvpDefinition QUOTA_CONSUMPTION_TIME = mv(881, "Quota-Consumption-Time", AvpType.UNSIGNED32);
    public static final AvpDefinition EXPIRES = mv(888, "Expires", AvpType.UNSIGNED32);
    public static final AvpDefinition MESSAGE_BODY = mv(889, "Message-Body", AvpType.GROUPED);
    public static final AvpDefinition UNIT_QUOTA_THRESHOLD = mv(1226, "Unit-Quota-Threshold", AvpType.UNSIGNED32);
    public static final AvpDefinition SERVICE_SPECIFIC_INFO = mv(1249, "Service-Specific-Info", AvpType.GROUPED);
    public static final AvpDefinition REQUESTED_PARTY_ADDRESS = mv(1251, "Requested-Party-Address", AvpType.UTF8_STRING);
    public static final AvpDefinition SERVICE_SPECIFIC_TYPE = mv(1257, "Service-Specific-Type", AvpType.UNSIGNED32);
    public static final AvpDefinition EVENT_CHARGING_TIMESTAMP = mv(1258, "Event-Charging-TimeStamp", AvpType.TIME);
    public static final AvpDefinition ACCESS_NETWORK_INFORMATION =
            mv(1263, "Access-Network-Information", AvpType.OCTET_STRING);
    public static final AvpDefinition TRIGGER = mv(1264, "Trigger", AvpType.GROUPED);
    public static final AvpDefinition EARLY_MEDIA_DESCRIPTION = mv(1272, "Early-Media-Description", AvpType.GROUPED);
    public static final AvpDefinition SDP_TIMESTAMPS = mv(1273, "SDP-TimeStamps", AvpType.GROUPED);
    public static final AvpDefinition IMS_COMMUNICATION_SERVICE_IDENTIFIER =
            mv(1281, "IMS-Communication-Service-Identifier", AvpType.UTF8_STRING);
    public static final AvpDefinition NODE_ID = mv(2064, "Node-Id", AvpType.UTF8_STRING);

    /** Role-Of-Node (TS 32.299 §7.2.177) values. */
    public static final int ORIGINATING_ROLE = 0;
    public static final int TERMINATING_ROLE = 1;

    /** Node-Functionality (TS 32.299) values 0–6, the same in every release. */
    public static final int NODE_S_CSCF = 0;
    public static final int NODE_P_CSCF = 1;
    public static final int NODE_I_CSCF = 2;
    public static final int NODE_AS = 6;

    public static List<AvpDefinition> avps() {
        return List.of(EVENT_TYPE, SIP_METHOD, EVENT, CONTENT_TYPE, CONTENT_LENGTH, CONTENT_DISPOSITION, ROLE_OF_NODE,
                USER_SESSION_ID, CALLING_PARTY_ADDRESS, CALLED_PARTY_ADDRESS, TIME_STAMPS, SIP_REQUEST_TIMESTAMP,
                SIP_RESPONSE_TIMESTAMP, APPLICATION_SERVER, APPLICATION_PROVIDED_CALLED_PARTY_ADDRESS,
                INTER_OPERATOR_IDENTIFIER, ORIGINATING_IOI, TERMINATING_IOI, IMS_CHARGING_IDENTIFIER,
                SDP_SESSION_DESCRIPTION, SDP_MEDIA_COMPONENT, SDP_MEDIA_NAME, SDP_MEDIA_DESCRIPTION,
                APPLICATION_SERVER_INFORMATION, ASSOCIATED_URI, CAUSE_CODE, NODE_FUNCTIONALITY, SERVICE_SPECIFIC_DATA,
                ORIGINATOR, TIME_QUOTA_THRESHOLD, VOLUME_QUOTA_THRESHOLD, TRIGGER_TYPE, QUOTA_HOLDING_TIME,
                REPORTING_REASON, SERVICE_INFORMATION, IMS_INFORMATION, QUOTA_CONSUMPTION_TIME, EXPIRES, MESSAGE_BODY,
                UNIT_QUOTA_THRESHOLD, SERVICE_SPECIFIC_INFO, REQUESTED_PARTY_ADDRESS, SERVICE_SPECIFIC_TYPE,
                EVENT_CHARGING_TIMESTAMP, ACCESS_NETWORK_INFORMATION, TRIGGER, EARLY_MEDIA_DESCRIPTION, SDP_TIMESTAMPS,
                IMS_COMMUNICATION_SERVICE_IDENTIFIER, NODE_ID);
    }

    private ChargingDictionary() {
    }
}
