package io.osprey.sip.message;

import io.osprey.sip.uri.Parameters;
import io.osprey.sip.uri.SipGrammar;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.SyntaxLimits;
import io.osprey.sip.uri.Uri;
import io.osprey.sip.uri.UriParser;
import io.osprey.sip.uri.UriSyntaxException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code name-addr} or {@code addr-spec} with header parameters (RFC 3261 §20.10, §25.1), as in From, To,
 * Contact, Route, Record-Route, P-Asserted-Identity: an optional display name, a URI and parameters such as
 * {@code tag}, {@code expires}, {@code q} or {@code +sip.instance}.
 *
 * <p>Without angle brackets, every {@code ;} parameter after the URI is a header parameter, never a URI
 * parameter (§20.10; RFC 4475 §3.3.12). Two unambiguous faults are repaired and reported by {@link #repairs()}
 * (RFC 4475 §3.1.2.13, §3.1.2.14); a repaired value prints its corrected form.
 */
public final class NameAddress {

    /** A fault that was unambiguous and got repaired while parsing. */
    public enum Repair {
        /** Whitespace just inside {@code <} or {@code >}. */
        SPACES_IN_ADDR_SPEC,
        /** A URI with headers ({@code ?}) not enclosed in angle brackets; the brackets were inferred. */
        URI_HEADERS_WITHOUT_ANGLE_BRACKETS
    }

    private final String displayName;
    private final Uri uri;
    private final Parameters params;
    private final Set<Repair> repairs;
    private final String text;

    private NameAddress(String displayName, Uri uri, Parameters params, Set<Repair> repairs, String text) {
        this.displayName = displayName;
        this.uri = Objects.requireNonNull(uri, "uri");
        this.params = params;
        this.repairs = repairs;
        this.text = text != null ? text : format();
    }

    /** {@code <uri>}. */
    public static NameAddress of(Uri uri) {
        return new NameAddress(null, uri, Parameters.EMPTY, Set.of(), null);
    }

    /** Parses one value (not a comma list) of header {@code field} with default limits. */
    public static NameAddress parse(String value) {
        return parse("name-addr", value, SyntaxLimits.DEFAULTS);
    }

    /** Parses one value (not a comma list); errors name {@code field}. */
    public static NameAddress parse(String field, String value, SyntaxLimits limits) {
        HeaderScanner sc = new HeaderScanner(field, value, limits);
        sc.skipWs();
        String display = null;
        Set<Repair> repairs = Set.of();
        int lt = -1;
        if (sc.peek() == '"') {
            display = HeaderValues.unquote(sc.quotedString());
            sc.skipWs();
            if (sc.peek() != '<') {
                throw sc.error("expected '<' after display name");
            }
            lt = sc.pos();
        } else {
            int candidate = value.indexOf('<', sc.pos());
            if (candidate >= 0 && value.lastIndexOf(':', candidate) < sc.pos()) {
                display = tokens(sc, candidate);
                lt = candidate;
            }
        }
        Uri uri;
        if (lt >= 0) {
            int gt = value.indexOf('>', lt + 1);
            if (gt < 0) {
                throw sc.error("missing '>'");
            }
            String inner = value.substring(lt + 1, gt);
            String stripped = inner.strip();
            if (stripped.length() != inner.length()) {
                repairs = EnumSet.of(Repair.SPACES_IN_ADDR_SPEC);
            }
            uri = uri(field, stripped, value, limits);
            sc.pos(gt + 1);
        } else {
            int start = sc.pos();
            int end = value.indexOf(';', start);
            end = end < 0 ? value.length() : end;
            String spec = value.substring(start, end).strip();
            for (int i = 0; i < spec.length(); i++) {
                if (spec.charAt(i) <= ' ') {
                    throw sc.error("whitespace in addr-spec");
                }
            }
            uri = uri(field, spec, value, limits);
            if (uri instanceof SipUri sip && !sip.headers().isEmpty()) {
                repairs = EnumSet.of(Repair.URI_HEADERS_WITHOUT_ANGLE_BRACKETS);
            }
            sc.pos(end);
        }
        Parameters params = sc.params(false);
        sc.expectEnd();
        return new NameAddress(display, uri, params, repairs, repairs.isEmpty() ? value.strip() : null);
    }

    /** {@code *(token LWS)} before the {@code <} at {@code lt}; null when empty. */
    private static String tokens(HeaderScanner sc, int lt) {
        String s = sc.text();
        for (int i = sc.pos(); i < lt; i++) {
            char c = s.charAt(i);
            if (!SipGrammar.isToken(c) && !SipGrammar.isWsp(c)) {
                throw sc.error("display name with non-token character '" + c + "' must be quoted");
            }
        }
        String display = s.substring(sc.pos(), lt).strip();
        return display.isEmpty() ? null : display;
    }

    private static Uri uri(String field, String text, String value, SyntaxLimits limits) {
        try {
            return UriParser.parse(text, limits);
        } catch (UriSyntaxException e) {
            throw new SipSyntaxException(field, e, value);
        }
    }

    /** The display name, unquoted and unescaped; null when absent. */
    public String displayName() {
        return displayName;
    }

    /** The URI. */
    public Uri uri() {
        return uri;
    }

    /** Header parameters in order, values as written (quotes kept). */
    public Parameters params() {
        return params;
    }

    /** Value of header parameter {@code name} with quotes removed; null when absent or a flag. */
    public String param(String name) {
        String v = params.get(name);
        return v == null ? null : HeaderValues.unquote(v);
    }

    /** The {@code tag} parameter (RFC 3261 §19.3), or null. */
    public String tag() {
        return params.get("tag");
    }

    /** Faults repaired while parsing; empty for a well-formed value. */
    public Set<Repair> repairs() {
        return repairs;
    }

    /** A copy with {@code tag} set. */
    public NameAddress withTag(String tag) {
        return withParam("tag", tag);
    }

    /** A copy with header parameter {@code name} set; {@code value} a token or a quoted string, null for a flag. */
    public NameAddress withParam(String name, String value) {
        if (!SipGrammar.isToken(name)) {
            throw new IllegalArgumentException("parameter name must be a token, was '" + name + "'");
        }
        if (value != null && !SipGrammar.isToken(value) && !HeaderValues.isQuoted(value)) {
            throw new IllegalArgumentException("value of " + name + " must be a token or quoted string: " + value);
        }
        return new NameAddress(displayName, uri, params.with(name, value), Set.of(), null);
    }

    /** A copy without header parameter {@code name}. */
    public NameAddress withoutParam(String name) {
        return params.has(name) ? new NameAddress(displayName, uri, params.without(name), Set.of(), null) : this;
    }

    /** A copy with another URI. */
    public NameAddress withUri(Uri newUri) {
        return new NameAddress(displayName, newUri, params, Set.of(), null);
    }

    /** A copy with another display name (null removes it). */
    public NameAddress withDisplayName(String name) {
        return new NameAddress(name, uri, params, Set.of(), null);
    }

    private String format() {
        StringBuilder sb = new StringBuilder(64);
        if (displayName != null) {
            sb.append(HeaderValues.quote(displayName)).append(' ');
        }
        sb.append('<').append(uri).append('>');
        return params.appendTo(sb, ';', ';').toString();
    }

    /** The value text: as parsed (trimmed) when unchanged and well-formed, else canonical name-addr form. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameAddress n && text.equals(n.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
