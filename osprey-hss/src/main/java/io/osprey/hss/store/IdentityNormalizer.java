package io.osprey.hss.store;

import io.osprey.hss.model.Impu;
import java.util.Locale;

/**
 * The hook that maps a public identity to the form the store keys it by, applied on every write and lookup.
 * The {@link #DEFAULT} lower-cases the URI scheme and removes RFC 3966 §5.1.1 visual separators
 * ({@code - . ( )}) from the number of a tel URI, so {@code TEL:+1-555-0100} and {@code tel:+15550100} are the
 * same identity. Deployments can plug in more (e.g. mapping {@code sip:+1…;user=phone} to tel, or national
 * to international numbers).
 */
@FunctionalInterface
public interface IdentityNormalizer {

    /** Lower-case scheme; tel numbers without visual separators. */
    IdentityNormalizer DEFAULT = IdentityNormalizer::standard;

    /** Leaves identities exactly as given. */
    IdentityNormalizer NONE = impu -> impu;

    Impu normalize(Impu impu);

    private static Impu standard(Impu impu) {
        String uri = impu.uri();
        int colon = uri.indexOf(':');
        String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = uri.substring(colon + 1);
        if (scheme.equals("tel")) {
            int semicolon = rest.indexOf(';');
            String number = semicolon < 0 ? rest : rest.substring(0, semicolon);
            StringBuilder digits = new StringBuilder(number.length());
            for (int i = 0; i < number.length(); i++) {
                char c = number.charAt(i);
                if (c != '-' && c != '.' && c != '(' && c != ')') {
                    digits.append(c);
                }
            }
            rest = digits + (semicolon < 0 ? "" : rest.substring(semicolon));
        }
        String normalized = scheme + ":" + rest;
        return normalized.equals(uri) ? impu : new Impu(normalized);
    }
}
