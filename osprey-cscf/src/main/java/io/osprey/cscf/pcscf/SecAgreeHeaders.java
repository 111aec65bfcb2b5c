package io.osprey.cscf.pcscf;

import io.osprey.sip.message.SipRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 3329 header fields as the P-CSCF treats them on requests it forwards: security agreement is hop by hop
 * between UE and P-CSCF, so Security-Client and Security-Verify go no further and the {@code sec-agree} option tag
 * is taken out of Require and Proxy-Require (TS 24.229 §5.2.2.1, §5.2.6.3.1), the field removed when nothing is left.
 */
final class SecAgreeHeaders {

    static final String OPTION_TAG = "sec-agree";

    private SecAgreeHeaders() {
    }

    /** Whether {@code request} lists {@code sec-agree} in Require or Proxy-Require. */
    static boolean requiresSecAgree(SipRequest request) {
        return lists(request.headers("Require")) || lists(request.headers("Proxy-Require"));
    }

    private static boolean lists(List<String> tags) {
        for (String tag : tags) {
            if (tag.strip().equalsIgnoreCase(OPTION_TAG)) {
                return true;
            }
        }
        return false;
    }

    /** {@code request} without the security agreement fields and option tags; itself when it has none. */
    static SipRequest strip(SipRequest request) {
        boolean client = request.hasHeader("Security-Client");
        boolean verify = request.hasHeader("Security-Verify");
        List<String> require = request.headers("Require");
        List<String> proxyRequire = request.headers("Proxy-Require");
        boolean tags = lists(require) || lists(proxyRequire);
        if (!client && !verify && !tags) {
            return request;
        }
        SipRequest.Builder out = request.toBuilder().remove("Security-Client").remove("Security-Verify");
        if (tags) {
            withoutTag(out, "Require", require);
            withoutTag(out, "Proxy-Require", proxyRequire);
        }
        return out.build();
    }

    private static void withoutTag(SipRequest.Builder out, String name, List<String> tags) {
        if (!lists(tags)) {
            return;
        }
        List<String> kept = new ArrayList<>(tags.size());
        for (String tag : tags) {
            if (!tag.strip().equalsIgnoreCase(OPTION_TAG) && !tag.isBlank()) {
                kept.add(tag.strip());
            }
        }
        out.remove(name);
        if (!kept.isEmpty()) {
            out.add(name, String.join(", ", kept));
        }
    }
}
