package io.osprey.sip.message;

import io.osprey.sip.uri.SyntaxLimits;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable SIP message (RFC 3261 §7): a request or a response, its header fields in wire order and a body.
 *
 * <p>Header look-ups ignore case and treat compact forms as their long forms ({@code header("v")} finds Via).
 * Typed accessors ({@link #vias()}, {@link #from()}, {@link #cseq()}...) parse on first use and cache; a
 * malformed value makes them throw {@link SipSyntaxException}. The decoder calls the core ones at once, so a
 * decoded message has well-formed Via, From, To, Call-ID, CSeq and Max-Forwards. Changes go through
 * {@link #toBuilder()}; fields left alone keep their raw wire bytes.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {

    private static final Object ABSENT = new Object();
    private static final int UNPARSED = Integer.MIN_VALUE;

    private final SipHeader[] headers;
    private final byte[] bodySrc;
    private final int bodyOffset;
    private final int bodyLength;
    private final SyntaxLimits limits;

    private List<Via> vias;
    private Object from;
    private Object to;
    private Object callId;
    private Object cseq;
    private int maxForwards = UNPARSED;
    private long expires = UNPARSED;
    private List<NameAddress> contacts;
    private List<NameAddress> routes;
    private List<NameAddress> recordRoutes;
    /** Parsed list values taken over from a builder's origin, under values pushed since; null when none. */
    private ListSeeds seeds;

    SipMessage(SipHeader[] headers, byte[] bodySrc, int bodyOffset, int bodyLength, SyntaxLimits limits) {
        this(headers, bodySrc, bodyOffset, bodyLength, limits, null);
    }

    /** A message built from a builder: takes over what {@code changes} says its origin parsed and is unchanged. */
    SipMessage(SipHeader[] headers, byte[] bodySrc, int bodyOffset, int bodyLength, SyntaxLimits limits,
               FieldChanges changes) {
        if (bodyOffset < 0 || bodyLength < 0 || bodyOffset + bodyLength > bodySrc.length) {
            throw new IllegalArgumentException("body range " + bodyOffset + "+" + bodyLength + " outside array");
        }
        this.headers = headers;
        this.bodySrc = bodySrc;
        this.bodyOffset = bodyOffset;
        this.bodyLength = bodyLength;
        this.limits = limits;
        if (changes != null && changes.origin != null && changes.origin.limits == limits) {
            inherit(changes);
        }
    }

    private void inherit(FieldChanges changes) {
        SipMessage origin = changes.origin;
        if (changes.keeps(FieldChanges.FROM)) {
            from = origin.from;
        }
        if (changes.keeps(FieldChanges.TO)) {
            to = origin.to;
        }
        if (changes.keeps(FieldChanges.CALL_ID)) {
            callId = origin.callId;
        }
        if (changes.keeps(FieldChanges.CSEQ)) {
            cseq = origin.cseq;
        }
        if (changes.keeps(FieldChanges.MAX_FORWARDS)) {
            maxForwards = origin.maxForwards;
        }
        if (changes.keeps(FieldChanges.EXPIRES)) {
            expires = origin.expires;
        }
        if (changes.keeps(FieldChanges.CONTACT)) {
            contacts = origin.contacts;
        }
        List<Via> viaTail = changes.tail(FieldChanges.VIA, origin.vias);
        List<NameAddress> routeTail = changes.tail(FieldChanges.ROUTE, origin.routes);
        List<NameAddress> recordRouteTail = changes.tail(FieldChanges.RECORD_ROUTE, origin.recordRoutes);
        int viaTop = changes.pushedFields(FieldChanges.VIA);
        int routeTop = changes.pushedFields(FieldChanges.ROUTE);
        int recordRouteTop = changes.pushedFields(FieldChanges.RECORD_ROUTE);
        if (viaTail != null && viaTop == 0) {
            vias = viaTail;
        }
        if (routeTail != null && routeTop == 0) {
            routes = routeTail;
        }
        if (recordRouteTail != null && recordRouteTop == 0) {
            recordRoutes = recordRouteTail;
        }
        if ((viaTail != null && viaTop > 0) || (routeTail != null && routeTop > 0)
                || (recordRouteTail != null && recordRouteTop > 0)) {
            seeds = new ListSeeds(viaTail, viaTop, routeTail, routeTop, recordRouteTail, recordRouteTop);
        }
    }

    /** Lists whose lower values were parsed in a builder's origin; the top {@code n} fields were pushed since. */
    private record ListSeeds(List<Via> viaTail, int viaTop, List<NameAddress> routeTail, int routeTop,
                             List<NameAddress> recordRouteTail, int recordRouteTop) {
    }

    /** The start line without CRLF: {@code INVITE sip:bob@example.com SIP/2.0} or {@code SIP/2.0 200 OK}. */
    public abstract String startLine();

    /** Whether this is a request. */
    public abstract boolean isRequest();

    /** A builder holding this message's fields, start line and body, for a modified copy. */
    public abstract Builder<? extends SipMessage, ?> toBuilder();

    /** The parsing limits typed accessors apply. */
    public SyntaxLimits limits() {
        return limits;
    }

    // ---- raw header access ----

    /** Number of header fields (lines). */
    public int headerCount() {
        return headers.length;
    }

    /** Header field {@code i} in wire order. */
    public SipHeader headerField(int i) {
        return headers[i];
    }

    /** All header fields in wire order. */
    public List<SipHeader> headerFields() {
        return Collections.unmodifiableList(Arrays.asList(headers));
    }

    /** The header fields called {@code name} (any case, compact or long form), in order. */
    public List<SipHeader> headerFields(String name) {
        SipHeaderName known = SipHeaderName.lookup(name);
        List<SipHeader> out = new ArrayList<>(2);
        for (SipHeader h : headers) {
            if (h.is(known, name)) {
                out.add(h);
            }
        }
        return out;
    }

    /** The first value of header {@code name}, or null; for list headers the first comma-separated element. */
    public String header(String name) {
        SipHeaderName known = SipHeaderName.lookup(name);
        for (SipHeader h : headers) {
            if (h.is(known, name)) {
                return known != null && known.isList() ? h.values().get(0) : h.value();
            }
        }
        return null;
    }

    /** All values of header {@code name} in order, list headers split on top-level commas; empty if none. */
    public List<String> headers(String name) {
        SipHeaderName known = SipHeaderName.lookup(name);
        List<String> out = new ArrayList<>(2);
        for (SipHeader h : headers) {
            if (h.is(known, name)) {
                out.addAll(h.values());
            }
        }
        return out;
    }

    /** Whether header {@code name} occurs. */
    public boolean hasHeader(String name) {
        SipHeaderName known = SipHeaderName.lookup(name);
        for (SipHeader h : headers) {
            if (h.is(known, name)) {
                return true;
            }
        }
        return false;
    }

    /** How many lines header {@code name} occupies. */
    public int headerLines(SipHeaderName name) {
        int n = 0;
        for (SipHeader h : headers) {
            n += h.known() == name ? 1 : 0;
        }
        return n;
    }

    /** The distinct header names in order of first appearance, long forms for known headers. */
    public List<String> headerNames() {
        Set<String> names = new LinkedHashSet<>();
        for (SipHeader h : headers) {
            names.add(h.name());
        }
        return List.copyOf(names);
    }

    private List<String> values(SipHeaderName name) {
        List<String> out = new ArrayList<>(2);
        for (SipHeader h : headers) {
            if (h.known() == name) {
                out.addAll(h.values());
            }
        }
        return out;
    }

    private String first(SipHeaderName name) {
        for (SipHeader h : headers) {
            if (h.known() == name) {
                return h.value();
            }
        }
        return null;
    }

    // ---- typed accessors ----

    /** The Via values, top first; empty when there is none. */
    public List<Via> vias() {
        List<Via> v = vias;
        if (v == null) {
            ListSeeds s = seeds;
            boolean seeded = s != null && s.viaTail() != null;
            int top = seeded ? s.viaTop() : Integer.MAX_VALUE;
            List<Via> parsed = new ArrayList<>(seeded ? top + s.viaTail().size() : 2);
            int fields = 0;
            for (SipHeader h : headers) {
                if (h.known() == SipHeaderName.VIA) {
                    if (fields++ == top) {
                        break;
                    }
                    for (String value : h.values()) {
                        parsed.add(Via.parse(value, limits));
                    }
                }
            }
            if (seeded) {
                parsed.addAll(s.viaTail());
            }
            v = List.copyOf(parsed);
            vias = v;
        }
        return v;
    }

    /** The top Via, or null. */
    public Via topVia() {
        List<Via> v = vias();
        return v.isEmpty() ? null : v.get(0);
    }

    /** The From value, or null. */
    public NameAddress from() {
        Object f = from;
        if (f == null) {
            f = nameAddress(SipHeaderName.FROM);
            from = f;
        }
        return f == ABSENT ? null : (NameAddress) f;
    }

    /** The To value, or null. */
    public NameAddress to() {
        Object t = to;
        if (t == null) {
            t = nameAddress(SipHeaderName.TO);
            to = t;
        }
        return t == ABSENT ? null : (NameAddress) t;
    }

    private Object nameAddress(SipHeaderName name) {
        String v = first(name);
        return v == null ? ABSENT : NameAddress.parse(name.canonical(), v, limits);
    }

    /** The Call-ID, or null. */
    public CallId callId() {
        Object c = callId;
        if (c == null) {
            String v = first(SipHeaderName.CALL_ID);
            c = v == null ? ABSENT : CallId.parse(v);
            callId = c;
        }
        return c == ABSENT ? null : (CallId) c;
    }

    /** The CSeq, or null. */
    public CSeq cseq() {
        Object c = cseq;
        if (c == null) {
            String v = first(SipHeaderName.CSEQ);
            c = v == null ? ABSENT : CSeq.parse(v);
            cseq = c;
        }
        return c == ABSENT ? null : (CSeq) c;
    }

    /** Max-Forwards (0-255), or -1 when absent. */
    public int maxForwards() {
        int m = maxForwards;
        if (m == UNPARSED) {
            String v = first(SipHeaderName.MAX_FORWARDS);
            m = v == null ? -1 : (int) number("Max-Forwards", v, 255);
            maxForwards = m;
        }
        return m;
    }

    /** Expires in seconds (RFC 3261 §20.19, at most 2^32 - 1), or -1 when absent. */
    public long expires() {
        long e = expires;
        if (e == UNPARSED) {
            String v = first(SipHeaderName.EXPIRES);
            e = v == null ? -1 : number("Expires", v, 0xFFFF_FFFFL);
            expires = e;
        }
        return e;
    }

    /** Parses {@code 1*DIGIT} up to {@code max}. */
    static long number(String field, String value, long max) {
        if (value.isEmpty() || value.length() > 19) {
            throw new SipSyntaxException(field, value.isEmpty() ? "empty value" : "value too large", value, max);
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new SipSyntaxException(field, "not a number", value);
            }
            n = n * 10 + (c - '0');
        }
        if (n > max) {
            throw new SipSyntaxException(field, "value too large", value, max);
        }
        return n;
    }

    /** The Contact values; empty when absent or when Contact is the wildcard {@code *} (§10.2.2). */
    public List<NameAddress> contacts() {
        List<NameAddress> c = contacts;
        if (c == null) {
            c = isContactWildcard() ? List.of() : nameAddresses(SipHeaderName.CONTACT);
            contacts = c;
        }
        return c;
    }

    /** Whether Contact is {@code *} (REGISTER removing all bindings). */
    public boolean isContactWildcard() {
        String c = first(SipHeaderName.CONTACT);
        return c != null && c.equals("*");
    }

    /** The Route values, top first. */
    public List<NameAddress> routes() {
        List<NameAddress> r = routes;
        if (r == null) {
            ListSeeds s = seeds;
            r = s != null && s.routeTail() != null ? seeded(SipHeaderName.ROUTE, s.routeTop(), s.routeTail())
                    : nameAddresses(SipHeaderName.ROUTE);
            routes = r;
        }
        return r;
    }

    /** The Record-Route values, top first. */
    public List<NameAddress> recordRoutes() {
        List<NameAddress> r = recordRoutes;
        if (r == null) {
            ListSeeds s = seeds;
            r = s != null && s.recordRouteTail() != null
                    ? seeded(SipHeaderName.RECORD_ROUTE, s.recordRouteTop(), s.recordRouteTail())
                    : nameAddresses(SipHeaderName.RECORD_ROUTE);
            recordRoutes = r;
        }
        return r;
    }

    /** The values of the first {@code top} fields of {@code name}, parsed, then {@code tail}. */
    private List<NameAddress> seeded(SipHeaderName name, int top, List<NameAddress> tail) {
        List<NameAddress> out = new ArrayList<>(top + tail.size());
        int fields = 0;
        for (SipHeader h : headers) {
            if (h.known() == name) {
                if (fields++ == top) {
                    break;
                }
                for (String value : h.values()) {
                    out.add(NameAddress.parse(name.canonical(), value, limits));
                }
            }
        }
        out.addAll(tail);
        return List.copyOf(out);
    }

    /** The values of any name-addr list header (Path, Service-Route, P-Asserted-Identity...), parsed. */
    public List<NameAddress> nameAddresses(SipHeaderName name) {
        List<NameAddress> out = new ArrayList<>(2);
        for (String value : values(name)) {
            out.add(NameAddress.parse(name.canonical(), value, limits));
        }
        return List.copyOf(out);
    }

    /** The Content-Type value, or null. */
    public String contentType() {
        return first(SipHeaderName.CONTENT_TYPE);
    }

    // ---- body ----

    /** The body as a read-only buffer over the message's bytes (no copy). */
    public ByteBuffer body() {
        return ByteBuffer.wrap(bodySrc, bodyOffset, bodyLength).slice().asReadOnlyBuffer();
    }

    /** A copy of the body. */
    public byte[] bodyBytes() {
        return Arrays.copyOfRange(bodySrc, bodyOffset, bodyOffset + bodyLength);
    }

    /** The body length in octets, which the encoder writes as Content-Length. */
    public int contentLength() {
        return bodyLength;
    }

    byte[] bodySrc() {
        return bodySrc;
    }

    int bodyOffset() {
        return bodyOffset;
    }

    SipHeader[] headerArray() {
        return headers;
    }

    /** The start line and header fields, one per line, without the body; for logs. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(startLine()).append('\n');
        for (SipHeader h : headers) {
            sb.append(h).append('\n');
        }
        return sb.toString();
    }

    /**
     * Builds a modified copy: header fields can be pushed, popped, set and removed; fields not touched keep
     * their raw bytes. See {@link SipRequest.Builder} and {@link SipResponse.Builder}.
     */
    public abstract static sealed class Builder<M extends SipMessage, B extends Builder<M, B>>
            permits SipRequest.Builder, SipResponse.Builder {

        final HeaderListEditor headers;
        byte[] bodySrc;
        int bodyOffset;
        int bodyLength;
        final SyntaxLimits limits;
        /** What changed since the origin message, whose parsed fields the built message reuses where unchanged. */
        final FieldChanges changes;

        Builder(SipHeader[] headers, byte[] bodySrc, int bodyOffset, int bodyLength, SyntaxLimits limits,
                FieldChanges changes) {
            this.headers = new HeaderListEditor(headers);
            this.bodySrc = bodySrc;
            this.bodyOffset = bodyOffset;
            this.bodyLength = bodyLength;
            this.limits = limits;
            this.changes = changes;
        }

        abstract B self();

        /** Builds the immutable message. */
        public abstract M build();

        /** Inserts a field before the first field of that name (top of Via, Route, Record-Route), else first. */
        public B addFirst(String name, String value) {
            SipHeader field = SipHeader.of(name, value);
            headers.addFirst(field);
            changes.pushed(field.known());
            return self();
        }

        /** Appends a field after the last field of that name, else at the end. */
        public B add(String name, String value) {
            SipHeader field = SipHeader.of(name, value);
            headers.addLast(field);
            changes.changed(field.known());
            return self();
        }

        /** Appends an existing field (raw bytes kept) after the last of its name, else at the end. */
        public B add(SipHeader field) {
            headers.addLast(field);
            changes.changed(field.known());
            return self();
        }

        /** Removes the first value of {@code name} (pops the top Via or Route), even inside a comma list. */
        public B removeFirst(String name) {
            headers.removeFirstValue(name);
            changes.popped(SipHeaderName.lookup(name));
            return self();
        }

        /** Replaces the first field of {@code name} in place and drops the others; appends when absent. */
        public B set(String name, String value) {
            SipHeader field = SipHeader.of(name, value);
            headers.set(field);
            changes.changed(field.known());
            return self();
        }

        /** Removes every field of {@code name}. */
        public B remove(String name) {
            headers.removeAll(name);
            changes.changed(SipHeaderName.lookup(name));
            return self();
        }

        /** Sets the body (copied) and Content-Type; null or empty {@code bytes} removes both. */
        public B body(String contentType, byte[] bytes) {
            if (bytes == null || bytes.length == 0) {
                bodySrc = new byte[0];
                bodyLength = 0;
                headers.removeAll("Content-Type");
            } else {
                headers.set(SipHeader.of(SipHeaderName.CONTENT_TYPE,
                        Objects.requireNonNull(contentType, "contentType of a non-empty body")));
                bodySrc = bytes.clone();
                bodyLength = bytes.length;
            }
            bodyOffset = 0;
            return self();
        }

        SipHeader[] headerArray() {
            return headers.toArray();
        }
    }
}
