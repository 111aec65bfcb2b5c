package io.osprey.sip.sdp;

import java.util.EnumMap;
import java.util.Map;

/**
 * The state of one {@link SdpParser} run: which section it is in, the RFC 8866 §5 order position reached, the
 * single-occurrence fields already seen, and the tolerated deviations. Not thread-safe; one per parse.
 */
final class SdpReader {

    /** Session-level order of RFC 8866 §5: index = position; r= shares t='s position. */
    private static final String SESSION_ORDER = "vosiuepcbtzka";
    private static final String SESSION_SINGLE = "vosiuczk";
    private static final String MEDIA_ORDER = "micbka";
    private static final String MEDIA_SINGLE = "ik";

    private final SdpLimits limits;
    private final boolean lenient;
    private final SdpFields fields;
    private final Map<SdpCompliance, Integer> tolerated = new EnumMap<>(SdpCompliance.class);

    private SessionDescription.Builder session;
    private boolean sawVersion;
    private boolean sawSessionName;
    private int sessionSeen;
    private int rank;
    private char lastType;
    private MediaDescription.Builder media;
    private int mediaLineNumber;
    private int mediaSeen;
    private int mediaCount;
    private int attributeCount;

    SdpReader(SdpLimits limits, SdpParseMode mode) {
        this.limits = limits;
        this.lenient = mode == SdpParseMode.LENIENT;
        this.fields = new SdpFields(this);
    }

    void tolerate(SdpCompliance deviation) {
        tolerated.merge(deviation, 1, Integer::sum);
    }

    /** A deviation that lenient mode counts and strict mode refuses. */
    void deviation(SdpCompliance deviation, int lineNumber, String field, String value, String problem) {
        if (!lenient) {
            throw new SdpParseException(lineNumber, field, value, problem);
        }
        tolerate(deviation);
    }

    void line(int lineNumber, String line) {
        if (line.isEmpty()) {
            deviation(SdpCompliance.EMPTY_LINE, lineNumber, "line", "", "empty line");
            return;
        }
        char type = line.charAt(0);
        if (line.length() < 2 || line.charAt(1) != '=' || type < 'a' || type > 'z') {
            throw new SdpParseException(lineNumber, "line", line, "expected '<lower-case letter>=<value>'");
        }
        String value = line.substring(2);
        if (!SdpSyntax.isText(value)) {
            throw new SdpParseException(lineNumber, String.valueOf(type), value, "contains NUL or CR");
        }
        fields.startLine(lineNumber);
        try {
            dispatch(lineNumber, type, value);
        } catch (IllegalArgumentException e) {
            throw new SdpParseException(lineNumber, String.valueOf(type), value, e.getMessage());
        }
        lastType = type;
    }

    private void dispatch(int lineNumber, char type, String value) {
        if (!sawVersion) {
            if (type != 'v') {
                throw new SdpParseException(lineNumber, String.valueOf(type), value, "the first line must be v=0");
            }
            if (!value.equals("0")) {
                throw new SdpParseException(lineNumber, "v", value, "only protocol version 0 exists");
            }
            sawVersion = true;
            sessionSeen = bit('v');
            return;
        }
        if (type == 'm') {
            startMedia(lineNumber, value);
        } else if (!SdpLine.isKnownType(type)) {
            deviation(SdpCompliance.UNKNOWN_LINE_TYPE, lineNumber, String.valueOf(type), value,
                    "type letter not defined by RFC 8866");
            SdpLine extension = new SdpLine(type, value);
            if (session == null) {
                throw new SdpParseException(lineNumber, String.valueOf(type), value, "o= must come before it");
            } else if (media != null) {
                media.extensionLine(extension);
            } else {
                session.extensionLine(extension);
            }
        } else if (media != null) {
            mediaLine(lineNumber, type, value);
        } else {
            sessionLine(lineNumber, type, value);
        }
    }

