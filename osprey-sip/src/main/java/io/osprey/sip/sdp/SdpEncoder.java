package io.osprey.sip.sdp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link SessionDescription} in the field order of RFC 8866 §5 with CRLF line ends. Lines the lenient
 * parser kept for unknown type letters go at the end of their section. A description parsed from well-formed
 * SDP is written back byte for byte.
 */
public final class SdpEncoder {

    private SdpEncoder() {
    }

    public static String encode(SessionDescription sdp) {
        StringBuilder out = new StringBuilder(512);
        line(out, 'v', "0");
        line(out, 'o', sdp.origin().value());
        line(out, 's', sdp.sessionName());
        optional(out, 'i', sdp.information());
        optional(out, 'u', sdp.uri());
        sdp.emails().forEach(email -> line(out, 'e', email));
        sdp.phones().forEach(phone -> line(out, 'p', phone));
        if (sdp.connection() != null) {
            line(out, 'c', sdp.connection().value());
        }
        sdp.bandwidths().forEach(bandwidth -> line(out, 'b', bandwidth.text()));
        for (Timing timing : sdp.timings()) {
            line(out, 't', timing.value());
            timing.repeats().forEach(repeat -> line(out, 'r', repeat));
        }
        optional(out, 'z', sdp.zoneAdjustments());
        optional(out, 'k', sdp.key());
        attributes(out, sdp.attributes());
        extensions(out, sdp.extensionLines());
        for (MediaDescription media : sdp.media()) {
            line(out, 'm', media.mediaLine());
            optional(out, 'i', media.information());
            media.connections().forEach(connection -> line(out, 'c', connection.value()));
            media.bandwidths().forEach(bandwidth -> line(out, 'b', bandwidth.text()));
            optional(out, 'k', media.key());
            attributes(out, media.attributes());
            extensions(out, media.extensionLines());
        }
        return out.toString();
    }

    public static byte[] encodeToBytes(SessionDescription sdp) {
        return encode(sdp).getBytes(StandardCharsets.UTF_8);
    }

    private static void attributes(StringBuilder out, List<Attribute> attributes) {
        for (Attribute attribute : attributes) {
            out.append("a=").append(attribute.name());
            if (attribute.value() != null) {
                out.append(':').append(attribute.value());
            }
            out.append("\r\n");
        }
    }

    private static void extensions(StringBuilder out, List<SdpLine> lines) {
        lines.forEach(line -> line(out, line.type(), line.value()));
    }

    private static void optional(StringBuilder out, char type, String value) {
        if (value != null) {
            line(out, type, value);
        }
    }

    private static void line(StringBuilder out, char type, String value) {
        out.append(type).append('=').append(value).append("\r\n");
    }
}
