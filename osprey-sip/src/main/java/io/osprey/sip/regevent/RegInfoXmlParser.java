package io.osprey.sip.regevent;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses an {@code application/reginfo+xml} document (RFC 3680 §5.4) into a {@link RegInfo} with the JDK's StAX
 * parser. DTDs, external entities and entity references are refused (no XXE, no entity expansion); the
 * {@link RegInfoLimits} bound size, nesting, element count, registrations, contacts and text. Every fault is a
 * {@link RegInfoParseException} naming the element path.
 *
 * <p>Elements in other namespaces (the schema's {@code xs:any namespace="##other"}, e.g. the GRUU extension of
 * RFC 5628) and attributes this class does not know are ignored. Unknown elements in the reginfo namespace, missing
 * required attributes and bad enumeration or number values are errors. Inside {@code <contact>} the order of
 * {@code <uri>}, {@code <display-name>} and {@code <unknown-param>} is not enforced, but {@code <uri>} must appear
 * exactly once and {@code <display-name>} at most once; of repeated {@code <unknown-param>} names the first wins.
 * The text of {@code <uri>} and numeric attributes are whitespace-trimmed, as their schema types collapse
 * whitespace; other text is kept as written.
 *
 * <p>Thread-safe: StAX factories are not documented as such, so only reader creation is serialised.
 */
public final class RegInfoXmlParser {

    private static final XMLInputFactory FACTORY = factory();

    private RegInfoXmlParser() {
    }

    /** Parses UTF-8 octets (a NOTIFY body) with {@link RegInfoLimits#DEFAULT}. */
    public static RegInfo parse(byte[] document) {
        return parse(document, RegInfoLimits.DEFAULT);
    }

    /** Parses a document held as text with {@link RegInfoLimits#DEFAULT}. */
    public static RegInfo parse(String document) {
        return parse(document, RegInfoLimits.DEFAULT);
    }

    /**
     * Parses UTF-8 octets. They are decoded here rather than by the StAX parser, whose decoder prints malformed
     * sequences to standard error; a leading byte order mark is skipped.
     */
    public static RegInfo parse(byte[] document, RegInfoLimits limits) {
        if (document.length > limits.maxDocumentSize()) {
            throw new RegInfoParseException("", "document too large: " + document.length + " octets",
                    limits.maxDocumentSize(), null);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(document);
        CharBuffer out = CharBuffer.allocate(document.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new RegInfoParseException("", "document is not valid UTF-8 at octet " + in.position());
        }
        out.flip();
        if (out.hasRemaining() && out.get(0) == '\uFEFF') {
            out.position(1);
        }
        return parse(out.toString(), limits);
    }

    /** Parses a document held as text. */
    public static RegInfo parse(String document, RegInfoLimits limits) {
        if (document.length() > limits.maxDocumentSize()) {
            throw new RegInfoParseException("", "document too large: " + document.length() + " characters",
                    limits.maxDocumentSize(), null);
        }
        XMLStreamReader reader = reader(document);
        try {
            RegInfoCursor cursor = new RegInfoCursor(reader, limits);
            cursor.enterRoot();
            RegInfo info = root(cursor, limits);
            cursor.finishDocument();
            return info;
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release for an in-memory reader
            }
        }
    }

    private static RegInfo root(RegInfoCursor cursor, RegInfoLimits limits) {
        if (!cursor.inReginfoNamespace() || !cursor.localName().equals("reginfo")) {
            throw cursor.error("the root element must be reginfo in namespace " + RegInfo.NAMESPACE);
        }
        long version = unsigned(cursor, "version", cursor.requiredAttribute("version"));
        RegInfo.State state = RegInfo.State.fromXml(cursor.requiredAttribute("state"));
        if (state == null) {
            throw badEnum(cursor, "state", "full or partial");
        }
        List<Registration> registrations = new ArrayList<>();
        while (cursor.nextChild()) {
            if (!cursor.inReginfoNamespace()) {
                cursor.skip();
            } else if (cursor.localName().equals("registration")) {
                if (registrations.size() == limits.maxRegistrations()) {
                    throw cursor.limit("too many registrations", limits.maxRegistrations());
                }
                cursor.label("registration[" + (registrations.size() + 1) + "]");
                registrations.add(registration(cursor, limits));
            } else {
                throw unexpected(cursor);
            }
        }
        return new RegInfo(version, state, registrations);
    }

