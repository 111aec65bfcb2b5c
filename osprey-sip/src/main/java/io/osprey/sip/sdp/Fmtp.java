package io.osprey.sip.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code a=fmtp:<format> <format specific parameters>} attribute (RFC 8866 §6.15). The parameters are kept
 * as written; {@link #parameter} reads the common {@code name=value; name=value} layout used by AMR
 * (RFC 4867), H.264 and telephone-event ({@code 0-15}, a bare value).
 */
public record Fmtp(String format, String parameters) {

    public static final String ATTRIBUTE = "fmtp";

    public Fmtp {
        SdpSyntax.requireWord("fmtp format", format);
        SdpSyntax.requireText("fmtp parameters", parameters);
    }

    public static Fmtp parse(String value) {
        int space = value.indexOf(' ');
        if (space <= 0 || space == value.length() - 1) {
            throw new IllegalArgumentException("fmtp value '" + value + "' lacks '<format> <parameters>'");
        }
        return new Fmtp(value.substring(0, space), value.substring(space + 1));
    }

    /** As {@link #parse}, but null instead of an exception for a malformed value. */
    public static Fmtp tryParse(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The {@code ;}-separated parameters as name to value, names lower-cased, surrounding spaces removed; a
     * parameter without {@code =} maps to the empty string.
     */
    public Map<String, String> parameterMap() {
        Map<String, String> map = new LinkedHashMap<>();
        int start = 0;
        while (start <= parameters.length()) {
            int end = parameters.indexOf(';', start);
            if (end < 0) {
                end = parameters.length();
            }
            String item = parameters.substring(start, end).trim();
            if (!item.isEmpty()) {
                int eq = item.indexOf('=');
                String name = (eq < 0 ? item : item.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                map.putIfAbsent(name, eq < 0 ? "" : item.substring(eq + 1).trim());
            }
            start = end + 1;
        }
        return Collections.unmodifiableMap(map);
    }

    /** One parameter's value (name case-insensitive), or null when absent. */
    public String parameter(String name) {
        return parameterMap().get(name.toLowerCase(Locale.ROOT));
    }

    public Attribute toAttribute() {
        return Attribute.of(ATTRIBUTE, format + ' ' + parameters);
    }
}
