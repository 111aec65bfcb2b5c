package io.osprey.sip.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipSyntaxException;

/**
 * Fuzzes the datagram decoder. Property: any input either decodes or fails with {@link SipParseException}; what
 * decodes re-encodes into a message that decodes again to an equivalent one; lazily parsed fields fail only with
 * {@link SipSyntaxException}; validation and Via/Route popping never throw. Runs the committed seeds
 * (RFC 4475 messages, IMS messages) as a regression test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SipMessageDecoderFuzzTest {

    private static final SipMessageDecoder LENIENT = new SipMessageDecoder();
    private static final SipRequestValidator UAS = SipRequestValidator.builder(SipRequestValidator.Role.UAS).build();
    private static final SipRequestValidator PROXY =
            SipRequestValidator.builder(SipRequestValidator.Role.PROXY).build();
    private static final SipMessageDecoder STRICT =
            new SipMessageDecoder(SipLimits.DEFAULTS, CompliancePolicy.STRICT, new ComplianceCounters());
    /** Each decoder's policy, with room for what re-encoding adds (a seed of 100 fields and no Content-Length). */
    private static final SipMessageDecoder LENIENT_AGAIN = new SipMessageDecoder(
            SipTestMessages.roomForReEncoding(SipLimits.DEFAULTS), CompliancePolicy.LENIENT, new ComplianceCounters());
    private static final SipMessageDecoder STRICT_AGAIN = new SipMessageDecoder(
            SipTestMessages.roomForReEncoding(SipLimits.DEFAULTS), CompliancePolicy.STRICT, new ComplianceCounters());

    @FuzzTest(maxDuration = "60s")
    void decodeDatagram(byte[] data) {
        roundTrip(LENIENT, LENIENT_AGAIN, data);
        roundTrip(STRICT, STRICT_AGAIN, data);
    }

    private static void roundTrip(SipMessageDecoder decoder, SipMessageDecoder again, byte[] data) {
        SipMessage message;
        try {
            message = decoder.decode(data);
        } catch (SipParseException expected) {
            return;
        }
        if (message == null) {
            return;
        }
        byte[] encoded = SipMessageEncoder.encode(message);
        SipTestMessages.assertEquivalent(again.decode(encoded), message);
        readLazyFields(message);
        if (message instanceof SipRequest request) {
            UAS.validate(request);
            PROXY.validate(request);
            SipMessage popped = request.toBuilder().removeFirst("Via").removeFirst("Route").build();
            SipMessageEncoder.encode(popped);
        }
    }

    /** Lazily parsed fields either parse or fail with the typed syntax error. */
    private static void readLazyFields(SipMessage m) {
        for (Runnable read : new Runnable[] {m::contacts, m::routes, m::recordRoutes, m::expires,
            () -> m.nameAddresses(SipHeaderName.P_ASSERTED_IDENTITY), () -> m.headers("Supported")}) {
            try {
                read.run();
            } catch (SipSyntaxException expected) {
                // malformed optional field: reported, not thrown as anything else
            }
        }
    }
}
