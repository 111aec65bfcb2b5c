package io.osprey.diameter.dictionary;

import static io.osprey.diameter.dictionary.AvpRule.optional;
import static io.osprey.diameter.dictionary.AvpRule.optionalMany;
import static io.osprey.diameter.dictionary.AvpRule.required;
import static io.osprey.diameter.dictionary.AvpRule.requiredMany;
import static io.osprey.diameter.dictionary.BaseDictionary.mv;
import static io.osprey.diameter.dictionary.BaseDictionary.v;

import java.util.List;

/**
 * Cx/Dx (TS 29.228 / TS 29.229): I/S-CSCF ↔ HSS, application 16777216, vendor 10415. AVP codes, types and
 * flags from TS 29.229 Table 6.3.1 (as in the freeDiameter Rel-15 CSV); command ABNF from TS 29.229 §6.1.
 * The Digest AVPs inside SIP-Digest-Authenticate are the IETF ones of RFC 4590 / RFC 4740.
 */
public final class CxDictionary {

    public static final DiameterApplication APPLICATION = new DiameterApplication(16777216, "3GPP Cx",
            Vendors.THREE_GPP, DiameterApplication.Kind.AUTH, true, BaseDictionary.NO_STATE_MAINTAINED);

    public static final AvpDefinition DIGEST_REALM = BaseDictionary.m(104, "Digest-Realm", AvpType.UTF8_STRING);
    public static final AvpDefinition DIGEST_QOP = BaseDictionary.m(110, "Digest-QoP", AvpType.UTF8_STRING);
    public static final AvpDefinition DIGEST_ALGORITHM = BaseDictionary.m(111, "Digest-Algorithm", AvpType.UTF8_STRING);
    public static final AvpDefinition DIGEST_HA1 = BaseDictionary.m(121, "Digest-HA1", AvpType.OCTET_STRING);

