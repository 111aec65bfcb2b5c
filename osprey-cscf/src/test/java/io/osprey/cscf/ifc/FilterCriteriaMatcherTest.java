package io.osprey.cscf.ifc;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ProfilePartIndicator;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Trigger point evaluation of TS 29.228 Annex B/C: CNF and DNF, negation, each SPT type, profile part. */
class FilterCriteriaMatcherTest {

    private static final SipRequest INVITE = request("""
            INVITE sip:bob@ims.test SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-1
            Max-Forwards: 70
            From: <sip:alice@ims.test>;tag=a
            To: <sip:bob@ims.test>
            Call-ID: c1
            CSeq: 1 INVITE
            Accept-Contact: *;+g.3gpp.icsi-ref="urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel"
            Content-Type: application/sdp
            Content-Length: 50

            v=0
            c=IN IP4 127.0.0.1
            m=video 4000 RTP/AVP 96
            """);

    private final FilterCriteriaMatcher matcher = new FilterCriteriaMatcher();

    @Test
    void conjunctiveNormalFormNeedsATrueSptInEveryGroup() {
        TriggerPoint inviteAndOriginating = TriggerPoint.cnf(spt(0, new SptCondition.Method("INVITE")),
                spt(1, new SptCondition.InSessionCase(SessionCase.ORIGINATING)));

        assertThat(matcher.matches(inviteAndOriginating, INVITE, SessionCase.ORIGINATING)).isTrue();
        assertThat(matcher.matches(inviteAndOriginating, INVITE, SessionCase.TERMINATING_REGISTERED)).isFalse();
    }

    @Test
    void disjunctiveNormalFormNeedsOneGroupWhollyTrue() {
        TriggerPoint messageOrVideo = TriggerPoint.dnf(spt(0, new SptCondition.Method("MESSAGE")),
                spt(1, new SptCondition.SessionDescription("m", Optional.of("video"))),
                spt(1, new SptCondition.Method("INVITE")));

        assertThat(matcher.matches(messageOrVideo, INVITE, SessionCase.ORIGINATING)).isTrue();
        TriggerPoint messageOrAudio = TriggerPoint.dnf(spt(0, new SptCondition.Method("MESSAGE")),
                spt(1, new SptCondition.SessionDescription("m", Optional.of("audio"))));
        assertThat(matcher.matches(messageOrAudio, INVITE, SessionCase.ORIGINATING)).isFalse();
    }

    @Test
    void negatedSptAndHeaderAndRequestUriPatterns() {
        TriggerPoint notToCarol = TriggerPoint.cnf(spt(0, new SptCondition.RequestUri("carol@")).negate(),
                spt(1, new SptCondition.SipHeader("Accept-Contact", Optional.of("mmtel"))));
        assertThat(matcher.matches(notToCarol, INVITE, SessionCase.ORIGINATING)).isTrue();

        TriggerPoint toBob = TriggerPoint.cnf(spt(0, new SptCondition.RequestUri("^sip:bob@")));
        assertThat(matcher.matches(toBob, INVITE, SessionCase.ORIGINATING)).isTrue();

        TriggerPoint withPriority = TriggerPoint.cnf(spt(0, new SptCondition.SipHeader("Priority", Optional.empty())));
        assertThat(matcher.matches(withPriority, INVITE, SessionCase.ORIGINATING)).as("header absent").isFalse();
    }

    @Test
    void patternThatDoesNotCompileNeverMatches() {
        TriggerPoint broken = TriggerPoint.cnf(spt(0, new SptCondition.RequestUri("([unclosed")));

        assertThat(matcher.matches(broken, INVITE, SessionCase.ORIGINATING)).isFalse();
    }

    @Test
    void firstMatchHonoursPriorityOrderStartAndProfilePart() {
        ApplicationServer as = ApplicationServer.of("sip:as.ims.test", DefaultHandling.SESSION_CONTINUED);
        InitialFilterCriteria messages = InitialFilterCriteria.of(1,
                TriggerPoint.cnf(spt(0, new SptCondition.Method("MESSAGE"))), as);
        InitialFilterCriteria invites = InitialFilterCriteria.of(2,
                TriggerPoint.cnf(spt(0, new SptCondition.Method("INVITE"))), as);
        InitialFilterCriteria unregisteredOnly = new InitialFilterCriteria(3, Optional.empty(), as,
                Optional.of(ProfilePartIndicator.UNREGISTERED));
        List<InitialFilterCriteria> criteria = List.of(messages, invites, unregisteredOnly);

        assertThat(matcher.firstMatch(criteria, 0, INVITE, SessionCase.ORIGINATING, true)).isEqualTo(1);
        assertThat(matcher.firstMatch(criteria, 2, INVITE, SessionCase.ORIGINATING, true))
                .as("after the AS returned, evaluation goes on past its iFC").isEqualTo(-1);
        assertThat(matcher.firstMatch(criteria, 2, INVITE, SessionCase.TERMINATING_UNREGISTERED, false))
                .isEqualTo(2);
    }

    private static ServicePointTrigger spt(int group, SptCondition condition) {
        return ServicePointTrigger.of(group, condition);
    }

    private static SipRequest request(String text) {
        return (SipRequest) new SipMessageDecoder().decode(text.replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
