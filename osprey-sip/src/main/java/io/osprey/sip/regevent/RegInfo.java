package io.osprey.sip.regevent;

import java.util.List;
import java.util.Objects;

/**
 * A registration information document, the {@code <reginfo>} root of RFC 3680 §5.1 and §5.4: a version that counts
 * notifications within one subscription (a subscriber that sees a gap asks for full state again, §5.2) and whether
 * the document holds the full state of every registration or only those that changed.
 *
 * @param version       the {@code version} attribute, 0 or more
 * @param state         the {@code state} attribute: full or partial state
 * @param registrations the {@code <registration>} elements, in document order
 */
public record RegInfo(long version, State state, List<Registration> registrations) {

    /** The MIME type of the document (RFC 3680 §4.5). */
    public static final String CONTENT_TYPE = "application/reginfo+xml";

    /** The XML namespace of every element (RFC 3680 §5.4). */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:reginfo";

    /** The SIP event package name for the Event header (RFC 3680 §4.1). */
    public static final String EVENT_PACKAGE = "reg";

    /** Whether a document carries full or partial state (RFC 3680 §5.1, §5.2). */
    public enum State {
        /** Every registration of the subscription, each with all its contacts. */
        FULL("full"),
        /** Only the registrations and contacts that changed since the previous document. */
        PARTIAL("partial");

        private final String xmlValue;

        State(String xmlValue) {
            this.xmlValue = xmlValue;
        }

        /** The attribute value as RFC 3680 writes it. */
        public String xmlValue() {
            return xmlValue;
        }

        /** The constant for an attribute value (exact, as the schema enumerates it), or null. */
        public static State fromXml(String value) {
            for (State s : values()) {
                if (s.xmlValue.equals(value)) {
                    return s;
                }
            }
            return null;
        }
    }

    public RegInfo {
        if (version < 0) {
            throw new IllegalArgumentException("reginfo version must be 0 or more, was " + version);
        }
        Objects.requireNonNull(state, "state");
        registrations = List.copyOf(registrations);
    }

    /** The same document with another version, as a notifier stamps each NOTIFY of a subscription. */
    public RegInfo withVersion(long newVersion) {
        return new RegInfo(newVersion, state, registrations);
    }

    /** The registration for {@code aor} (compared exactly), or null. */
    public Registration registration(String aor) {
        for (Registration r : registrations) {
            if (r.aor().equals(aor)) {
                return r;
            }
        }
        return null;
    }
}