    public static final AvpDefinition VISITED_NETWORK_IDENTIFIER = mv(600, "Visited-Network-Identifier", AvpType.OCTET_STRING);
    public static final AvpDefinition PUBLIC_IDENTITY = mv(601, "Public-Identity", AvpType.UTF8_STRING);
    public static final AvpDefinition SERVER_NAME = mv(602, "Server-Name", AvpType.UTF8_STRING);
    public static final AvpDefinition MANDATORY_CAPABILITY = mv(604, "Mandatory-Capability", AvpType.UNSIGNED32);
    public static final AvpDefinition OPTIONAL_CAPABILITY = mv(605, "Optional-Capability", AvpType.UNSIGNED32);
    public static final AvpDefinition SERVER_CAPABILITIES = mv(603, "Server-Capabilities", AvpType.GROUPED)
            .withMembers(optionalMany(MANDATORY_CAPABILITY), optionalMany(OPTIONAL_CAPABILITY), optionalMany(SERVER_NAME));
    public static final AvpDefinition USER_DATA = mv(606, "User-Data", AvpType.OCTET_STRING);
    public static final AvpDefinition SIP_NUMBER_AUTH_ITEMS = mv(607, "SIP-Number-Auth-Items", AvpType.UNSIGNED32);
    public static final AvpDefinition SIP_AUTHENTICATION_SCHEME = mv(608, "SIP-Authentication-Scheme", AvpType.UTF8_STRING);
    public static final AvpDefinition SIP_AUTHENTICATE = mv(609, "SIP-Authenticate", AvpType.OCTET_STRING);
    public static final AvpDefinition SIP_AUTHORIZATION = mv(610, "SIP-Authorization", AvpType.OCTET_STRING);
    public static final AvpDefinition SIP_AUTHENTICATION_CONTEXT = mv(611, "SIP-Authentication-Context", AvpType.OCTET_STRING);
    public static final AvpDefinition SIP_ITEM_NUMBER = mv(613, "SIP-Item-Number", AvpType.UNSIGNED32);
    public static final AvpDefinition SERVER_ASSIGNMENT_TYPE = mv(614, "Server-Assignment-Type", AvpType.ENUMERATED);
    public static final AvpDefinition REASON_CODE = mv(616, "Reason-Code", AvpType.ENUMERATED);
    public static final AvpDefinition REASON_INFO = mv(617, "Reason-Info", AvpType.UTF8_STRING);
    public static final AvpDefinition DEREGISTRATION_REASON = mv(615, "Deregistration-Reason", AvpType.GROUPED)
            .withMembers(required(REASON_CODE), optional(REASON_INFO));
    public static final AvpDefinition PRIMARY_EVENT_CHARGING_FUNCTION_NAME =
            mv(619, "Primary-Event-Charging-Function-Name", AvpType.DIAMETER_URI);
    public static final AvpDefinition SECONDARY_EVENT_CHARGING_FUNCTION_NAME =
            mv(620, "Secondary-Event-Charging-Function-Name", AvpType.DIAMETER_URI);
    public static final AvpDefinition PRIMARY_CHARGING_COLLECTION_FUNCTION_NAME =
            mv(621, "Primary-Charging-Collection-Function-Name", AvpType.DIAMETER_URI);
    public static final AvpDefinition SECONDARY_CHARGING_COLLECTION_FUNCTION_NAME =
            mv(622, "Secondary-Charging-Collection-Function-Name", AvpType.DIAMETER_URI);
    public static final AvpDefinition CHARGING_INFORMATION = mv(618, "Charging-Information", AvpType.GROUPED)
            .withMembers(optional(PRIMARY_EVENT_CHARGING_FUNCTION_NAME), optional(SECONDARY_EVENT_CHARGING_FUNCTION_NAME),
                    optional(PRIMARY_CHARGING_COLLECTION_FUNCTION_NAME),
                    optional(SECONDARY_CHARGING_COLLECTION_FUNCTION_NAME));
    public static final AvpDefinition USER_AUTHORIZATION_TYPE = mv(623, "User-Authorization-Type", AvpType.ENUMERATED);
    public static final AvpDefinition USER_DATA_ALREADY_AVAILABLE = mv(624, "User-Data-Already-Available", AvpType.ENUMERATED);
    public static final AvpDefinition CONFIDENTIALITY_KEY = mv(625, "Confidentiality-Key", AvpType.OCTET_STRING);
    public static final AvpDefinition INTEGRITY_KEY = mv(626, "Integrity-Key", AvpType.OCTET_STRING);
    public static final AvpDefinition FEATURE_LIST_ID = v(629, "Feature-List-ID", AvpType.UNSIGNED32);
    public static final AvpDefinition FEATURE_LIST = v(630, "Feature-List", AvpType.UNSIGNED32);
    /** TS 29.229 §6.3.29: V must, M may; sent without M. */
    public static final AvpDefinition SUPPORTED_FEATURES = AvpDefinition.vendor(Vendors.THREE_GPP, 628,
                    "Supported-Features", AvpType.GROUPED, FlagRule.MAY)
            .withMembers(required(BaseDictionary.VENDOR_ID), required(FEATURE_LIST_ID), required(FEATURE_LIST));
    public static final AvpDefinition SUPPORTED_APPLICATIONS = v(631, "Supported-Applications", AvpType.GROUPED)
            .withMembers(optionalMany(BaseDictionary.AUTH_APPLICATION_ID), optionalMany(BaseDictionary.ACCT_APPLICATION_ID),
                    optionalMany(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID));
    public static final AvpDefinition ASSOCIATED_IDENTITIES = v(632, "Associated-Identities", AvpType.GROUPED)
            .withMembers(optionalMany(BaseDictionary.USER_NAME));
    public static final AvpDefinition ORIGINATING_REQUEST = mv(633, "Originating-Request", AvpType.ENUMERATED);
    public static final AvpDefinition WILDCARDED_PUBLIC_IDENTITY = v(634, "Wildcarded-Public-Identity", AvpType.UTF8_STRING);
    public static final AvpDefinition SIP_DIGEST_AUTHENTICATE = v(635, "SIP-Digest-Authenticate", AvpType.GROUPED)
            .withMembers(required(DIGEST_REALM), optional(DIGEST_ALGORITHM), required(DIGEST_QOP), required(DIGEST_HA1));
    /** TS 29.229 §6.3.13, members up to the IMS AKA and Digest items. */
    public static final AvpDefinition SIP_AUTH_DATA_ITEM = mv(612, "SIP-Auth-Data-Item", AvpType.GROUPED)
            .withMembers(optional(SIP_ITEM_NUMBER), optional(SIP_AUTHENTICATION_SCHEME), optional(SIP_AUTHENTICATE),
                    optional(SIP_AUTHORIZATION), optional(SIP_AUTHENTICATION_CONTEXT), optional(CONFIDENTIALITY_KEY),
                    optional(INTEGRITY_KEY), optional(SIP_DIGEST_AUTHENTICATE));
    public static final AvpDefinition WILDCARDED_IMPU = v(636, "Wildcarded-IMPU", AvpType.UTF8_STRING);
    public static final AvpDefinition UAR_FLAGS = v(637, "UAR-Flags", AvpType.UNSIGNED32);
    public static final AvpDefinition LOOSE_ROUTE_INDICATION = v(638, "Loose-Route-Indication", AvpType.ENUMERATED);
    public static final AvpDefinition PATH = v(640, "Path", AvpType.OCTET_STRING);
    public static final AvpDefinition CONTACT = v(641, "Contact", AvpType.OCTET_STRING);
    public static final AvpDefinition CALL_ID_SIP_HEADER = v(643, "Call-ID-SIP-Header", AvpType.OCTET_STRING);
    public static final AvpDefinition FROM_SIP_HEADER = v(644, "From-SIP-Header", AvpType.OCTET_STRING);
    public static final AvpDefinition TO_SIP_HEADER = v(645, "To-SIP-Header", AvpType.OCTET_STRING);
    public static final AvpDefinition RECORD_ROUTE = v(646, "Record-Route", AvpType.OCTET_STRING);
    public static final AvpDefinition SUBSCRIPTION_INFO = v(642, "Subscription-Info", AvpType.GROUPED)
            .withMembers(optional(CALL_ID_SIP_HEADER), optional(FROM_SIP_HEADER), optional(TO_SIP_HEADER),
                    optional(RECORD_ROUTE), optional(CONTACT));
    public static final AvpDefinition ASSOCIATED_REGISTERED_IDENTITIES =
            v(647, "Associated-Registered-Identities", AvpType.GROUPED).withMembers(optionalMany(BaseDictionary.USER_NAME));
    public static final AvpDefinition MULTIPLE_REGISTRATION_INDICATION =
            v(648, "Multiple-Registration-Indication", AvpType.ENUMERATED);
    public static final AvpDefinition INITIAL_CSEQ_SEQUENCE_NUMBER = v(654, "Initial-CSeq-Sequence-Number", AvpType.UNSIGNED32);
    public static final AvpDefinition RESTORATION_INFO = v(649, "Restoration-Info", AvpType.GROUPED)
            .withMembers(required(PATH), required(CONTACT), optional(INITIAL_CSEQ_SEQUENCE_NUMBER),
                    optional(CALL_ID_SIP_HEADER), optional(SUBSCRIPTION_INFO));
    public static final AvpDefinition SCSCF_RESTORATION_INFO = v(639, "SCSCF-Restoration-Info", AvpType.GROUPED)
            .withMembers(required(BaseDictionary.USER_NAME), requiredMany(RESTORATION_INFO),
                    optional(SIP_AUTHENTICATION_SCHEME));
    public static final AvpDefinition SESSION_PRIORITY = v(650, "Session-Priority", AvpType.ENUMERATED);
    public static final AvpDefinition IDENTITY_WITH_EMERGENCY_REGISTRATION =
            v(651, "Identity-with-Emergency-Registration", AvpType.GROUPED)
                    .withMembers(required(BaseDictionary.USER_NAME), required(PUBLIC_IDENTITY));
    /** The spelling of TS 29.229 Table 6.3.1. */
    public static final AvpDefinition PRIVILEDGED_SENDER_INDICATION =
            v(652, "Priviledged-Sender-Indication", AvpType.ENUMERATED);
    public static final AvpDefinition LIA_FLAGS = v(653, "LIA-Flags", AvpType.UNSIGNED32);
    public static final AvpDefinition SAR_FLAGS = v(655, "SAR-Flags", AvpType.UNSIGNED32);
    public static final AvpDefinition RTR_FLAGS = v(659, "RTR-Flags", AvpType.UNSIGNED32);

