package io.osprey.sip.transport;

import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import java.nio.charset.StandardCharsets;

/** SIP messages for tests, written as text with {@code \n} line ends and decoded by the real decoder. */
public final class SipText {

    private SipText() {
    }

    /** The wire octets of {@code text}, each {@code \n} turned into CRLF. */
    public static byte[] wire(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static SipMessage decode(String text) {
        return new SipMessageDecoder().decode(wire(text));
    }

    /** A request of {@code method} with {@code via} as its only Via, and an untagged To. */
    public static SipRequest request(String method, String via, String callId) {
        return (SipRequest) decode(requestText(method, via, callId, "", ""));
    }

    /**
     * The text of a request with {@code via} as its only Via; {@code toTag} empty for none; {@code extraHeaders}
     * lines (each ending in {@code \n}) go before Content-Length.
     */
    public static String requestText(String method, String via, String callId, String toTag, String extraHeaders) {
        return method + " sip:bob@example.com SIP/2.0\n"
                + "Via: " + via + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:alice@example.com>;tag=a1\n"
                + "To: <sip:bob@example.com>" + (toTag.isEmpty() ? "" : ";tag=" + toTag) + "\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: 1 " + method + "\n"
                + extraHeaders
                + "Content-Length: 0\n\n";
    }
}