    private void sessionLine(int lineNumber, char type, String value) {
        int position = SESSION_ORDER.indexOf(type == 'r' ? 't' : type);
        if (type == 'v' || (SESSION_SINGLE.indexOf(type) >= 0 && (sessionSeen & bit(type)) != 0)) {
            throw new SdpParseException(lineNumber, String.valueOf(type), value, "may appear only once");
        }
        order(lineNumber, type, value, position);
        sessionSeen |= bit(type);
        if (type != 'o' && session == null) {
            throw new SdpParseException(lineNumber, String.valueOf(type), value, "o= must come before it");
        }
        switch (type) {
            case 'o' -> session = SessionDescription.builder(fields.origin(value));
            case 's' -> {
                if (value.isEmpty()) {
                    deviation(SdpCompliance.EMPTY_SESSION_NAME, lineNumber, "s", value,
                            "session name must not be empty (use 's= ' or 's=-')");
                }
                sawSessionName = true;
                session.sessionName(value);
            }
            case 'i' -> session.information(fields.text("i", value));
            case 'u' -> session.uri(fields.text("u", value));
            case 'e' -> session.email(fields.text("e", value));
            case 'p' -> session.phone(fields.text("p", value));
            case 'c' -> session.connection(fields.connection(value));
            case 'b' -> session.bandwidth(fields.bandwidth(value));
            case 't' -> session.timing(fields.timing(value));
            case 'r' -> repeat(lineNumber, value);
            case 'z' -> session.zoneAdjustments(fields.text("z", value));
            case 'k' -> session.key(fields.text("k", value));
            case 'a' -> session.attribute(attribute(lineNumber, value));
            default -> throw new IllegalStateException("unhandled session line type " + type);
        }
    }

    private void repeat(int lineNumber, String value) {
        if (session.timingCount() == 0) {
            throw new SdpParseException(lineNumber, "r", value, "r= must follow a t= line");
        }
        if (lastType != 't' && lastType != 'r') {
            deviation(SdpCompliance.OUT_OF_ORDER_LINE, lineNumber, "r", value, "r= must directly follow t= or r=");
        }
        session.repeatOnLastTiming(fields.text("r", value));
    }

    private void startMedia(int lineNumber, String value) {
        closeMedia();
        requireSessionHeader(lineNumber);
        mediaCount++;
        if (mediaCount > limits.maxMediaDescriptions()) {
            throw new SdpParseException(lineNumber, "maxMediaDescriptions", Integer.toString(mediaCount),
                    "media description count exceeds limit " + limits.maxMediaDescriptions());
        }
        media = fields.media(value);
        mediaLineNumber = lineNumber;
        mediaSeen = bit('m');
        rank = 0;
    }

    private void mediaLine(int lineNumber, char type, String value) {
        int position = MEDIA_ORDER.indexOf(type);
        if (position < 0) {
            throw new SdpParseException(lineNumber, String.valueOf(type), value,
                    "not allowed in a media description");
        }
        if (MEDIA_SINGLE.indexOf(type) >= 0 && (mediaSeen & bit(type)) != 0) {
            throw new SdpParseException(lineNumber, String.valueOf(type), value,
                    "may appear only once in a media description");
        }
        order(lineNumber, type, value, position);
        mediaSeen |= bit(type);
        switch (type) {
            case 'i' -> media.information(fields.text("i", value));
            case 'c' -> media.connection(fields.connection(value));
            case 'b' -> media.bandwidth(fields.bandwidth(value));
            case 'k' -> media.key(fields.text("k", value));
            case 'a' -> media.attribute(attribute(lineNumber, value));
            default -> throw new IllegalStateException("unhandled media line type " + type);
        }
    }

    private void order(int lineNumber, char type, String value, int position) {
        if (position < rank) {
            deviation(SdpCompliance.OUT_OF_ORDER_LINE, lineNumber, String.valueOf(type), value,
                    "out of RFC 8866 §5 order after " + lastType + "=");
        } else {
            rank = position;
        }
    }

    private Attribute attribute(int lineNumber, String value) {
        attributeCount++;
        if (attributeCount > limits.maxAttributes()) {
            throw new SdpParseException(lineNumber, "maxAttributes", Integer.toString(attributeCount),
                    "attribute count exceeds limit " + limits.maxAttributes());
        }
        return fields.attribute(value);
    }

    private void closeMedia() {
        if (media == null) {
            return;
        }
        MediaDescription done = media.build();
        if (done.connections().isEmpty() && (sessionSeen & bit('c')) == 0) {
            deviation(SdpCompliance.MISSING_CONNECTION, mediaLineNumber, "c", "",
                    "no c= in this media description nor at session level");
        }
        session.media(done);
        media = null;
    }

    private void requireSessionHeader(int lineNumber) {
        if (session == null) {
            throw new SdpParseException(lineNumber, "o", "", "missing required o= line");
        }
        if (!sawSessionName) {
            throw new SdpParseException(lineNumber, "s", "", "missing required s= line");
        }
        if (session.timingCount() == 0) {
            throw new SdpParseException(lineNumber, "t", "", "missing required t= line");
        }
    }

    SdpParseResult finish(int lastLineNumber) {
        if (!sawVersion) {
            throw new SdpParseException(lastLineNumber, "v", "", "empty description: missing v=0");
        }
        requireSessionHeader(lastLineNumber);
        closeMedia();
        return new SdpParseResult(session.build(), tolerated);
    }

    private static int bit(char type) {
        return 1 << (type - 'a');
    }
}
