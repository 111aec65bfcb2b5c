package io.osprey.diameter.dictionary;

import static io.osprey.diameter.dictionary.AvpRule.optional;
import static io.osprey.diameter.dictionary.AvpRule.optionalMany;
import static io.osprey.diameter.dictionary.AvpRule.required;
import static io.osprey.diameter.dictionary.AvpRule.requiredMany;
import static io.osprey.diameter.dictionary.BaseDictionary.m;
import static io.osprey.diameter.dictionary.BaseDictionary.mv;
import static io.osprey.diameter.dictionary.BaseDictionary.v;

import java.util.List;

/**
 * Rx (TS 29.214): P-CSCF (AF) ↔ PCRF, application 16777236, announced with a plain Auth-Application-Id.
 * AVP flags from TS 29.214 V15 Table 5.3.0.1 (freeDiameter CSV): Rel-6/7 AVPs "M,V", later ones "V"; the
 * Gx AVPs IP-CAN-Type and RAT-Type from TS 29.212; the NASREQ AVPs of RFC 7155. Commands from TS 29.214 §5.6.
 */
public final class RxDictionary {

    public static final DiameterApplication APPLICATION = new DiameterApplication(16777236, "3GPP Rx",
            Vendors.THREE_GPP, DiameterApplication.Kind.AUTH, false, -1);

    public static final AvpDefinition FRAMED_IP_ADDRESS = m(8, "Framed-IP-Address", AvpType.OCTET_STRING);
    public static final AvpDefinition CALLED_STATION_ID = m(30, "Called-Station-Id", AvpType.UTF8_STRING);
    public static final AvpDefinition FRAMED_IPV6_PREFIX = m(97, "Framed-IPv6-Prefix", AvpType.OCTET_STRING);

