package io.osprey.cscf.sip;

import io.osprey.cscf.cx.CxOverloadException;
import io.osprey.cscf.cx.CxResult;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.peer.DiameterRequestException;
import io.osprey.diameter.peer.DiameterTimeoutException;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.RoutingDecision;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * The SIP answer of an I- or S-CSCF whose Cx query to the HSS could not be completed, each with a Warning (RFC 3261
 * §20.43, code 399) that names the HSS's realm and the command:
 * <ul>
 *   <li>no answer within the Diameter request timeout: 504 Server Time-out, the code for "did not receive a timely
 *       response from an external server it accessed" (RFC 3261 §21.5.5); TS 24.229 §5.4.1.2 names no code for an
 *       S-CSCF that cannot reach the HSS. The I-CSCF's UAR is the one exception: TS 24.229 §5.3.1.2 says a
 *       registration status query that "cannot be completed, e.g. due to timeout" is answered 480 (Temporarily
 *       Unavailable), as Kamailio's ims_icscf does, so its caller passes 480;</li>
 *   <li>the HSS cannot take the request: no connection or route to it (3002 DIAMETER_UNABLE_TO_DELIVER,
 *       3003 DIAMETER_REALM_NOT_SERVED), the HSS or the node answering 3004 DIAMETER_TOO_BUSY (RFC 6733 §7.1.3), or
 *       this CSCF's own bound on outstanding Cx requests: 503 Service Unavailable with Retry-After (RFC 3261
 *       §21.5.4), so the client waits, and an I-CSCF may try another S-CSCF (TS 24.229 §5.3.1.3);</li>
 *   <li>anything else (an unreadable answer): 500 Server Internal Error.</li>
 * </ul>
 */
public final class HssTrouble {

    private final String host;
    private final Duration retryAfter;

    /**
     * @param host       this CSCF's host, the Warning's agent
     * @param retryAfter Retry-After of the 503s
     */
    public HssTrouble(String host, Duration retryAfter) {
        this.host = host;
        this.retryAfter = retryAfter;
    }

    /** The answer to {@code request} when {@code command} to the HSS of {@code realm} failed with {@code failure}. */
    public RoutingDecision failed(SipRequest request, String command, String realm, Throwable failure) {
        return failed(request, command, realm, failure, 504, "Server Time-out");
    }

    /** As {@link #failed(SipRequest, String, String, Throwable)}, answering a time-out with {@code timeoutCode}. */
    public RoutingDecision failed(SipRequest request, String command, String realm, Throwable failure,
                                  int timeoutCode, String timeoutReason) {
        Throwable cause = unwrap(failure);
        String hss = "the HSS of " + realm;
        if (cause instanceof DiameterTimeoutException || cause instanceof TimeoutException) {
            return answer(request, timeoutCode, timeoutReason, "no answer from " + hss + " to " + command + " in time",
                    false);
        }
        if (cause instanceof CxOverloadException) {
            return answer(request, 503, "Service Unavailable", "too many requests wait for " + hss, true);
        }
        if (cause instanceof DiameterRequestException refused) {
            long code = refused.resultCode().code() & 0xFFFF_FFFFL;
            if (code == ResultCodes.DIAMETER_TOO_BUSY.code()) {
                return busy(request, command, realm);
            }
            if (code == ResultCodes.DIAMETER_UNABLE_TO_DELIVER.code()
                    || code == ResultCodes.DIAMETER_REALM_NOT_SERVED.code()) {
                return answer(request, 503, "Service Unavailable", hss + " cannot be reached for " + command, true);
            }
        }
        return answer(request, 500, "Server Internal Error", command + " to " + hss + " failed: "
                + cause.getClass().getSimpleName(), false);
    }

    /** Whether a Cx answer says the HSS is overloaded: Result-Code 3004 DIAMETER_TOO_BUSY (RFC 6733 §7.1.3). */
    public static boolean isBusy(CxResult result) {
        return !result.experimental() && result.resultCode() == ResultCodes.DIAMETER_TOO_BUSY.code();
    }

    /** 503 with Retry-After: {@code waiting} decisions of this CSCF already wait for the HSS, its bound. */
    public RoutingDecision tooManyWaiting(SipRequest request, int waiting) {
        return answer(request, 503, "Service Unavailable", waiting + " requests already wait for the HSS", true);
    }

    /** 503 with Retry-After: the HSS answered {@code command} with 3004 DIAMETER_TOO_BUSY. */
    public RoutingDecision busy(SipRequest request, String command, String realm) {
        return answer(request, 503, "Service Unavailable", "the HSS of " + realm + " is too busy for " + command
                + " (3004)", true);
    }

    private RoutingDecision answer(SipRequest request, int code, String reason, String warning, boolean retry) {
        SipResponse.Builder response = SipResponse.forRequest(request, code, reason)
                .toTag(Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1))
                .add("Warning", "399 " + host + " \"" + warning.replace('"', '\'') + "\"");
        if (retry) {
            response.add("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return new RoutingDecision.Answer(response.build());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
