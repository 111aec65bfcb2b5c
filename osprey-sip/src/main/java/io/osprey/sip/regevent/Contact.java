package io.osprey.sip.regevent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code <contact>} element (RFC 3680 §5.1, §5.4): a contact bound (or formerly bound) to an
 * address-of-record, with the event that last changed it and the optional attributes of the schema.
 * {@code unknownParams} holds the Contact header parameters the registrar kept that have no attribute of their
 * own, in order, such as {@code +sip.instance} (RFC 5626 §6; TS 24.229 §5.4.2.1.2) and {@code reg-id}; a
 * parameter without a value maps to the empty string. Values are kept as written, so
 * {@code +sip.instance} keeps its quotes.
 *
 * @param id                 the contact's identifier, stable across notifications
 * @param state              active or terminated
 * @param event              what last changed the state
 * @param uri                the contact URI as text; not empty
 * @param expires            seconds until expiry, or null
 * @param retryAfter         seconds to wait before registering again after {@code probation}, or null
 * @param q                  the Contact {@code q} value as written, or null
 * @param callId             the Call-ID of the REGISTER that last refreshed the contact, or null
 * @param cseq               the CSeq number of that REGISTER, or null
 * @param displayName        the display name of the Contact header, or null
 * @param unknownParams      other Contact header parameters, ordered, names as written
 * @param durationRegistered seconds since the contact was first registered, or null
 */
public record Contact(String id, ContactState state, ContactEvent event, String uri, Integer expires,
                      Integer retryAfter, String q, String callId, Long cseq, String displayName,
                      Map<String, String> unknownParams, Long durationRegistered) {

    /** The parameter name that carries the instance identifier of a UA (RFC 5626 §4.1). */
    public static final String SIP_INSTANCE = "+sip.instance";

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(uri, "uri");
        if (uri.isEmpty()) {
            throw new IllegalArgumentException("contact uri must not be empty");
        }
        requireNonNegative("expires", expires);
        requireNonNegative("retry-after", retryAfter);
        requireNonNegative("cseq", cseq);
        requireNonNegative("duration-registered", durationRegistered);
        unknownParams = copy(unknownParams);
    }

    /** A contact without {@code duration-registered}. */
    public Contact(String id, ContactState state, ContactEvent event, String uri, Integer expires,
                   Integer retryAfter, String q, String callId, Long cseq, String displayName,
                   Map<String, String> unknownParams) {
        this(id, state, event, uri, expires, retryAfter, q, callId, cseq, displayName, unknownParams, null);
    }

    /** A contact with only the required attributes. */
    public static Contact of(String id, ContactState state, ContactEvent event, String uri) {
        return new Contact(id, state, event, uri, null, null, null, null, null, null, Map.of(), null);
    }

    /** The {@code +sip.instance} value as written (usually a quoted {@code <urn:...>}), or null. */
    public String instanceId() {
        return unknownParams.get(SIP_INSTANCE);
    }

    /** A copy in another state after another event, e.g. {@code (TERMINATED, EXPIRED)}. */
    public Contact with(ContactState newState, ContactEvent newEvent) {
        return new Contact(id, newState, newEvent, uri, expires, retryAfter, q, callId, cseq, displayName,
                unknownParams, durationRegistered);
    }

    /** A copy with another {@code expires} value (null removes it). */
    public Contact withExpires(Integer newExpires) {
        return new Contact(id, state, event, uri, newExpires, retryAfter, q, callId, cseq, displayName,
                unknownParams, durationRegistered);
    }

    /** A copy with the Call-ID and CSeq of the REGISTER that last touched the contact. */
    public Contact withRegister(String newCallId, Long newCseq) {
        return new Contact(id, state, event, uri, expires, retryAfter, q, newCallId, newCseq, displayName,
                unknownParams, durationRegistered);
    }

    private static void requireNonNegative(String name, Number value) {
        if (value != null && value.longValue() < 0) {
            throw new IllegalArgumentException("contact " + name + " must be 0 or more, was " + value);
        }
    }

    private static Map<String, String> copy(Map<String, String> params) {
        if (params == null || params.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>(params);
        for (Map.Entry<String, String> e : copy.entrySet()) {
            Objects.requireNonNull(e.getKey(), "unknown-param name");
            Objects.requireNonNull(e.getValue(), "unknown-param value of " + e.getKey());
        }
        return Collections.unmodifiableMap(copy);
    }
}
