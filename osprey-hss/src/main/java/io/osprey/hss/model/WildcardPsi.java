package io.osprey.hss.model;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A wildcarded public service identity (TS 23.003 §13.5, TS 29.228 §6.6.4): a URI with one section delimited
 * by {@code !} that holds a regular expression, e.g. {@code sip:chatroom-!.*!@example.com} matches
 * {@code sip:chatroom-42@example.com}. The text before and after the section must match literally.
 *
 * <p>Used on the lookup path only after an exact match failed; callers should compile each wildcard once
 * ({@link #parse}) and reuse it.
 */
public final class WildcardPsi {

    /** Longest regular expression section accepted. */
    public static final int MAX_REGEX_LENGTH = 255;

    private final String text;
    private final String prefix;
    private final String suffix;
    private final Pattern regex;

    private WildcardPsi(String text, String prefix, String suffix, Pattern regex) {
        this.text = text;
        this.prefix = prefix;
        this.suffix = suffix;
        this.regex = regex;
    }

    /** Whether {@code uri} has a {@code !…!} wildcard section. */
    public static boolean isWildcard(String uri) {
        int first = uri.indexOf('!');
        return first >= 0 && uri.indexOf('!', first + 1) > first;
    }

    /**
     * Parses and compiles a wildcarded PSI.
     *
     * @throws InvalidValueException naming {@code impu} when the section is missing, repeated or not a valid
     *                               regular expression
     */
    public static WildcardPsi parse(Impu impu) {
        String uri = impu.uri();
        int first = uri.indexOf('!');
        int second = first < 0 ? -1 : uri.indexOf('!', first + 1);
        if (second < 0) {
            throw new InvalidValueException("impu", "a wildcarded PSI needs a !regex! section: \"" + uri + "\"");
        }
        if (uri.indexOf('!', second + 1) >= 0) {
            throw new InvalidValueException("impu", "a wildcarded PSI has exactly one !regex! section: \""
                    + uri + "\"");
        }
        String section = uri.substring(first + 1, second);
        if (section.isEmpty() || section.length() > MAX_REGEX_LENGTH) {
            throw new InvalidValueException("impu", "wildcard section must be 1 to " + MAX_REGEX_LENGTH
                    + " characters, was " + section.length());
        }
        try {
            return new WildcardPsi(uri, uri.substring(0, first), uri.substring(second + 1), Pattern.compile(section));
        } catch (PatternSyntaxException e) {
            throw new InvalidValueException("impu", "wildcard section is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    /** Whether {@code candidate} falls under this wildcard. */
    public boolean matches(Impu candidate) {
        String uri = candidate.uri();
        if (uri.length() < prefix.length() + suffix.length() || !uri.startsWith(prefix) || !uri.endsWith(suffix)) {
            return false;
        }
        return regex.matcher(uri.substring(prefix.length(), uri.length() - suffix.length())).matches();
    }

    /** The wildcard as provisioned. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
