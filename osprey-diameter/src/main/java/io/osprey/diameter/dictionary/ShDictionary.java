package io.osprey.diameter.dictionary;

import static io.osprey.diameter.dictionary.AvpRule.optional;
import static io.osprey.diameter.dictionary.AvpRule.optionalMany;
import static io.osprey.diameter.dictionary.AvpRule.required;
import static io.osprey.diameter.dictionary.AvpRule.requiredMany;
import static io.osprey.diameter.dictionary.BaseDictionary.mv;
import static io.osprey.diameter.dictionary.BaseDictionary.v;

import java.util.List;

/**
 * Sh (TS 29.328 / TS 29.329): AS ↔ HSS, application 16777217, vendor 10415. AVPs from TS 29.329 Table 6.3.1
 * (flags as in the freeDiameter Rel-15 CSV); the AVPs Sh reuses from Cx (Public-Identity, Server-Name,
 * Supported-Features, Wildcarded-*) are the {@link CxDictionary} definitions. Commands from TS 29.329 §6.1.
 */
public final class ShDictionary {

    public static final DiameterApplication APPLICATION = new DiameterApplication(16777217, "3GPP Sh",
            Vendors.THREE_GPP, DiameterApplication.Kind.AUTH, true, BaseDictionary.NO_STATE_MAINTAINED);

    public static final AvpDefinition MSISDN = mv(701, "MSISDN", AvpType.OCTET_STRING);
    /** {@code [ Public-Identity ] [ MSISDN ] *[ AVP ]}. */
    public static final AvpDefinition USER_IDENTITY = mv(700, "User-Identity", AvpType.GROUPED)
            .withMembers(optional(CxDictionary.PUBLIC_IDENTITY), optional(MSISDN));
    /** The Sh-Data XML document; not the Cx User-Data (606). */
    public static final AvpDefinition USER_DATA = mv(702, "User-Data", AvpType.OCTET_STRING);
    public static final AvpDefinition DATA_REFERENCE = mv(703, "Data-Reference", AvpType.ENUMERATED);
    public static final AvpDefinition SERVICE_INDICATION = mv(704, "Service-Indication", AvpType.OCTET_STRING);
    public static final AvpDefinition SUBS_REQ_TYPE = mv(705, "Subs-Req-Type", AvpType.ENUMERATED);
    public static final AvpDefinition REQUESTED_DOMAIN = mv(706, "Requested-Domain", AvpType.ENUMERATED);
    public static final AvpDefinition CURRENT_LOCATION = mv(707, "Current-Location", AvpType.ENUMERATED);
    public static final AvpDefinition IDENTITY_SET = v(708, "Identity-Set", AvpType.ENUMERATED);
    public static final AvpDefinition EXPIRY_TIME = v(709, "Expiry-Time", AvpType.TIME);
    public static final AvpDefinition SEND_DATA_INDICATION = v(710, "Send-Data-Indication", AvpType.ENUMERATED);
    public static final AvpDefinition DSAI_TAG = mv(711, "DSAI-Tag", AvpType.OCTET_STRING);
    public static final AvpDefinition ONE_TIME_NOTIFICATION = v(712, "One-Time-Notification", AvpType.ENUMERATED);
    public static final AvpDefinition REQUESTED_NODES = v(713, "Requested-Nodes", AvpType.UNSIGNED32);
    public static final AvpDefinition SERVING_NODE_INDICATION = v(714, "Serving-Node-Indication", AvpType.ENUMERATED);
    public static final AvpDefinition SEQUENCE_NUMBER = v(716, "Sequence-Number", AvpType.UNSIGNED32);
    /** {@code { Service-Indication } { Sequence-Number }}. */
    public static final AvpDefinition REPOSITORY_DATA_ID = v(715, "Repository-Data-ID", AvpType.GROUPED)
            .withMembers(required(SERVICE_INDICATION), required(SEQUENCE_NUMBER));
    public static final AvpDefinition UDR_FLAGS = v(719, "UDR-Flags", AvpType.UNSIGNED32);

    public static final CommandDefinition USER_DATA_COMMAND = command(306, "User-Data", "UDR", "UDA",
            Abnf.vendorRequest(false, optionalMany(CxDictionary.SUPPORTED_FEATURES), required(USER_IDENTITY),
                    optional(CxDictionary.WILDCARDED_PUBLIC_IDENTITY), optional(CxDictionary.WILDCARDED_IMPU),
                    optional(CxDictionary.SERVER_NAME), optionalMany(SERVICE_INDICATION), requiredMany(DATA_REFERENCE),
                    optionalMany(IDENTITY_SET), optional(REQUESTED_DOMAIN), optional(CURRENT_LOCATION),
                    optionalMany(DSAI_TAG), optional(CxDictionary.SESSION_PRIORITY), optional(BaseDictionary.USER_NAME),
                    optional(REQUESTED_NODES), optional(SERVING_NODE_INDICATION), optional(UDR_FLAGS)),
            Abnf.vendorAnswer(optionalMany(CxDictionary.SUPPORTED_FEATURES),
                    optional(CxDictionary.WILDCARDED_PUBLIC_IDENTITY), optional(CxDictionary.WILDCARDED_IMPU),
                    optional(USER_DATA)));