    public static final AvpDefinition ABORT_CAUSE = mv(500, "Abort-Cause", AvpType.ENUMERATED);
    public static final AvpDefinition ACCESS_NETWORK_CHARGING_ADDRESS =
            mv(501, "Access-Network-Charging-Address", AvpType.ADDRESS);
    public static final AvpDefinition ACCESS_NETWORK_CHARGING_IDENTIFIER_VALUE =
            mv(503, "Access-Network-Charging-Identifier-Value", AvpType.OCTET_STRING);
    public static final AvpDefinition AF_APPLICATION_IDENTIFIER = mv(504, "AF-Application-Identifier", AvpType.OCTET_STRING);
    public static final AvpDefinition AF_CHARGING_IDENTIFIER = mv(505, "AF-Charging-Identifier", AvpType.OCTET_STRING);
    public static final AvpDefinition FLOW_DESCRIPTION = mv(507, "Flow-Description", AvpType.IP_FILTER_RULE);
    public static final AvpDefinition FLOW_NUMBER = mv(509, "Flow-Number", AvpType.UNSIGNED32);
    public static final AvpDefinition FLOW_STATUS = mv(511, "Flow-Status", AvpType.ENUMERATED);
    public static final AvpDefinition FLOW_USAGE = mv(512, "Flow-Usage", AvpType.ENUMERATED);
    public static final AvpDefinition SPECIFIC_ACTION = mv(513, "Specific-Action", AvpType.ENUMERATED);
    public static final AvpDefinition MAX_REQUESTED_BANDWIDTH_DL = mv(515, "Max-Requested-Bandwidth-DL", AvpType.UNSIGNED32);
    public static final AvpDefinition MAX_REQUESTED_BANDWIDTH_UL = mv(516, "Max-Requested-Bandwidth-UL", AvpType.UNSIGNED32);
    public static final AvpDefinition MEDIA_COMPONENT_NUMBER = mv(518, "Media-Component-Number", AvpType.UNSIGNED32);
    public static final AvpDefinition MEDIA_TYPE = mv(520, "Media-Type", AvpType.ENUMERATED);
    public static final AvpDefinition RR_BANDWIDTH = mv(521, "RR-Bandwidth", AvpType.UNSIGNED32);
    public static final AvpDefinition RS_BANDWIDTH = mv(522, "RS-Bandwidth", AvpType.UNSIGNED32);
    public static final AvpDefinition SIP_FORKING_INDICATION = mv(523, "SIP-Forking-Indication", AvpType.ENUMERATED);
    public static final AvpDefinition CODEC_DATA = mv(524, "Codec-Data", AvpType.OCTET_STRING);
    public static final AvpDefinition SERVICE_URN = mv(525, "Service-URN", AvpType.OCTET_STRING);
    public static final AvpDefinition SERVICE_INFO_STATUS = mv(527, "Service-Info-Status", AvpType.ENUMERATED);
    public static final AvpDefinition MPS_IDENTIFIER = v(528, "MPS-Identifier", AvpType.OCTET_STRING);
    public static final AvpDefinition AF_SIGNALLING_PROTOCOL = v(529, "AF-Signalling-Protocol", AvpType.ENUMERATED);
    public static final AvpDefinition SPONSOR_IDENTITY = v(531, "Sponsor-Identity", AvpType.UTF8_STRING);
    public static final AvpDefinition APPLICATION_SERVICE_PROVIDER_IDENTITY =
            v(532, "Application-Service-Provider-Identity", AvpType.UTF8_STRING);
    public static final AvpDefinition SPONSORED_CONNECTIVITY_DATA = v(530, "Sponsored-Connectivity-Data", AvpType.GROUPED)
            .withMembers(optional(SPONSOR_IDENTITY), optional(APPLICATION_SERVICE_PROVIDER_IDENTITY));
    public static final AvpDefinition RX_REQUEST_TYPE = v(533, "Rx-Request-Type", AvpType.ENUMERATED);
    public static final AvpDefinition MIN_REQUESTED_BANDWIDTH_DL = v(534, "Min-Requested-Bandwidth-DL", AvpType.UNSIGNED32);
    public static final AvpDefinition MIN_REQUESTED_BANDWIDTH_UL = v(535, "Min-Requested-Bandwidth-UL", AvpType.UNSIGNED32);
    public static final AvpDefinition REQUIRED_ACCESS_INFO = v(536, "Required-Access-Info", AvpType.ENUMERATED);
    public static final AvpDefinition IP_DOMAIN_ID = v(537, "IP-Domain-Id", AvpType.OCTET_STRING);
    public static final AvpDefinition AF_REQUESTED_DATA = v(551, "AF-Requested-Data", AvpType.UNSIGNED32);
    public static final AvpDefinition IP_CAN_TYPE = mv(1027, "IP-CAN-Type", AvpType.ENUMERATED);
    public static final AvpDefinition RAT_TYPE = v(1032, "RAT-Type", AvpType.ENUMERATED);

    /** {@code { Media-Component-Number } *[ Flow-Number ] ...}. */
    public static final AvpDefinition FLOWS = mv(510, "Flows", AvpType.GROUPED)
            .withMembers(required(MEDIA_COMPONENT_NUMBER), optionalMany(FLOW_NUMBER));
    public static final AvpDefinition ACCESS_NETWORK_CHARGING_IDENTIFIER =
            mv(502, "Access-Network-Charging-Identifier", AvpType.GROUPED)
                    .withMembers(required(ACCESS_NETWORK_CHARGING_IDENTIFIER_VALUE), optionalMany(FLOWS));
    /** TS 29.214 §5.3.18: {@code { Flow-Number } 0*2[ Flow-Description ] [ Flow-Status ] [ Flow-Usage ] ...}. */
    public static final AvpDefinition MEDIA_SUB_COMPONENT = mv(519, "Media-Sub-Component", AvpType.GROUPED)
            .withMembers(required(FLOW_NUMBER), new AvpRule(FLOW_DESCRIPTION, AvpRule.Kind.OPTIONAL, 0, 2),
                    optional(FLOW_STATUS), optional(FLOW_USAGE), optional(MAX_REQUESTED_BANDWIDTH_UL),
                    optional(MAX_REQUESTED_BANDWIDTH_DL), optional(AF_SIGNALLING_PROTOCOL));
    /** TS 29.214 §5.3.16, the members an IMS P-CSCF sends. */
    public static final AvpDefinition MEDIA_COMPONENT_DESCRIPTION = mv(517, "Media-Component-Description", AvpType.GROUPED)
            .withMembers(required(MEDIA_COMPONENT_NUMBER), optionalMany(MEDIA_SUB_COMPONENT),
                    optional(AF_APPLICATION_IDENTIFIER), optional(MEDIA_TYPE), optional(MAX_REQUESTED_BANDWIDTH_UL),
                    optional(MAX_REQUESTED_BANDWIDTH_DL), optional(MIN_REQUESTED_BANDWIDTH_UL),
                    optional(MIN_REQUESTED_BANDWIDTH_DL), optional(FLOW_STATUS), optional(RR_BANDWIDTH),
                    optional(RS_BANDWIDTH), optionalMany(CODEC_DATA));
    public static final AvpDefinition ACCEPTABLE_SERVICE_INFO = mv(526, "Acceptable-Service-Info", AvpType.GROUPED)
            .withMembers(optionalMany(MEDIA_COMPONENT_DESCRIPTION), optional(MAX_REQUESTED_BANDWIDTH_DL),
                    optional(MAX_REQUESTED_BANDWIDTH_UL));

