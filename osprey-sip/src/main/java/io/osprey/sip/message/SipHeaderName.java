package io.osprey.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Header fields this stack knows by name (RFC 3261 §20 and the extensions IMS uses), with their compact forms
 * (RFC 3261 §7.3.3, RFC 3265, 3515, 3841, 3892, 4028, 4474) and how their values combine:
 * {@link Kind#LIST} headers may carry comma-separated values (§7.3.1); {@link Kind#SINGLE} ones must occur once;
 * {@link Kind#OTHER} ones may repeat but their values contain commas of their own (credentials, dates, products).
 *
 * <p>Look-ups by name ignore case, go through a precomputed open-addressing table, and allocate nothing.
 */
public enum SipHeaderName {
    ACCEPT("Accept", Kind.LIST),
    ACCEPT_CONTACT("Accept-Contact", 'a', Kind.LIST),
    ACCEPT_ENCODING("Accept-Encoding", Kind.LIST),
    ACCEPT_LANGUAGE("Accept-Language", Kind.LIST),
    ACCEPT_RESOURCE_PRIORITY("Accept-Resource-Priority", Kind.LIST),
    ALERT_INFO("Alert-Info", Kind.LIST),
    ALLOW("Allow", Kind.LIST),
    ALLOW_EVENTS("Allow-Events", 'u', Kind.LIST),
    AUTHENTICATION_INFO("Authentication-Info", Kind.OTHER),
    AUTHORIZATION("Authorization", Kind.OTHER),
    CALL_ID("Call-ID", 'i', Kind.SINGLE),
    CALL_INFO("Call-Info", Kind.LIST),
    CONTACT("Contact", 'm', Kind.LIST),
    CONTENT_DISPOSITION("Content-Disposition", Kind.OTHER),
    CONTENT_ENCODING("Content-Encoding", 'e', Kind.LIST),
    CONTENT_LANGUAGE("Content-Language", Kind.LIST),
    CONTENT_LENGTH("Content-Length", 'l', Kind.SINGLE),
    CONTENT_TYPE("Content-Type", 'c', Kind.SINGLE),
    CSEQ("CSeq", Kind.SINGLE),
    DATE("Date", Kind.OTHER),
    ERROR_INFO("Error-Info", Kind.LIST),
    EVENT("Event", 'o', Kind.SINGLE),
    EXPIRES("Expires", Kind.SINGLE),
    FEATURE_CAPS("Feature-Caps", Kind.LIST),
    FLOW_TIMER("Flow-Timer", Kind.OTHER),
    FROM("From", 'f', Kind.SINGLE),
    GEOLOCATION("Geolocation", Kind.LIST),
    HISTORY_INFO("History-Info", Kind.LIST),
    IDENTITY("Identity", 'y', Kind.OTHER),
    IDENTITY_INFO("Identity-Info", 'n', Kind.OTHER),
    IN_REPLY_TO("In-Reply-To", Kind.LIST),
    INFO_PACKAGE("Info-Package", Kind.OTHER),
    JOIN("Join", Kind.OTHER),
    MAX_FORWARDS("Max-Forwards", Kind.SINGLE),
    MIME_VERSION("MIME-Version", Kind.OTHER),
    MIN_EXPIRES("Min-Expires", Kind.SINGLE),
    MIN_SE("Min-SE", Kind.OTHER),
    ORGANIZATION("Organization", Kind.OTHER),
    P_ACCESS_NETWORK_INFO("P-Access-Network-Info", Kind.LIST),
    P_ASSERTED_IDENTITY("P-Asserted-Identity", Kind.LIST),
    P_ASSERTED_SERVICE("P-Asserted-Service", Kind.LIST),
    P_ASSOCIATED_URI("P-Associated-URI", Kind.LIST),
    P_CALLED_PARTY_ID("P-Called-Party-ID", Kind.OTHER),
    P_CHARGING_FUNCTION_ADDRESSES("P-Charging-Function-Addresses", Kind.OTHER),
    P_CHARGING_VECTOR("P-Charging-Vector", Kind.OTHER),
    P_EARLY_MEDIA("P-Early-Media", Kind.LIST),
    P_PREFERRED_IDENTITY("P-Preferred-Identity", Kind.LIST),
    P_PREFERRED_SERVICE("P-Preferred-Service", Kind.LIST),
    P_SERVED_USER("P-Served-User", Kind.OTHER),
    P_VISITED_NETWORK_ID("P-Visited-Network-ID", Kind.LIST),
    PATH("Path", Kind.LIST),
    PRIORITY("Priority", Kind.OTHER),
    PRIVACY("Privacy", Kind.OTHER),
    PROXY_AUTHENTICATE("Proxy-Authenticate", Kind.OTHER),
    PROXY_AUTHORIZATION("Proxy-Authorization", Kind.OTHER),
    PROXY_REQUIRE("Proxy-Require", Kind.LIST),
    RACK("RAck", Kind.SINGLE),
    REASON("Reason", Kind.LIST),
    RECORD_ROUTE("Record-Route", Kind.LIST),
    RECV_INFO("Recv-Info", Kind.LIST),
    REFER_SUB("Refer-Sub", Kind.OTHER),
    REFER_TO("Refer-To", 'r', Kind.SINGLE),
    REFERRED_BY("Referred-By", 'b', Kind.OTHER),
    REJECT_CONTACT("Reject-Contact", 'j', Kind.LIST),
    REPLACES("Replaces", Kind.SINGLE),
    REPLY_TO("Reply-To", Kind.OTHER),
    REQUEST_DISPOSITION("Request-Disposition", 'd', Kind.LIST),
    REQUIRE("Require", Kind.LIST),
    RETRY_AFTER("Retry-After", Kind.OTHER),
    ROUTE("Route", Kind.LIST),
    RSEQ("RSeq", Kind.SINGLE),
    SECURITY_CLIENT("Security-Client", Kind.LIST),
    SECURITY_SERVER("Security-Server", Kind.LIST),
    SECURITY_VERIFY("Security-Verify", Kind.LIST),
    SERVER("Server", Kind.OTHER),
    SERVICE_ROUTE("Service-Route", Kind.LIST),
    SESSION_EXPIRES("Session-Expires", 'x', Kind.SINGLE),
    SESSION_ID("Session-ID", Kind.OTHER),
    SIP_ETAG("SIP-ETag", Kind.OTHER),
    SIP_IF_MATCH("SIP-If-Match", Kind.OTHER),
    SUBJECT("Subject", 's', Kind.OTHER),
    SUBSCRIPTION_STATE("Subscription-State", Kind.SINGLE),
    SUPPORTED("Supported", 'k', Kind.LIST),
    TARGET_DIALOG("Target-Dialog", Kind.OTHER),
    TIMESTAMP("Timestamp", Kind.OTHER),
    TO("To", 't', Kind.SINGLE),
    UNSUPPORTED("Unsupported", Kind.LIST),
    USER_AGENT("User-Agent", Kind.OTHER),
    VIA("Via", 'v', Kind.LIST),
    WARNING("Warning", Kind.LIST),
    WWW_AUTHENTICATE("WWW-Authenticate", Kind.OTHER);

    /** How the values of a header combine. */
    public enum Kind {
        /** Comma-separated list; several lines are equivalent to one joined by commas (RFC 3261 §7.3.1). */
        LIST,
        /** Exactly one value; a second occurrence makes the message invalid. */
        SINGLE,
        /** May occur more than once, but values are not split on commas. */
        OTHER
    }

    private static final int TABLE_SIZE = 512;
    private static final SipHeaderName[] TABLE = new SipHeaderName[TABLE_SIZE];
    private static final byte[][] KEYS = new byte[TABLE_SIZE][];

    static {
        for (SipHeaderName h : values()) {
            put(h.canonical.toLowerCase(Locale.ROOT), h);
            if (h.compact != 0) {
                put(String.valueOf(h.compact), h);
            }
        }
    }

    private final String canonical;
    private final char compact;
    private final Kind kind;

    SipHeaderName(String canonical, Kind kind) {
        this(canonical, (char) 0, kind);
    }

    SipHeaderName(String canonical, char compact, Kind kind) {
        this.canonical = canonical;
        this.compact = compact;
        this.kind = kind;
    }

    private static void put(String lowerKey, SipHeaderName h) {
        byte[] key = lowerKey.getBytes(StandardCharsets.US_ASCII);
        int len = key.length;
        int i = hash(len, key[0], key[len - 1], key[len / 2], key[(len - 1) / 3]);
        while (TABLE[i] != null) {
            i = (i + 1) & (TABLE_SIZE - 1);
        }
        TABLE[i] = h;
        KEYS[i] = key;
    }

    /** The long form as RFC-defined: "Call-ID", "CSeq", "WWW-Authenticate". */
    public String canonical() {
        return canonical;
    }

    /** The compact form letter, or 0 when there is none. */
    public char compact() {
        return compact;
    }

    /** How values combine. */
    public Kind kind() {
        return kind;
    }

    /** Whether values may be comma-separated lists. */
    public boolean isList() {
        return kind == Kind.LIST;
    }

    /**
     * The known header named by token bytes {@code b[off, off+len)} in any case, long or compact form; null for an
     * extension header. The bytes must be token characters (RFC 3261 §25.1).
     */
    public static SipHeaderName lookup(byte[] b, int off, int len) {
        if (len == 0) {
            return null;
        }
        int i = hash(len, b[off], b[off + len - 1], b[off + len / 2], b[off + (len - 1) / 3]);
        for (byte[] key = KEYS[i]; key != null; i = (i + 1) & (TABLE_SIZE - 1), key = KEYS[i]) {
            if (key.length == len && matches(key, b, off)) {
                return TABLE[i];
            }
        }
        return null;
    }

    /** The known header called {@code name} in any case, long or compact form; null for an extension header. */
    public static SipHeaderName lookup(CharSequence name) {
        int len = name.length();
        if (len == 0) {
            return null;
        }
        for (int k = 0; k < len; k++) {
            char c = name.charAt(k);
            if (c <= ' ' || c > '~') {
                return null;
            }
        }
        int i = hash(len, name.charAt(0), name.charAt(len - 1), name.charAt(len / 2), name.charAt((len - 1) / 3));
        for (byte[] key = KEYS[i]; key != null; i = (i + 1) & (TABLE_SIZE - 1), key = KEYS[i]) {
            if (key.length == len && matches(key, name)) {
                return TABLE[i];
            }
        }
        return null;
    }

    private static boolean matches(byte[] key, byte[] b, int off) {
        for (int k = 0; k < key.length; k++) {
            if ((b[off + k] | 0x20) != key[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] key, CharSequence name) {
        for (int k = 0; k < key.length; k++) {
            if ((name.charAt(k) | 0x20) != key[k]) {
                return false;
            }
        }
        return true;
    }

    /** Hashes the length and four characters, case folded: cheap, and collision-light for the names above. */
    private static int hash(int len, int first, int last, int mid, int third) {
        int h = (len << 16) ^ ((first | 0x20) << 8) ^ (last | 0x20) ^ ((mid | 0x20) << 4) ^ ((third | 0x20) << 11);
        return (h * 0x9E3779B1) >>> 23;
    }
}