    public static final CommandDefinition PROFILE_UPDATE = command(307, "Profile-Update", "PUR", "PUA",
            Abnf.vendorRequest(false, optionalMany(CxDictionary.SUPPORTED_FEATURES), required(USER_IDENTITY),
                    optional(CxDictionary.WILDCARDED_PUBLIC_IDENTITY), optional(CxDictionary.WILDCARDED_IMPU),
                    optional(BaseDictionary.USER_NAME), requiredMany(DATA_REFERENCE), required(USER_DATA)),
            Abnf.vendorAnswer(optionalMany(CxDictionary.SUPPORTED_FEATURES),
                    optional(CxDictionary.WILDCARDED_PUBLIC_IDENTITY), optional(CxDictionary.WILDCARDED_IMPU),
                    optional(REPOSITORY_DATA_ID), optional(DATA_REFERENCE)));

    public static final CommandDefinition SUBSCRIBE_NOTIFICATIONS = command(308, "Subscribe-Notifications", "SNR", "SNA",
            Abnf.vendorRequest(false, optionalMany(CxDictionary.SUPPORTED_FEATURES), required(USER_IDENTITY),
                    optional(CxDictionary.WILDCARDED_PUBLIC_IDENTITY), optional(CxDictionary.WILDCARDED_IMPU),
                    optionalMany(SERVICE_INDICATION), optional(SEND_DATA_INDICATION), optional(CxDictionary.SERVER_NAME),
                    required(SUBS_REQ_TYPE), requiredMany(DATA_REFERENCE), optionalMany(IDENTITY_SET),
                    optional(EXPIRY_TIME), optionalMany(DSAI_TAG), optional(ONE_TIME_NOTIFICATION),
                    optional(BaseDictionary.USER_NAME)),
            Abnf.vendorAnswer(optionalMany(CxDictionary.SUPPORTED_FEATURES),
                    optional(CxDictionary.WILDCARDED_PUBLIC_IDENTITY), optional(CxDictionary.WILDCARDED_IMPU),
                    optional(USER_DATA), optional(EXPIRY_TIME)));

    public static final CommandDefinition PUSH_NOTIFICATION = command(309, "Push-Notification", "PNR", "PNA",
            Abnf.vendorRequest(true, optionalMany(CxDictionary.SUPPORTED_FEATURES), required(USER_IDENTITY),
                    optional(CxDictionary.WILDCARDED_PUBLIC_IDENTITY), optional(CxDictionary.WILDCARDED_IMPU),
                    optional(BaseDictionary.USER_NAME), required(USER_DATA)),
            Abnf.vendorAnswer(optionalMany(CxDictionary.SUPPORTED_FEATURES)));

    /** Data-Reference (TS 29.328 / 29.329 §6.3.4) values an AS asks for most. */
    public static final int DATA_REFERENCE_REPOSITORY_DATA = 0;
    public static final int DATA_REFERENCE_IMS_PUBLIC_IDENTITY = 10;
    public static final int DATA_REFERENCE_IMS_USER_STATE = 11;
    public static final int DATA_REFERENCE_S_CSCF_NAME = 12;
    public static final int DATA_REFERENCE_INITIAL_FILTER_CRITERIA = 13;
    public static final int DATA_REFERENCE_MSISDN = 17;

    public static List<AvpDefinition> avps() {
        return List.of(USER_IDENTITY, MSISDN, USER_DATA, DATA_REFERENCE, SERVICE_INDICATION, SUBS_REQ_TYPE,
                REQUESTED_DOMAIN, CURRENT_LOCATION, IDENTITY_SET, EXPIRY_TIME, SEND_DATA_INDICATION, DSAI_TAG,
                ONE_TIME_NOTIFICATION, REQUESTED_NODES, SERVING_NODE_INDICATION, REPOSITORY_DATA_ID, SEQUENCE_NUMBER,
                UDR_FLAGS);
    }

    public static List<CommandDefinition> commands() {
        return List.of(USER_DATA_COMMAND, PROFILE_UPDATE, SUBSCRIBE_NOTIFICATIONS, PUSH_NOTIFICATION);
    }

    private static CommandDefinition command(int code, String name, String request, String answer,
                                             List<AvpRule> requestRules, List<AvpRule> answerRules) {
        return new CommandDefinition(code, APPLICATION, name, request, answer, true, requestRules, answerRules);
    }

    private ShDictionary() {
    }
}