    private static final AvpRule AUTH_APPLICATION_ID = required(BaseDictionary.AUTH_APPLICATION_ID);

    public static final CommandDefinition AA = command(265, "AA", "AAR", "AAA",
            Abnf.sessionRequest(AUTH_APPLICATION_ID, false, optional(IP_DOMAIN_ID),
                    optional(BaseDictionary.AUTH_SESSION_STATE), optional(AF_APPLICATION_IDENTIFIER),
                    optionalMany(MEDIA_COMPONENT_DESCRIPTION), optional(SERVICE_INFO_STATUS),
                    optional(AF_CHARGING_IDENTIFIER), optional(SIP_FORKING_INDICATION), optionalMany(SPECIFIC_ACTION),
                    optionalMany(RoDictionary.SUBSCRIPTION_ID), optionalMany(CxDictionary.SUPPORTED_FEATURES),
                    optional(FRAMED_IP_ADDRESS), optional(FRAMED_IPV6_PREFIX), optional(CALLED_STATION_ID),
                    optional(SERVICE_URN), optional(SPONSORED_CONNECTIVITY_DATA), optional(MPS_IDENTIFIER),
                    optional(RX_REQUEST_TYPE), optionalMany(REQUIRED_ACCESS_INFO), optional(AF_REQUESTED_DATA)),
            Abnf.sessionAnswer(AUTH_APPLICATION_ID, optional(BaseDictionary.RESULT_CODE),
                    optional(BaseDictionary.EXPERIMENTAL_RESULT), optional(BaseDictionary.AUTH_SESSION_STATE),
                    optionalMany(ACCESS_NETWORK_CHARGING_IDENTIFIER), optional(ACCESS_NETWORK_CHARGING_ADDRESS),
                    optional(ACCEPTABLE_SERVICE_INFO), optional(IP_CAN_TYPE), optional(RAT_TYPE), optionalMany(FLOWS),
                    optionalMany(CxDictionary.SUPPORTED_FEATURES), optionalMany(BaseDictionary.CLASS)));

    public static final CommandDefinition RE_AUTH = command(258, "Re-Auth", "RAR", "RAA",
            Abnf.sessionRequest(AUTH_APPLICATION_ID, true, requiredMany(SPECIFIC_ACTION),
                    optionalMany(ACCESS_NETWORK_CHARGING_IDENTIFIER), optional(ACCESS_NETWORK_CHARGING_ADDRESS),
                    optionalMany(FLOWS), optionalMany(RoDictionary.SUBSCRIPTION_ID), optional(ABORT_CAUSE),
                    optional(IP_CAN_TYPE), optional(RAT_TYPE)),
            Abnf.sessionAnswer(optional(BaseDictionary.RESULT_CODE), optional(BaseDictionary.EXPERIMENTAL_RESULT),
                    optionalMany(MEDIA_COMPONENT_DESCRIPTION), optional(SERVICE_URN)));