    public static final CommandDefinition USER_AUTHORIZATION = command(300, "User-Authorization", "UAR", "UAA",
            Abnf.vendorRequest(false, required(BaseDictionary.USER_NAME), required(PUBLIC_IDENTITY),
                    required(VISITED_NETWORK_IDENTIFIER), optional(USER_AUTHORIZATION_TYPE), optional(UAR_FLAGS),
                    optionalMany(SUPPORTED_FEATURES)),
            Abnf.vendorAnswer(optional(SERVER_NAME), optional(SERVER_CAPABILITIES), optionalMany(SUPPORTED_FEATURES)));

    public static final CommandDefinition SERVER_ASSIGNMENT = command(301, "Server-Assignment", "SAR", "SAA",
            Abnf.vendorRequest(false, optional(BaseDictionary.USER_NAME), optionalMany(PUBLIC_IDENTITY),
                    optional(WILDCARDED_PUBLIC_IDENTITY), required(SERVER_NAME), required(SERVER_ASSIGNMENT_TYPE),
                    required(USER_DATA_ALREADY_AVAILABLE), optional(SCSCF_RESTORATION_INFO),
                    optional(MULTIPLE_REGISTRATION_INDICATION), optional(SESSION_PRIORITY), optional(SAR_FLAGS),
                    optionalMany(SUPPORTED_FEATURES)),
            Abnf.vendorAnswer(optional(BaseDictionary.USER_NAME), optional(USER_DATA), optional(CHARGING_INFORMATION),
                    optional(ASSOCIATED_IDENTITIES), optional(LOOSE_ROUTE_INDICATION),
                    optionalMany(SCSCF_RESTORATION_INFO), optional(ASSOCIATED_REGISTERED_IDENTITIES),
                    optional(SERVER_NAME), optional(WILDCARDED_PUBLIC_IDENTITY), optional(PRIVILEDGED_SENDER_INDICATION),
                    optionalMany(SUPPORTED_FEATURES)));

