package io.osprey.sip.sdp;

import java.util.List;

/**
 * One time description (RFC 8866 §5.9, §5.10): a {@code t=} line with its {@code r=} repeat lines. Times are the
 * decimal NTP seconds as written; {@code 0 0} means a permanent session, the usual value in SIP.
 */
public record Timing(String startTime, String stopTime, List<String> repeats) {

    /** {@code t=0 0}. */
    public static final Timing PERMANENT = new Timing("0", "0", List.of());

    public Timing {
        SdpSyntax.requireDigits("t= start-time", startTime);
        SdpSyntax.requireDigits("t= stop-time", stopTime);
        repeats = List.copyOf(repeats);
        for (String repeat : repeats) {
            SdpSyntax.requireText("r=", repeat);
        }
    }

    /** The text after {@code t=}. */
    public String value() {
        return startTime + ' ' + stopTime;
    }
}
