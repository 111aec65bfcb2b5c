package io.osprey.hss.model;

/**
 * A public user or service identity (IMPU/PSI), TS 23.228 §4.3.3.2 and §4.3.3.4: a SIP URI (RFC 3261), SIPS
 * URI, or tel URI (RFC 3966). A wildcarded PSI (TS 23.003 §13.5) is a SIP URI whose user part holds a
 * {@code !regex!} section; see {@link WildcardPsi}.
 *
 * <p>The text is kept as given; equivalence rules (tel visual separators and the like) belong to the store's
 * normalisation hook.
 *
 * @param uri the URI, at most {@value #MAX_LENGTH} characters
 */
public record Impu(String uri) implements Comparable<Impu> {

    /** Longest IMPU accepted. */
    public static final int MAX_LENGTH = 512;

    public Impu {
        Checks.token("impu", uri, MAX_LENGTH);
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String rest = uri.substring(colon + 1);
        switch (scheme) {
            case "sip", "sips" -> checkSip(uri, rest);
            case "tel" -> checkTel(uri, rest);
            default -> throw new InvalidValueException("impu",
                    "must be a sip:, sips: or tel: URI, was \"" + uri + "\"");
        }
    }

    /** The URI scheme in lower case: {@code sip}, {@code sips} or {@code tel}. */
    public String scheme() {
        return uri.substring(0, uri.indexOf(':')).toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this is a tel URI. */
    public boolean isTel() {
        return scheme().equals("tel");
    }

    @Override
    public int compareTo(Impu other) {
        return uri.compareTo(other.uri);
    }

    @Override
    public String toString() {
        return uri;
    }

    private static void checkSip(String uri, String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '<' || c == '>' || c == '"') {
                throw new InvalidValueException("impu", "must not contain '" + c + "': \"" + uri + "\"");
            }
        }
        int at = rest.lastIndexOf('@');
        String hostPort = rest.substring(at + 1);
        int end = hostPort.length();
        for (int i = 0; i < hostPort.length(); i++) {
            char c = hostPort.charAt(i);
            if (c == ';' || c == '?' || (c == ':' && !hostPort.startsWith("["))) {
                end = i;
                break;
            }
        }
        if (end == 0 || at == 0) {
            throw new InvalidValueException("impu", "SIP URI has an empty user or host: \"" + uri + "\"");
        }
    }

    private static void checkTel(String uri, String rest) {
        int semicolon = rest.indexOf(';');
        String number = semicolon < 0 ? rest : rest.substring(0, semicolon);
        boolean global = number.startsWith("+");
        int digits = 0;
        for (int i = global ? 1 : 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '-' || c == '.' || c == '(' || c == ')') {
                continue;
            } else if (!global && (Character.digit(c, 16) >= 0 || c == '*' || c == '#')) {
                digits++;
            } else {
                throw new InvalidValueException("impu", "tel URI number has '" + c + "': \"" + uri + "\"");
            }
        }
        if (digits == 0) {
            throw new InvalidValueException("impu", "tel URI has no digits: \"" + uri + "\"");
        }
        if (!global && (semicolon < 0 || !rest.substring(semicolon).contains(";phone-context="))) {
            throw new InvalidValueException("impu",
                    "a local tel URI needs a phone-context parameter (RFC 3966 §5.1.5): \"" + uri + "\"");
        }
    }
}
