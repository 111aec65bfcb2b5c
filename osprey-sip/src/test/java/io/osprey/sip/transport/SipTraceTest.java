package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipTraceTest {

    private static SipMessage invite(String from, String to, String callId) {
        String text = "INVITE sip:" + to + "@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + from + "@example.com>;tag=1\r\n"
                + "To: <" + (to.startsWith("+") ? "tel:" + to : "sip:" + to + "@example.com") + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n";
        return new SipMessageDecoder().decode(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tracesNothingUntilSwitchedOn() {
        SipTrace trace = new SipTrace();
        assertThat(trace.matches(invite("alice", "bob", "c1"))).isFalse();
        trace.traceAll(true);
        assertThat(trace.matches(invite("alice", "bob", "c1"))).isTrue();
        trace.clear();
        assertThat(trace.matches(invite("alice", "bob", "c1"))).isFalse();
    }

    @Test
    void tracesChosenUsersOnEitherSideAndChosenCalls() {
        SipTrace trace = new SipTrace();
        trace.traceUser("bob");
        trace.traceUser("+15551230001");
        trace.traceCallId("watched@host");
        assertThat(trace.matches(invite("alice", "bob", "c1"))).as("bob as callee").isTrue();
        assertThat(trace.matches(invite("bob", "carol", "c2"))).as("bob as caller").isTrue();
        assertThat(trace.matches(invite("alice", "+15551230001", "c3"))).as("tel URI number").isTrue();
        assertThat(trace.matches(invite("alice", "carol", "watched@host"))).as("Call-ID").isTrue();
        assertThat(trace.matches(invite("alice", "carol", "c4"))).isFalse();

        trace.untraceUser("bob");
        assertThat(trace.matches(invite("alice", "bob", "c1"))).isFalse();
        assertThat(trace.users()).containsExactly("+15551230001");
    }
}
