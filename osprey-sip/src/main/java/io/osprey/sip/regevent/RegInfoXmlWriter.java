package io.osprey.sip.regevent;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a {@link RegInfo} as an {@code application/reginfo+xml} document (RFC 3680 §5.4): UTF-8, the reginfo
 * namespace as the default namespace, attribute names as the schema spells them, one element per line.
 * Optional attributes and elements are written only when set. Stateless.
 */
public final class RegInfoXmlWriter {

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private RegInfoXmlWriter() {
    }

    /**
     * The document as text.
     *
     * @throws IllegalArgumentException if a value holds a character XML 1.0 cannot carry
     */
    public static String write(RegInfo info) {
        StringBuilder out = new StringBuilder(256 + 512 * info.registrations().size());
        out.append(PROLOG).append("<reginfo xmlns=\"").append(RegInfo.NAMESPACE).append('"');
        attribute(out, "version", Long.toString(info.version()));
        attribute(out, "state", info.state().xmlValue());
        if (info.registrations().isEmpty()) {
            return out.append("/>\n").toString();
        }
        out.append(">\n");
        for (Registration registration : info.registrations()) {
            writeRegistration(out, registration);
        }
        return out.append("</reginfo>\n").toString();
    }

    /** The document as the UTF-8 octets of a NOTIFY body. */
    public static byte[] writeBytes(RegInfo info) {
        return write(info).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeRegistration(StringBuilder out, Registration registration) {
        out.append("  <registration");
        attribute(out, "aor", registration.aor());
        attribute(out, "id", registration.id());
        attribute(out, "state", registration.state().xmlValue());
        if (registration.contacts().isEmpty()) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        for (Contact contact : registration.contacts()) {
            writeContact(out, contact);
        }
        out.append("  </registration>\n");
    }

    private static void writeContact(StringBuilder out, Contact contact) {
        out.append("    <contact");
        attribute(out, "id", contact.id());
        attribute(out, "state", contact.state().xmlValue());
        attribute(out, "event", contact.event().xmlValue());
        optional(out, "expires", contact.expires());
        optional(out, "duration-registered", contact.durationRegistered());
        optional(out, "retry-after", contact.retryAfter());
        optional(out, "q", contact.q());
        optional(out, "callid", contact.callId());
        optional(out, "cseq", contact.cseq());
        out.append(">\n      <uri>");
        text(out, contact.uri());
        out.append("</uri>\n");
        if (contact.displayName() != null) {
            out.append("      <display-name>");
            text(out, contact.displayName());
            out.append("</display-name>\n");
        }
        for (Map.Entry<String, String> param : contact.unknownParams().entrySet()) {
            out.append("      <unknown-param");
            attribute(out, "name", param.getKey());
            if (param.getValue().isEmpty()) {
                out.append("/>\n");
            } else {
                out.append('>');
                text(out, param.getValue());
                out.append("</unknown-param>\n");
            }
        }
        out.append("    </contact>\n");
    }

    private static void optional(StringBuilder out, String name, Object value) {
        if (value != null) {
            attribute(out, name, value.toString());
        }
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"");
        escape(out, value, true);
        out.append('"');
    }

    private static void text(StringBuilder out, String value) {
        escape(out, value, false);
    }

    /**
     * Escapes markup characters. In attributes, TAB, LF and CR become character references because attribute
     * value normalisation would turn them into spaces (XML 1.0 §3.3.3); in text only CR does, which parsers
     * would otherwise turn into LF (§2.11).
     */
    private static void escape(StringBuilder out, String value, boolean attribute) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (!isXmlChar(value, i, c)) {
                        throw new IllegalArgumentException("character U+" + String.format("%04X", (int) c)
                                + " cannot appear in XML 1.0, in \"" + shorten(value) + "\"");
                    }
                    out.append(c);
                }
            }
        }
    }

    /** XML 1.0 §2.2 Char, with surrogates allowed only as well-formed pairs. */
    private static boolean isXmlChar(String s, int i, char c) {
        if (c < 0x20) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c != 0xFFFE && c != 0xFFFF;
    }

    private static String shorten(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
