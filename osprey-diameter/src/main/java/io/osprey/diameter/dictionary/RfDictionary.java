package io.osprey.diameter.dictionary;

import static io.osprey.diameter.dictionary.AvpRule.optional;
import static io.osprey.diameter.dictionary.AvpRule.required;

import java.util.List;

/**
 * Rf offline charging: Diameter base accounting (RFC 6733 §9, application 3, ACR/ACA 271) with the
 * TS 32.299 §6.2 additions Service-Context-Id and Service-Information.
 */
public final class RfDictionary {

    public static final DiameterApplication APPLICATION = new DiameterApplication(3, "Diameter Base Accounting",
            0, DiameterApplication.Kind.ACCOUNTING, false, -1);

    /** RFC 6733 §9.7.1 / §9.7.2 and TS 32.299 §6.2.2 / §6.2.3. */
    public static final CommandDefinition ACCOUNTING = new CommandDefinition(271, APPLICATION, "Accounting", "ACR",
            "ACA", true,
            Abnf.sessionRequest(optional(BaseDictionary.ACCT_APPLICATION_ID), false,
                    required(BaseDictionary.ACCOUNTING_RECORD_TYPE), required(BaseDictionary.ACCOUNTING_RECORD_NUMBER),
                    optional(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID), optional(BaseDictionary.USER_NAME),
                    optional(BaseDictionary.ACCOUNTING_SUB_SESSION_ID), optional(BaseDictionary.ACCT_SESSION_ID),
                    optional(BaseDictionary.ACCT_MULTI_SESSION_ID), optional(BaseDictionary.ACCT_INTERIM_INTERVAL),
                    optional(BaseDictionary.ACCOUNTING_REALTIME_REQUIRED), optional(BaseDictionary.EVENT_TIMESTAMP),
                    optional(RoDictionary.SERVICE_CONTEXT_ID), optional(ChargingDictionary.SERVICE_INFORMATION)),
            Abnf.sessionAnswer(required(BaseDictionary.RESULT_CODE), required(BaseDictionary.ACCOUNTING_RECORD_TYPE),
                    required(BaseDictionary.ACCOUNTING_RECORD_NUMBER), optional(BaseDictionary.ACCT_APPLICATION_ID),
                    optional(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID), optional(BaseDictionary.USER_NAME),
                    optional(BaseDictionary.ACCOUNTING_SUB_SESSION_ID), optional(BaseDictionary.ACCT_SESSION_ID),
                    optional(BaseDictionary.ACCT_MULTI_SESSION_ID), optional(BaseDictionary.ACCT_INTERIM_INTERVAL),
                    optional(BaseDictionary.ACCOUNTING_REALTIME_REQUIRED), optional(BaseDictionary.EVENT_TIMESTAMP)));

    /** Accounting-Record-Type (RFC 6733 §9.8.1) values. */
    public static final int EVENT_RECORD = 1;
    public static final int START_RECORD = 2;
    public static final int INTERIM_RECORD = 3;
    public static final int STOP_RECORD = 4;

    public static List<CommandDefinition> commands() {
        return List.of(ACCOUNTING);
    }

    private RfDictionary() {
    }
}
