package io.osprey.sip.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the value of each line type into the model (RFC 8866 §5 and the grammar of §9) and checks the syntax
 * of the well-known attributes. Model constructors reject what is structurally impossible; this class adds
 * the stricter wire rules and reports tolerated deviations to its {@link SdpReader}.
 */
final class SdpFields {

    private final SdpReader reader;
    private int lineNumber;

    SdpFields(SdpReader reader) {
        this.reader = reader;
    }

    /** Sets the line number that tolerated deviations are reported with. */
    void startLine(int line) {
        lineNumber = line;
    }

    Origin origin(String value) {
        String[] f = split("o", value, 6, 6);
        return new Origin(f[0], f[1], f[2], SdpSyntax.requireToken("nettype", f[3]),
                SdpSyntax.requireToken("addrtype", f[4]), f[5]);
    }

    Connection connection(String value) {
        String[] f = split("c", value, 3, 3);
        return new Connection(SdpSyntax.requireToken("nettype", f[0]), SdpSyntax.requireToken("addrtype", f[1]), f[2]);
    }

    Bandwidth bandwidth(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected '<bwtype>:<bandwidth>'");
        }
        String amount = value.substring(colon + 1);
        if (!SdpSyntax.isDigits(amount) || amount.length() > 18) {
            throw new IllegalArgumentException("bandwidth must be at most 18 decimal digits");
        }
        return new Bandwidth(value.substring(0, colon), Long.parseLong(amount));
    }

    Timing timing(String value) {
        String[] f = split("t", value, 2, 2);
        return new Timing(f[0], f[1], List.of());
    }

    String text(String field, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + "= must not be empty");
        }
        return value;
    }

    MediaDescription.Builder media(String value) {
        String[] f = split("m", value, 4, Integer.MAX_VALUE);
        String port = f[1];
        int portCount = 0;
        int slash = port.indexOf('/');
        if (slash >= 0) {
            portCount = RtpMap.smallNumber("number of ports", port.substring(slash + 1), 65535);
            if (portCount == 0) {
                throw new IllegalArgumentException("number of ports must be at least 1");
            }
            port = port.substring(0, slash);
        }
        MediaDescription.Builder builder = MediaDescription.builder(SdpSyntax.requireToken("media", f[0]),
                RtpMap.smallNumber("port", port, 65535), f[2]).portCount(portCount);
        for (int i = 3; i < f.length; i++) {
            builder.format(f[i]);
        }
        return builder;
    }

    Attribute attribute(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? null : text.substring(colon + 1);
        Attribute attribute = new Attribute(name, value);
        if (value != null && value.isEmpty()) {
            reader.deviation(SdpCompliance.MALFORMED_ATTRIBUTE, lineNumber, name, text, "empty attribute value");
            return attribute;
        }
        String problem = wellKnownProblem(name, value);
        if (problem != null) {
            reader.deviation(SdpCompliance.MALFORMED_ATTRIBUTE, lineNumber, name, text, problem);
        }
        return attribute;
    }

    /** What is wrong with a well-known attribute's value, or null if it is fine or not well known. */
    private static String wellKnownProblem(String name, String value) {
        try {
            switch (name) {
                case "rtpmap" -> RtpMap.parse(required(value));
                case "fmtp" -> Fmtp.parse(required(value));
                case "rtcp" -> Rtcp.parse(required(value));
                case "curr", "des", "conf" -> Precondition.parse(name, required(value));
                case "ptime", "maxptime" -> {
                    if (!isPositiveNumber(required(value))) {
                        return "must be a positive number of milliseconds";
                    }
                }
                case "mid" -> required(value);
                case "sendrecv", "sendonly", "recvonly", "inactive", "rtcp-mux" -> {
                    if (value != null) {
                        return "is a property attribute and takes no value";
                    }
                }
                default -> {
                    return null;
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String required(String value) {
        if (value == null) {
            throw new IllegalArgumentException("needs a value");
        }
        return value;
    }

    private static boolean isPositiveNumber(String value) {
        int dot = value.indexOf('.');
        String whole = dot < 0 ? value : value.substring(0, dot);
        boolean fractionOk = dot < 0 || SdpSyntax.isDigits(value.substring(dot + 1));
        return SdpSyntax.isDigits(whole) && fractionOk && value.chars().anyMatch(c -> c >= '1' && c <= '9');
    }

    /**
     * Splits a space-separated value. Strict: exactly one space between fields. Lenient: runs of spaces and
     * leading or trailing spaces are tolerated and counted.
     */
    private String[] split(String field, String value, int min, int max) {
        List<String> parts = new ArrayList<>();
        boolean extraSpace = false;
        int start = 0;
        while (start <= value.length()) {
            int space = value.indexOf(' ', start);
            int end = space < 0 ? value.length() : space;
            if (end == start) {
                extraSpace = true;
            } else {
                parts.add(value.substring(start, end));
            }
            if (space < 0) {
                break;
            }
            start = space + 1;
        }
        if (extraSpace) {
            reader.deviation(SdpCompliance.EXTRA_WHITESPACE, lineNumber, field, value,
                    "fields must be separated by exactly one space");
        }
        if (parts.size() < min || parts.size() > max) {
            throw new IllegalArgumentException("expected " + (min == max ? Integer.toString(min) : "at least " + min)
                    + " space-separated fields, found " + parts.size());
        }
        return parts.toArray(new String[0]);
    }
}