    public static final CommandDefinition LOCATION_INFO = command(302, "Location-Info", "LIR", "LIA",
            Abnf.vendorRequest(false, optional(ORIGINATING_REQUEST), required(PUBLIC_IDENTITY),
                    optional(USER_AUTHORIZATION_TYPE), optional(SESSION_PRIORITY), optionalMany(SUPPORTED_FEATURES)),
            Abnf.vendorAnswer(optional(SERVER_NAME), optional(SERVER_CAPABILITIES), optional(WILDCARDED_PUBLIC_IDENTITY),
                    optional(LIA_FLAGS), optionalMany(SUPPORTED_FEATURES)));

    public static final CommandDefinition MULTIMEDIA_AUTH = command(303, "Multimedia-Auth", "MAR", "MAA",
            Abnf.vendorRequest(false, required(BaseDictionary.USER_NAME), required(PUBLIC_IDENTITY),
                    required(SIP_AUTH_DATA_ITEM), required(SIP_NUMBER_AUTH_ITEMS), required(SERVER_NAME),
                    optionalMany(SUPPORTED_FEATURES)),
            Abnf.vendorAnswer(optional(BaseDictionary.USER_NAME), optional(PUBLIC_IDENTITY),
                    optional(SIP_NUMBER_AUTH_ITEMS), optionalMany(SIP_AUTH_DATA_ITEM), optionalMany(SUPPORTED_FEATURES)));

    public static final CommandDefinition REGISTRATION_TERMINATION = command(304, "Registration-Termination", "RTR", "RTA",
            Abnf.vendorRequest(true, required(BaseDictionary.USER_NAME), optional(ASSOCIATED_IDENTITIES),
                    optionalMany(PUBLIC_IDENTITY), required(DEREGISTRATION_REASON), optional(RTR_FLAGS),
                    optionalMany(SUPPORTED_FEATURES)),
            Abnf.vendorAnswer(optional(ASSOCIATED_IDENTITIES), optionalMany(IDENTITY_WITH_EMERGENCY_REGISTRATION),
                    optionalMany(SUPPORTED_FEATURES)));

    public static final CommandDefinition PUSH_PROFILE = command(305, "Push-Profile", "PPR", "PPA",
            Abnf.vendorRequest(true, required(BaseDictionary.USER_NAME), optional(USER_DATA),
                    optional(CHARGING_INFORMATION), optional(SIP_AUTH_DATA_ITEM), optionalMany(SUPPORTED_FEATURES)),
            Abnf.vendorAnswer(optionalMany(SUPPORTED_FEATURES)));