    public static final CommandDefinition SESSION_TERMINATION = command(275, "Session-Termination", "STR", "STA",
            Abnf.sessionRequest(AUTH_APPLICATION_ID, false, required(BaseDictionary.TERMINATION_CAUSE),
                    optionalMany(BaseDictionary.CLASS), optionalMany(REQUIRED_ACCESS_INFO)),
            Abnf.sessionAnswer(optional(BaseDictionary.RESULT_CODE), optional(BaseDictionary.EXPERIMENTAL_RESULT),
                    optionalMany(BaseDictionary.CLASS)));

    public static final CommandDefinition ABORT_SESSION = command(274, "Abort-Session", "ASR", "ASA",
            Abnf.sessionRequest(AUTH_APPLICATION_ID, true, required(ABORT_CAUSE)),
            Abnf.sessionAnswer(optional(BaseDictionary.RESULT_CODE)));

    /** Specific-Action (TS 29.214 §5.3.13, Rel-8+ numbering: 0 and 5 are void). */
    public static final int CHARGING_CORRELATION_EXCHANGE = 1;
    public static final int INDICATION_OF_LOSS_OF_BEARER = 2;
    public static final int INDICATION_OF_RECOVERY_OF_BEARER = 3;
    public static final int INDICATION_OF_RELEASE_OF_BEARER = 4;
    public static final int IP_CAN_CHANGE = 6;
    public static final int INDICATION_OF_SUCCESSFUL_RESOURCES_ALLOCATION = 8;
    public static final int INDICATION_OF_FAILED_RESOURCES_ALLOCATION = 9;

    public static List<AvpDefinition> avps() {
        return List.of(FRAMED_IP_ADDRESS, CALLED_STATION_ID, FRAMED_IPV6_PREFIX, ABORT_CAUSE,
                ACCESS_NETWORK_CHARGING_ADDRESS, ACCESS_NETWORK_CHARGING_IDENTIFIER,
                ACCESS_NETWORK_CHARGING_IDENTIFIER_VALUE, AF_APPLICATION_IDENTIFIER, AF_CHARGING_IDENTIFIER,
                FLOW_DESCRIPTION, FLOW_NUMBER, FLOWS, FLOW_STATUS, FLOW_USAGE, SPECIFIC_ACTION,
                MAX_REQUESTED_BANDWIDTH_DL, MAX_REQUESTED_BANDWIDTH_UL, MEDIA_COMPONENT_DESCRIPTION,
                MEDIA_COMPONENT_NUMBER, MEDIA_SUB_COMPONENT, MEDIA_TYPE, RR_BANDWIDTH, RS_BANDWIDTH,
                SIP_FORKING_INDICATION, CODEC_DATA, SERVICE_URN, ACCEPTABLE_SERVICE_INFO, SERVICE_INFO_STATUS,
                MPS_IDENTIFIER, AF_SIGNALLING_PROTOCOL, SPONSORED_CONNECTIVITY_DATA, SPONSOR_IDENTITY,
                APPLICATION_SERVICE_PROVIDER_IDENTITY, RX_REQUEST_TYPE, MIN_REQUESTED_BANDWIDTH_DL,
                MIN_REQUESTED_BANDWIDTH_UL, REQUIRED_ACCESS_INFO, IP_DOMAIN_ID, AF_REQUESTED_DATA, IP_CAN_TYPE, RAT_TYPE);
    }

    public static List<CommandDefinition> commands() {
        return List.of(AA, RE_AUTH, SESSION_TERMINATION, ABORT_SESSION);
    }

    private static CommandDefinition command(int code, String name, String request, String answer,
                                             List<AvpRule> requestRules, List<AvpRule> answerRules) {
        return new CommandDefinition(code, APPLICATION, name, request, answer, true, requestRules, answerRules);
    }

    private RxDictionary() {
    }
}
