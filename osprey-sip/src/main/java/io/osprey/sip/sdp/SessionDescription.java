package io.osprey.sip.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An SDP session description (RFC 8866 §5), immutable. Fields follow the grammar of RFC 8866 §9; optional
 * single fields are null when absent, repeated fields are (possibly empty) lists in wire order. {@code v=} is
 * always 0 and is not stored. {@link #toString()} gives the wire form with CRLF line ends (see
 * {@link SdpEncoder}).
 */
public record SessionDescription(Origin origin, String sessionName, String information, String uri,
                                 List<String> emails, List<String> phones, Connection connection,
                                 List<Bandwidth> bandwidths, List<Timing> timings, String zoneAdjustments,
                                 String key, List<Attribute> attributes, List<SdpLine> extensionLines,
                                 List<MediaDescription> media) {

    public SessionDescription {
        Objects.requireNonNull(origin, "o= origin");
        Objects.requireNonNull(sessionName, "s= session name");
        if (!SdpSyntax.isText(sessionName)) {
            throw new IllegalArgumentException("s= must not contain NUL, CR or LF");
        }
        SdpSyntax.optionalText("i=", information);
        SdpSyntax.optionalText("u=", uri);
        emails = List.copyOf(emails);
        emails.forEach(email -> SdpSyntax.requireText("e=", email));
        phones = List.copyOf(phones);
        phones.forEach(phone -> SdpSyntax.requireText("p=", phone));
        bandwidths = List.copyOf(bandwidths);
        timings = List.copyOf(timings);
        if (timings.isEmpty()) {
            throw new IllegalArgumentException("a session description needs at least one t= line");
        }
        SdpSyntax.optionalText("z=", zoneAdjustments);
        SdpSyntax.optionalText("k=", key);
        attributes = List.copyOf(attributes);
        extensionLines = List.copyOf(extensionLines);
        media = List.copyOf(media);
    }

    /** A builder with {@code s=-} and {@code t=0 0} preset, the usual values in SIP. */
    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(origin).sessionName(sessionName).information(information).uri(uri)
                .connection(connection).zoneAdjustments(zoneAdjustments).key(key);
        builder.emails.addAll(emails);
        builder.phones.addAll(phones);
        builder.bandwidths.addAll(bandwidths);
        builder.timings.addAll(timings);
        builder.attributes.addAll(attributes);
        builder.extensionLines.addAll(extensionLines);
        builder.media.addAll(media);
        return builder;
    }

    public SessionDescription withOrigin(Origin newOrigin) {
        return new SessionDescription(newOrigin, sessionName, information, uri, emails, phones, connection,
                bandwidths, timings, zoneAdjustments, key, attributes, extensionLines, media);
    }

    /** The first session-level attribute named {@code name}, or null. */
    public Attribute attribute(String name) {
        return AttributeLists.first(attributes, name);
    }

    public List<Attribute> attributes(String name) {
        return AttributeLists.all(attributes, name);
    }

    /** The session-level direction attribute, or null when there is none. */
    public Direction direction() {
        return AttributeLists.direction(attributes);
    }

    /**
     * The direction that applies to {@code media}: its own attribute, else the session-level one, else
     * {@code sendrecv} (RFC 8866 §6.7).
     */
    public Direction direction(MediaDescription media) {
        Direction own = media.direction();
        if (own != null) {
            return own;
        }
        Direction session = direction();
        return session != null ? session : Direction.SENDRECV;
    }

    /** The connection that applies to {@code media}: its first own c=, else the session-level one, else null. */
    public Connection connection(MediaDescription media) {
        return media.connections().isEmpty() ? connection : media.connections().get(0);
    }

    /** The wire form in UTF-8. */
    public byte[] toBytes() {
        return SdpEncoder.encode(this).getBytes(StandardCharsets.UTF_8);
    }

    /** The wire form, CRLF line ends. */
    @Override
    public String toString() {
        return SdpEncoder.encode(this);
    }

    /** Collects the parts of a {@link SessionDescription}; lists keep insertion order. */
    public static final class Builder {
        private Origin origin;
        private String sessionName = "-";
        private String information;
        private String uri;
        private final List<String> emails = new ArrayList<>();
        private final List<String> phones = new ArrayList<>();
        private Connection connection;
        private final List<Bandwidth> bandwidths = new ArrayList<>();
        private final List<Timing> timings = new ArrayList<>();
        private String zoneAdjustments;
        private String key;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<SdpLine> extensionLines = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();

        private Builder(Origin origin) {
            this.origin = origin;
        }

        public Builder origin(Origin origin) {
            this.origin = origin;
            return this;
        }

        public Builder sessionName(String sessionName) {
            this.sessionName = sessionName;
            return this;
        }

        public Builder information(String information) {
            this.information = information;
            return this;
        }

        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        public Builder email(String email) {
            emails.add(email);
            return this;
        }

        public Builder phone(String phone) {
            phones.add(phone);
            return this;
        }

        public Builder connection(Connection connection) {
            this.connection = connection;
            return this;
        }

        public Builder bandwidth(Bandwidth bandwidth) {
            bandwidths.add(bandwidth);
            return this;
        }

        /** Adds a time description; without any, {@code t=0 0} is used. */
        public Builder timing(Timing timing) {
            timings.add(timing);
            return this;
        }

        public Builder zoneAdjustments(String zoneAdjustments) {
            this.zoneAdjustments = zoneAdjustments;
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

        public Builder media(MediaDescription description) {
            media.add(description);
            return this;
        }

        public Builder clearMedia() {
            media.clear();
            return this;
        }

        int timingCount() {
            return timings.size();
        }

        /** Appends a repeat time to the last time description. */
        void repeatOnLastTiming(String repeat) {
            Timing last = timings.get(timings.size() - 1);
            List<String> repeats = new ArrayList<>(last.repeats());
            repeats.add(repeat);
            timings.set(timings.size() - 1, new Timing(last.startTime(), last.stopTime(), repeats));
        }

        public SessionDescription build() {
            List<Timing> effectiveTimings = timings.isEmpty() ? List.of(Timing.PERMANENT) : timings;
            return new SessionDescription(origin, sessionName, information, uri, emails, phones, connection,
                    bandwidths, effectiveTimings, zoneAdjustments, key, attributes, extensionLines, media);
        }
    }
}