    private static Registration registration(RegInfoCursor cursor, RegInfoLimits limits) {
        String aor = xmlTrim(cursor.requiredAttribute("aor"));
        if (aor.isEmpty()) {
            throw cursor.error("attribute aor is empty");
        }
        String id = cursor.requiredAttribute("id");
        RegistrationState state = RegistrationState.fromXml(cursor.requiredAttribute("state"));
        if (state == null) {
            throw badEnum(cursor, "state", "init, active or terminated");
        }
        List<Contact> contacts = new ArrayList<>();
        while (cursor.nextChild()) {
            if (!cursor.inReginfoNamespace()) {
                cursor.skip();
            } else if (cursor.localName().equals("contact")) {
                if (contacts.size() == limits.maxContactsPerRegistration()) {
                    throw cursor.limit("too many contacts in one registration", limits.maxContactsPerRegistration());
                }
                cursor.label("contact[" + (contacts.size() + 1) + "]");
                contacts.add(contact(cursor, limits));
            } else {
                throw unexpected(cursor);
            }
        }
        return new Registration(aor, id, state, contacts);
    }

    private static Contact contact(RegInfoCursor cursor, RegInfoLimits limits) {
        String path = cursor.pathText();
        String id = cursor.requiredAttribute("id");
        ContactState state = ContactState.fromXml(cursor.requiredAttribute("state"));
        if (state == null) {
            throw badEnum(cursor, "state", "active or terminated");
        }
        ContactEvent event = ContactEvent.fromXml(cursor.requiredAttribute("event"));
        if (event == null) {
            throw badEnum(cursor, "event", "registered, created, refreshed, shortened, expired, deactivated, "
                    + "probation, unregistered or rejected");
        }
        Integer expires = optionalInt(cursor, "expires");
        Integer retryAfter = optionalInt(cursor, "retry-after");
        Long durationRegistered = optionalLong(cursor, "duration-registered");
        Long cseq = optionalLong(cursor, "cseq");
        String q = cursor.attribute("q");
        String callId = cursor.attribute("callid");
        String uri = null;
        String displayName = null;
        Map<String, String> unknownParams = new LinkedHashMap<>();
        int unknownParamCount = 0;
        while (cursor.nextChild()) {
            if (!cursor.inReginfoNamespace()) {
                cursor.skip();
                continue;
            }
            switch (cursor.localName()) {
                case "uri" -> {
                    if (uri != null) {
                        throw cursor.error("more than one uri element");
                    }
                    uri = xmlTrim(cursor.text());
                    if (uri.isEmpty()) {
                        throw cursor.error("empty uri element");
                    }
                }
                case "display-name" -> {
                    if (displayName != null) {
                        throw cursor.error("more than one display-name element");
                    }
                    displayName = cursor.text();
                }
                case "unknown-param" -> {
                    if (++unknownParamCount > limits.maxUnknownParams()) {
                        throw cursor.limit("too many unknown-param elements", limits.maxUnknownParams());
                    }
                    String name = cursor.requiredAttribute("name");
                    unknownParams.putIfAbsent(name, cursor.text());
                }
                default -> throw unexpected(cursor);
            }
        }
        if (uri == null) {
            throw new RegInfoParseException(path, "contact without a uri element");
        }
        return new Contact(id, state, event, uri, expires, retryAfter, q, callId, cseq, displayName, unknownParams,
                durationRegistered);
    }

    private static Integer optionalInt(RegInfoCursor cursor, String name) {
        String text = cursor.attribute(name);
        if (text == null) {
            return null;
        }
        long value = unsigned(cursor, name, text);
        if (value > Integer.MAX_VALUE) {
            throw cursor.error("attribute " + name + " is " + value + ", more than " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private static Long optionalLong(RegInfoCursor cursor, String name) {
        String text = cursor.attribute(name);
        return text == null ? null : unsigned(cursor, name, text);
    }

    /** An {@code xs:nonNegativeInteger} / {@code xs:unsignedLong} that fits a signed long. */
    private static long unsigned(RegInfoCursor cursor, String name, String text) {
        String s = xmlTrim(text);
        int start = !s.isEmpty() && s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length()) {
            throw cursor.error("attribute " + name + " must be an unsigned integer, was \"" + shorten(text) + "\"");
        }
        long value = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw cursor.error("attribute " + name + " must be an unsigned integer, was \"" + shorten(text)
                        + "\"");
            }
            if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw cursor.error("attribute " + name + " is larger than " + Long.MAX_VALUE);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static RegInfoParseException badEnum(RegInfoCursor cursor, String attribute, String allowed) {
        return cursor.error("attribute " + attribute + " must be " + allowed + ", was \""
                + shorten(cursor.attribute(attribute)) + "\"");
    }

    private static RegInfoParseException unexpected(RegInfoCursor cursor) {
        return cursor.error("unexpected element " + cursor.localName() + " in the reginfo namespace");
    }

    /** {@code s} without leading and trailing XML white space (SP, TAB, CR, LF; XML 1.0 §2.3 S). */
    private static String xmlTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isXmlSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isXmlSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static XMLStreamReader reader(String document) {
        try {
            synchronized (FACTORY) {
                return FACTORY.createXMLStreamReader(new StringReader(document));
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new RegInfoParseException("", "not well-formed XML: " + e.getMessage(), -1, e);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
