package io.osprey.sip.pheaders;

import io.osprey.sip.message.HeaderValues;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.SyntaxLimits;
import io.osprey.sip.uri.Uri;
import java.util.ArrayList;
import java.util.List;

/**
 * A P-Associated-URI header (RFC 7315 §4.1, §5.1): the registrar's list of the public identities associated with
 * the registered one, sent in the 200 (OK) to REGISTER (TS 24.229 §5.4.1.2.2). Each entry is a name-addr with
 * optional parameters; the list may be empty. The S-CSCF lists the default public user identity first.
 *
 * @param uris the entries in order
 */
public record AssociatedUris(List<NameAddress> uris) {

    /** The header name. */
    public static final String HEADER = SipHeaderName.P_ASSOCIATED_URI.canonical();

    public AssociatedUris {
        uris = List.copyOf(uris);
    }

    /** A list of bare URIs. */
    public static AssociatedUris of(Uri... uris) {
        List<NameAddress> list = new ArrayList<>(uris.length);
        for (Uri uri : uris) {
            list.add(NameAddress.of(uri));
        }
        return new AssociatedUris(list);
    }

    /** Parses one header value (a comma-separated list, possibly empty) with {@link PHeaderLimits#DEFAULT}. */
    public static AssociatedUris parse(String value) {
        return parse(List.of(value), PHeaderLimits.DEFAULT);
    }

    /**
     * Parses the values of every P-Associated-URI line in order as one list (RFC 3261 §7.3.1); an empty value
     * contributes nothing.
     *
     * @throws SipSyntaxException when an entry is malformed or empty between commas, or a limit is passed
     */
    public static AssociatedUris parse(List<String> values, PHeaderLimits limits) {
        List<NameAddress> out = new ArrayList<>(4);
        for (String value : values) {
            if (value.length() > limits.maxLength()) {
                throw new SipSyntaxException(HEADER, "value too long: " + value.length() + " characters", value,
                        limits.maxLength());
            }
            if (value.isBlank()) {
                continue;
            }
            for (String element : HeaderValues.split(value)) {
                if (element.isEmpty()) {
                    throw new SipSyntaxException(HEADER, "empty entry", value);
                }
                if (out.size() == limits.maxUris()) {
                    throw new SipSyntaxException(HEADER, "too many URIs", value, limits.maxUris());
                }
                out.add(NameAddress.parse(HEADER, element, SyntaxLimits.DEFAULTS));
            }
        }
        return new AssociatedUris(out);
    }

    /** The P-Associated-URI entries of {@code message}; empty when the header is absent or empty. */
    public static AssociatedUris from(SipMessage message) {
        return parse(message.headers(HEADER), PHeaderLimits.DEFAULT);
    }

    /** Whether there are no entries. */
    public boolean isEmpty() {
        return uris.isEmpty();
    }

    /** The first entry, or null when empty. */
    public NameAddress first() {
        return uris.isEmpty() ? null : uris.get(0);
    }

    /** The URIs of the entries, in order. */
    public List<Uri> uriList() {
        List<Uri> out = new ArrayList<>(uris.size());
        for (NameAddress na : uris) {
            out.add(na.uri());
        }
        return List.copyOf(out);
    }

    /** The header value: entries separated by {@code ", "}; empty when there are none. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(48 * uris.size());
        for (NameAddress na : uris) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(na);
        }
        return sb.toString();
    }
}
