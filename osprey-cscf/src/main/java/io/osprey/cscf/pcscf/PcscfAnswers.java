package io.osprey.cscf.pcscf;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import java.util.concurrent.ThreadLocalRandom;

/** Final responses the P-CSCF builds itself: a To tag and a Warning naming why (RFC 3261 §20.43, code 399). */
final class PcscfAnswers {

    private PcscfAnswers() {
    }

    /** A response to {@code request} with a fresh To tag and, when {@code warning} is not null, a Warning. */
    static SipResponse.Builder response(SipRequest request, int code, String reason, String warnAgent,
                                        String warning) {
        SipResponse.Builder response = SipResponse.forRequest(request, code, reason)
                .toTag(Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
        if (warning != null) {
            response.add("Warning", "399 " + warnAgent + " \"" + warnText(warning) + "\"");
        }
        return response;
    }

    /** The text as a quoted-string's content: no quotes, backslashes or control characters. */
    private static String warnText(String warning) {
        StringBuilder out = new StringBuilder(warning.length());
        for (int i = 0; i < warning.length(); i++) {
            char c = warning.charAt(i);
            out.append(c == '"' ? '\'' : c == '\\' || c < 0x20 || c == 0x7F ? ' ' : c);
        }
        return out.toString();
    }
}
