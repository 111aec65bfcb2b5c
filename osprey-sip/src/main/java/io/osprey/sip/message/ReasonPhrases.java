package io.osprey.sip.message;

/**
 * Default reason phrases for SIP status codes: RFC 3261 §21 and the codes later RFCs added (3262, 3265, 3329,
 * 3891, 3903, 4028, 4412, 4474, 5079, 5360, 5393, 5626, 6086, 8197, 8599, 8688).
 */
public final class ReasonPhrases {

    private static final String[] PHRASES = new String[700];

    static {
        put(100, "Trying");
        put(180, "Ringing");
        put(181, "Call Is Being Forwarded");
        put(182, "Queued");
        put(183, "Session Progress");
        put(199, "Early Dialog Terminated");
        put(200, "OK");
        put(202, "Accepted");
        put(204, "No Notification");
        put(300, "Multiple Choices");
        put(301, "Moved Permanently");
        put(302, "Moved Temporarily");
        put(305, "Use Proxy");
        put(380, "Alternative Service");
        put(400, "Bad Request");
        put(401, "Unauthorized");
        put(402, "Payment Required");
        put(403, "Forbidden");
        put(404, "Not Found");
        put(405, "Method Not Allowed");
        put(406, "Not Acceptable");
        put(407, "Proxy Authentication Required");
        put(408, "Request Timeout");
        put(410, "Gone");
        put(412, "Conditional Request Failed");
        put(413, "Request Entity Too Large");
        put(414, "Request-URI Too Long");
        put(415, "Unsupported Media Type");
        put(416, "Unsupported URI Scheme");
        put(417, "Unknown Resource-Priority");
        put(420, "Bad Extension");
        put(421, "Extension Required");
        put(422, "Session Interval Too Small");
        put(423, "Interval Too Brief");
        put(424, "Bad Location Information");
        put(428, "Use Identity Header");
        put(429, "Provide Referrer Identity");
        put(430, "Flow Failed");
        put(433, "Anonymity Disallowed");
        put(436, "Bad Identity-Info");
        put(437, "Unsupported Certificate");
        put(438, "Invalid Identity Header");
        put(439, "First Hop Lacks Outbound Support");
        put(440, "Max-Breadth Exceeded");
        put(469, "Bad Info Package");
        put(470, "Consent Needed");
        put(480, "Temporarily Unavailable");
        put(481, "Call/Transaction Does Not Exist");
        put(482, "Loop Detected");
        put(483, "Too Many Hops");
        put(484, "Address Incomplete");
        put(485, "Ambiguous");
        put(486, "Busy Here");
        put(487, "Request Terminated");
        put(488, "Not Acceptable Here");
        put(489, "Bad Event");
        put(491, "Request Pending");
        put(493, "Undecipherable");
        put(494, "Security Agreement Required");
        put(500, "Server Internal Error");
        put(501, "Not Implemented");
        put(502, "Bad Gateway");
        put(503, "Service Unavailable");
        put(504, "Server Time-out");
        put(505, "Version Not Supported");
        put(513, "Message Too Large");
        put(555, "Push Notification Service Not Supported");
        put(580, "Precondition Failure");
        put(600, "Busy Everywhere");
        put(603, "Decline");
        put(604, "Does Not Exist Anywhere");
        put(606, "Not Acceptable");
        put(607, "Unwanted");
        put(608, "Rejected");
    }

    private ReasonPhrases() {
    }

    private static void put(int code, String phrase) {
        PHRASES[code] = phrase;
    }

    /**
     * The phrase for {@code code}; for an unlisted code in 100-699 the phrase of its class (x00), so that an
     * unknown 4xx reads "Bad Request"; "" outside that range.
     */
    public static String of(int code) {
        if (code < 100 || code > 699) {
            return "";
        }
        String phrase = PHRASES[code];
        return phrase != null ? phrase : PHRASES[code / 100 * 100];
    }
}
