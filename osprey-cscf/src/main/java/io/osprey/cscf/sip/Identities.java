package io.osprey.cscf.sip;

import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.TelUri;
import io.osprey.sip.uri.Uri;
import java.util.Locale;

/**
 * Canonical text of public identities, so that the identity in a To header, a Request-URI, a P-Asserted-Identity and
 * the HSS's user data compare equal: scheme, user and host of a SIP URI (host in lower case, no port, parameters or
 * headers except {@code user=phone}, TS 23.003 §13.4), the number of a tel URI (RFC 3966, visual separators removed).
 */
public final class Identities {

    private Identities() {
    }

    /** The canonical public identity for {@code uri}, or null for a URI that cannot be one (no user part). */
    public static String publicIdentity(Uri uri) {
        if (uri instanceof SipUri sip) {
            if (sip.user() == null) {
                return null;
            }
            return sip.scheme() + ":" + sip.user() + "@" + sip.host().toLowerCase(Locale.ROOT);
        }
        if (uri instanceof TelUri tel) {
            return "tel:" + tel.digits();
        }
        return null;
    }

    /** Canonical form of an identity given as text (as in the HSS's XML); the text itself when it is no URI. */
    public static String publicIdentity(String text) {
        try {
            String canonical = publicIdentity(io.osprey.sip.uri.UriParser.parse(text.trim()));
            return canonical != null ? canonical : text.trim();
        } catch (RuntimeException e) {
            return text.trim();
        }
    }

    /** The private identity a UE without an ISIM would use for {@code impu}: user@host (TS 33.203 Annex E). */
    public static String derivedPrivateIdentity(Uri impu) {
        if (impu instanceof SipUri sip && sip.user() != null) {
            return sip.user() + "@" + sip.host().toLowerCase(Locale.ROOT);
        }
        return null;
    }
}
