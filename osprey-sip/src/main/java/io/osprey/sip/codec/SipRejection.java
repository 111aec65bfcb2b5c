package io.osprey.sip.codec;

import io.osprey.sip.message.HeaderValues;
import io.osprey.sip.message.SipHeader;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.SipSyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * A request the {@link SipRequestValidator} refuses: the status to answer, the Warning text naming the fault
 * (RFC 3261 §20.43) and header fields the answer must carry ({@code Unsupported} for 420, {@code Accept} for
 * 415, {@code Allow} for 405).
 *
 * @param statusCode   status of the answer
 * @param warningText  text of a 399 Warning, or null for none
 * @param extraHeaders fields to add to the answer
 */
public record SipRejection(int statusCode, String warningText, List<SipHeader> extraHeaders) {

    public SipRejection {
        Objects.requireNonNull(extraHeaders, "extraHeaders");
        extraHeaders = List.copyOf(extraHeaders);
    }

    static SipRejection of(int statusCode, String warningText) {
        return new SipRejection(statusCode, warningText, List.of());
    }

    static SipRejection of(int statusCode, String warningText, String header, String value) {
        return new SipRejection(statusCode, warningText, List.of(SipHeader.of(header, value)));
    }

    /**
     * The answer to {@code request} per RFC 3261 §8.2.6, with Warning and extra fields, and {@code toTag} added
     * to To when there is a readable, untagged To.
     */
    public SipResponse toResponse(SipRequest request, String warnAgent, String toTag) {
        SipResponse.Builder b = SipResponse.forRequest(request, statusCode, null);
        extraHeaders.forEach(b::add);
        if (warningText != null) {
            b.add("Warning", "399 " + warnAgent + " " + HeaderValues.quote(warningText));
        }
        if (toTag != null && request.headerLines(SipHeaderName.TO) == 1) {
            try {
                b.toTag(toTag);
            } catch (SipSyntaxException unreadableTo) {
                // echoed as received, untagged
            }
        }
        return b.build();
    }
}
