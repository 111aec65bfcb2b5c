package io.osprey.diameter.dictionary;

import static io.osprey.diameter.dictionary.AvpRule.fixed;
import static io.osprey.diameter.dictionary.AvpRule.optional;
import static io.osprey.diameter.dictionary.AvpRule.optionalMany;
import static io.osprey.diameter.dictionary.AvpRule.required;

import java.util.ArrayList;
import java.util.List;

/** Shared heads of the 3GPP and RFC command ABNFs, so each dictionary lists only what its commands add. */
final class Abnf {

    private Abnf() {
    }

    /**
     * Request head of Cx and Sh (TS 29.229 §6.1, TS 29.329 §6.1): {@code < Session-Id > { VSAI }
     * { Auth-Session-State } { Origin-Host } { Origin-Realm } [ Destination-Host ] { Destination-Realm }
     * *[ Proxy-Info ] *[ Route-Record ]}, with Destination-Host required when the HSS is the sender.
     */
    static List<AvpRule> vendorRequest(boolean destinationHostRequired, AvpRule... rest) {
        return concat(List.of(fixed(BaseDictionary.SESSION_ID), required(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID),
                required(BaseDictionary.AUTH_SESSION_STATE), required(BaseDictionary.ORIGIN_HOST),
                required(BaseDictionary.ORIGIN_REALM),
                destinationHostRequired ? required(BaseDictionary.DESTINATION_HOST)
                        : optional(BaseDictionary.DESTINATION_HOST),
                required(BaseDictionary.DESTINATION_REALM), optionalMany(BaseDictionary.PROXY_INFO),
                optionalMany(BaseDictionary.ROUTE_RECORD)), rest);
    }

    /**
     * Answer head of Cx and Sh: {@code < Session-Id > { VSAI } [ Result-Code ] [ Experimental-Result ]
     * { Auth-Session-State } { Origin-Host } { Origin-Realm } [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ]}.
     */
    static List<AvpRule> vendorAnswer(AvpRule... rest) {
        return concat(List.of(fixed(BaseDictionary.SESSION_ID), required(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID),
                optional(BaseDictionary.RESULT_CODE), optional(BaseDictionary.EXPERIMENTAL_RESULT),
                required(BaseDictionary.AUTH_SESSION_STATE), required(BaseDictionary.ORIGIN_HOST),
                required(BaseDictionary.ORIGIN_REALM), optional(BaseDictionary.FAILED_AVP),
                optionalMany(BaseDictionary.PROXY_INFO), optionalMany(BaseDictionary.ROUTE_RECORD)), rest);
    }

    /**
     * Request head of session applications using a plain Auth- or Acct-Application-Id (RFC 6733 §8, RFC 4006,
     * TS 29.214): {@code < Session-Id > { *-Application-Id } { Origin-Host } { Origin-Realm }
     * { Destination-Realm } [ Destination-Host ] [ Origin-State-Id ] *[ Proxy-Info ] *[ Route-Record ]}.
     */
    static List<AvpRule> sessionRequest(AvpRule applicationId, boolean destinationHostRequired, AvpRule... rest) {
        return concat(List.of(fixed(BaseDictionary.SESSION_ID), applicationId, required(BaseDictionary.ORIGIN_HOST),
                required(BaseDictionary.ORIGIN_REALM), required(BaseDictionary.DESTINATION_REALM),
                destinationHostRequired ? required(BaseDictionary.DESTINATION_HOST)
                        : optional(BaseDictionary.DESTINATION_HOST),
                optional(BaseDictionary.ORIGIN_STATE_ID), optionalMany(BaseDictionary.PROXY_INFO),
                optionalMany(BaseDictionary.ROUTE_RECORD)), rest);
    }

    /**
     * Answer head of those applications: {@code < Session-Id > { Origin-Host } { Origin-Realm }
     * [ Origin-State-Id ] [ Error-Message ] [ Error-Reporting-Host ] [ Failed-AVP ] *[ Proxy-Info ]}; the
     * result AVP is added by each command since some use Experimental-Result.
     */
    static List<AvpRule> sessionAnswer(AvpRule... rest) {
        return concat(List.of(fixed(BaseDictionary.SESSION_ID), required(BaseDictionary.ORIGIN_HOST),
                required(BaseDictionary.ORIGIN_REALM), optional(BaseDictionary.ORIGIN_STATE_ID),
                optional(BaseDictionary.ERROR_MESSAGE), optional(BaseDictionary.ERROR_REPORTING_HOST),
                optional(BaseDictionary.FAILED_AVP), optionalMany(BaseDictionary.PROXY_INFO)), rest);
    }

    private static List<AvpRule> concat(List<AvpRule> head, AvpRule... rest) {
        List<AvpRule> all = new ArrayList<>(head);
        all.addAll(List.of(rest));
        return List.copyOf(all);
    }
}
