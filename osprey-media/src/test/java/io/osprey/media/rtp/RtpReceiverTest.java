package io.osprey.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.osprey.media.codec.G711Codec;
import io.osprey.media.tone.ToneGenerator;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Drives the receive path with datagrams directly; no socket is opened. */
class RtpReceiverTest {

    private static final long MS = 1_000_000L;

    private final RtpReceiver receiver = new RtpReceiver(null);

    private void receive(long ssrc, int seq, G711Codec codec, ToneGenerator tone, long arrivalNanos) {
        byte[] payload = new byte[160];
        codec.encode(tone.next(160), 0, 160, payload, 0);
        RtpPacket packet = RtpPacket.of(false, codec.payloadType(), seq, 160L * seq, ssrc, payload);
        receiver.onDatagram(ByteBuffer.wrap(RtpPacketCodec.encode(packet)), arrivalNanos);
    }

    @Test
    void countsPacketsLossAndPayloadOctetsAndFindsTheTone() {
        ToneGenerator tone = new ToneGenerator(600);
        for (int seq = 0; seq < 20; seq++) {
            if (seq == 7 || seq == 8) {
                tone.next(160);
                continue;
            }
            receive(1, seq, G711Codec.PCMA, tone, 20 * MS * seq);
        }
        RtpReceiver.Snapshot snapshot = receiver.snapshot();
        assertThat(snapshot.packetsReceived()).isEqualTo(18);
        assertThat(snapshot.packetsLost()).isEqualTo(2);
        assertThat(snapshot.bytesReceived()).isEqualTo(18 * 160);
        assertThat(snapshot.jitterMillis()).isZero();
        assertThat(snapshot.dominantFrequencyHz()).isCloseTo(600, within(6.0));
    }

    @Test
    void invalidDatagramsAreCountedApart() {
        receiver.onDatagram(ByteBuffer.wrap(new byte[] {(byte) 0x80, 0, 0}), 0);
        receiver.onDatagram(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 0xC9, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}), 0);
        assertThat(receiver.packetsInvalid()).isEqualTo(2);
        assertThat(receiver.snapshot().packetsReceived()).isZero();
        assertThat(receiver.snapshot().dominantFrequencyHz()).isZero();
    }

    @Test
    void lossIsSummedOverSourcesAndSurvivesEviction() {
        ToneGenerator tone = new ToneGenerator(1000);
        // Source 1 loses one packet, then more sources than are tracked push it out.
        receive(1, 0, G711Codec.PCMU, tone, 0);
        receive(1, 1, G711Codec.PCMU, tone, 0);
        receive(1, 3, G711Codec.PCMU, tone, 0);
        for (long ssrc = 2; ssrc <= RtpReceiver.MAX_SOURCES + 1; ssrc++) {
            receive(ssrc, 10, G711Codec.PCMU, tone, 0);
            receive(ssrc, 11, G711Codec.PCMU, tone, 0);
        }
        RtpReceiver.Snapshot snapshot = receiver.snapshot();
        assertThat(snapshot.packetsReceived()).isEqualTo(3 + 2L * RtpReceiver.MAX_SOURCES);
        assertThat(snapshot.packetsLost()).isEqualTo(1);
    }

    @Test
    void nonG711PayloadIsCountedButNotAnalysed() {
        RtpPacket packet = RtpPacket.of(false, 96, 1, 0, 5, new byte[160]);
        receiver.onDatagram(ByteBuffer.wrap(RtpPacketCodec.encode(packet)), 0);
        assertThat(receiver.snapshot().packetsReceived()).isEqualTo(1);
        assertThat(receiver.snapshot().dominantFrequencyHz()).isZero();
    }
}