    /** Server-Assignment-Type (TS 29.229 §6.3.15) values used by the S-CSCF. */
    public static final int SAT_NO_ASSIGNMENT = 0;
    public static final int SAT_REGISTRATION = 1;
    public static final int SAT_RE_REGISTRATION = 2;
    public static final int SAT_UNREGISTERED_USER = 3;
    public static final int SAT_TIMEOUT_DEREGISTRATION = 4;
    public static final int SAT_USER_DEREGISTRATION = 5;
    public static final int SAT_ADMINISTRATIVE_DEREGISTRATION = 8;
    public static final int SAT_AUTHENTICATION_FAILURE = 9;
    public static final int SAT_AUTHENTICATION_TIMEOUT = 10;

    /** User-Authorization-Type (TS 29.229 §6.3.24) values. */
    public static final int UAT_REGISTRATION = 0;
    public static final int UAT_DE_REGISTRATION = 1;
    public static final int UAT_REGISTRATION_AND_CAPABILITIES = 2;

    /** Reason-Code of Deregistration-Reason (TS 29.229 §6.3.17) values, as an HSS sends them in RTR. */
    public static final int REASON_PERMANENT_TERMINATION = 0;
    public static final int REASON_NEW_SERVER_ASSIGNED = 1;
    public static final int REASON_SERVER_CHANGE = 2;
    public static final int REASON_REMOVE_SCSCF = 3;

    public static List<AvpDefinition> avps() {
        return List.of(DIGEST_REALM, DIGEST_QOP, DIGEST_ALGORITHM, DIGEST_HA1, VISITED_NETWORK_IDENTIFIER,
                PUBLIC_IDENTITY, SERVER_NAME, SERVER_CAPABILITIES, MANDATORY_CAPABILITY, OPTIONAL_CAPABILITY, USER_DATA,
                SIP_NUMBER_AUTH_ITEMS, SIP_AUTHENTICATION_SCHEME, SIP_AUTHENTICATE, SIP_AUTHORIZATION,
                SIP_AUTHENTICATION_CONTEXT, SIP_AUTH_DATA_ITEM, SIP_ITEM_NUMBER, SERVER_ASSIGNMENT_TYPE,
                DEREGISTRATION_REASON, REASON_CODE, REASON_INFO, CHARGING_INFORMATION,
                PRIMARY_EVENT_CHARGING_FUNCTION_NAME, SECONDARY_EVENT_CHARGING_FUNCTION_NAME,
                PRIMARY_CHARGING_COLLECTION_FUNCTION_NAME, SECONDARY_CHARGING_COLLECTION_FUNCTION_NAME,
                USER_AUTHORIZATION_TYPE, USER_DATA_ALREADY_AVAILABLE, CONFIDENTIALITY_KEY, INTEGRITY_KEY,
                SUPPORTED_FEATURES, FEATURE_LIST_ID, FEATURE_LIST, SUPPORTED_APPLICATIONS, ASSOCIATED_IDENTITIES,
                ORIGINATING_REQUEST, WILDCARDED_PUBLIC_IDENTITY, SIP_DIGEST_AUTHENTICATE, WILDCARDED_IMPU, UAR_FLAGS,
                LOOSE_ROUTE_INDICATION, SCSCF_RESTORATION_INFO, PATH, CONTACT, SUBSCRIPTION_INFO, CALL_ID_SIP_HEADER,
                FROM_SIP_HEADER, TO_SIP_HEADER, RECORD_ROUTE, ASSOCIATED_REGISTERED_IDENTITIES,
                MULTIPLE_REGISTRATION_INDICATION, RESTORATION_INFO, SESSION_PRIORITY,
                IDENTITY_WITH_EMERGENCY_REGISTRATION, PRIVILEDGED_SENDER_INDICATION, LIA_FLAGS,
                INITIAL_CSEQ_SEQUENCE_NUMBER, SAR_FLAGS, RTR_FLAGS);
    }

    public static List<CommandDefinition> commands() {
        return List.of(USER_AUTHORIZATION, SERVER_ASSIGNMENT, LOCATION_INFO, MULTIMEDIA_AUTH, REGISTRATION_TERMINATION,
                PUSH_PROFILE);
    }

    private static CommandDefinition command(int code, String name, String request, String answer,
                                             List<AvpRule> requestRules, List<AvpRule> answerRules) {
        return new CommandDefinition(code, APPLICATION, name, request, answer, true, requestRules, answerRules);
    }

    private CxDictionary() {
    }
}
