package io.osprey.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One media description (RFC 8866 §5.14): the {@code m=} line and the {@code i=}, {@code c=}, {@code b=},
 * {@code k=} and {@code a=} lines under it. {@code portCount} is 0 when the m= line has no {@code /<number of
 * ports>}; a port of 0 marks a rejected or disabled stream (RFC 3264 §6). Typed views read the attributes
 * that SIP and IMS rely on.
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
                               String information, List<Connection> connections, List<Bandwidth> bandwidths,
                               String key, List<Attribute> attributes, List<SdpLine> extensionLines) {

    public MediaDescription {
        SdpSyntax.requireToken("m= media", media);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("m= port must be 0-65535, was " + port);
        }
        if (portCount < 0 || portCount > 65535) {
            throw new IllegalArgumentException("m= number of ports must be 1-65535 (0 for none), was " + portCount);
        }
        SdpSyntax.requireWord("m= proto", proto);
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("m= needs at least one format");
        }
        formats.forEach(format -> SdpSyntax.requireWord("m= fmt", format));
        SdpSyntax.optionalText("i=", information);
        connections = List.copyOf(connections);
        bandwidths = List.copyOf(bandwidths);
        SdpSyntax.optionalText("k=", key);
        attributes = List.copyOf(attributes);
        extensionLines = List.copyOf(extensionLines);
    }

    public static Builder builder(String media, int port, String proto) {
        return new Builder(media, port, proto);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(media, port, proto).portCount(portCount).information(information).key(key);
        builder.formats.addAll(formats);
        builder.connections.addAll(connections);
        builder.bandwidths.addAll(bandwidths);
        builder.attributes.addAll(attributes);
        builder.extensionLines.addAll(extensionLines);
        return builder;
    }

    /** Whether the port is 0: a rejected stream in an answer, a disabled one in an offer (RFC 3264 §6, §8.2). */
    public boolean isRejected() {
        return port == 0;
    }

    /** The first attribute named {@code name}, or null. */
    public Attribute attribute(String name) {
        return AttributeLists.first(attributes, name);
    }

    public List<Attribute> attributes(String name) {
        return AttributeLists.all(attributes, name);
    }

    public boolean hasAttribute(String name) {
        return attribute(name) != null;
    }

    /** The direction attribute at media level, or null when there is none (see {@link SessionDescription#direction(MediaDescription)}). */
    public Direction direction() {
        return AttributeLists.direction(attributes);
    }

    /** The well-formed {@code a=rtpmap} attributes, in order. */
    public List<RtpMap> rtpMaps() {
        List<RtpMap> maps = new ArrayList<>();
        for (Attribute attribute : attributes) {
            RtpMap map = attribute.name().equals(RtpMap.ATTRIBUTE) && attribute.value() != null
                    ? RtpMap.tryParse(attribute.value()) : null;
            if (map != null) {
                maps.add(map);
            }
        }
        return List.copyOf(maps);
    }

    /**
     * The encoding of {@code format}: its {@code a=rtpmap}, else the RFC 3551 static mapping, else null (also for
     * formats that are not RTP payload type numbers).
     */
    public RtpMap rtpMap(String format) {
        if (!SdpSyntax.isDigits(format) || format.length() > 3) {
            return null;
        }
        int payloadType = Integer.parseInt(format);
        for (RtpMap map : rtpMaps()) {
            if (map.payloadType() == payloadType) {
                return map;
            }
        }
        return StaticPayloadTypes.lookup(payloadType);
    }

    /** The {@code a=fmtp} of {@code format}, or null. */
    public Fmtp fmtp(String format) {
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(Fmtp.ATTRIBUTE) && attribute.value() != null) {
                Fmtp fmtp = Fmtp.tryParse(attribute.value());
                if (fmtp != null && fmtp.format().equals(format)) {
                    return fmtp;
                }
            }
        }
        return null;
    }

    /** The {@code a=ptime} in milliseconds (RFC 8866 §6.4), when present as a whole number. */
    public OptionalInt ptime() {
        Attribute ptime = attribute("ptime");
        if (ptime == null || ptime.value() == null || !SdpSyntax.isDigits(ptime.value())
                || ptime.value().length() > 6) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(ptime.value()));
    }

    /** The {@code a=rtcp} attribute (RFC 3605), or null when absent or malformed. */
    public Rtcp rtcp() {
        Attribute rtcp = attribute(Rtcp.ATTRIBUTE);
        return rtcp == null || rtcp.value() == null ? null : Rtcp.tryParse(rtcp.value());
    }

    /** Whether {@code a=rtcp-mux} (RFC 5761 §5.1.1) is present. */
    public boolean isRtcpMux() {
        return hasAttribute("rtcp-mux");
    }

    /** The {@code a=mid} identification tag (RFC 5888), or null. */
    public String mid() {
        Attribute mid = attribute("mid");
        return mid == null ? null : mid.value();
    }

    /** The well-formed RFC 3312 {@code curr}, {@code des} and {@code conf} attributes, in order. */
    public List<Precondition> preconditions() {
        List<Precondition> found = new ArrayList<>();
        for (Attribute attribute : attributes) {
            Precondition precondition = Precondition.tryParse(attribute);
            if (precondition != null) {
                found.add(precondition);
            }
        }
        return List.copyOf(found);
    }

    /** The m= line text after {@code m=}. */
    public String mediaLine() {
        StringBuilder line = new StringBuilder(media).append(' ').append(port);
        if (portCount > 0) {
            line.append('/').append(portCount);
        }
        line.append(' ').append(proto);
        for (String format : formats) {
            line.append(' ').append(format);
        }
        return line.toString();
    }

    /** Collects the parts of a {@link MediaDescription}; lists keep insertion order. */
    public static final class Builder {
        private final String media;
        private int port;
        private int portCount;
        private final String proto;
        private final List<String> formats = new ArrayList<>();
        private String information;
        private final List<Connection> connections = new ArrayList<>();
        private final List<Bandwidth> bandwidths = new ArrayList<>();
        private String key;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<SdpLine> extensionLines = new ArrayList<>();

        private Builder(String media, int port, String proto) {
            this.media = media;
            this.port = port;
            this.proto = proto;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder portCount(int portCount) {
            this.portCount = portCount;
            return this;
        }

        public Builder format(String format) {
            formats.add(format);
            return this;
        }

        public Builder clearFormats() {
            formats.clear();
            return this;
        }

        public Builder information(String information) {
            this.information = information;
            return this;
        }

        public Builder connection(Connection connection) {
            connections.add(connection);
            return this;
        }

        public Builder clearConnections() {
            connections.clear();
            return this;
        }

        public Builder bandwidth(Bandwidth bandwidth) {
            bandwidths.add(bandwidth);
            return this;
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        public Builder attribute(Attribute attribute) {
            attributes.add(attribute);
            return this;
        }

        public Builder clearAttributes() {
            attributes.clear();
            return this;
        }

        public Builder extensionLine(SdpLine line) {
            extensionLines.add(line);
            return this;
        }

        public MediaDescription build() {
            return new MediaDescription(media, port, portCount, proto, formats, information, connections,
                    bandwidths, key, attributes, extensionLines);
        }
    }
}
