package io.osprey.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReceptionStatisticsTest {

    private static final long MS = 1_000_000L;

    /** Feeds packets 20 ms apart in RTP time and arrival time, so the jitter stays zero. */
    private static void feed(ReceptionStatistics statistics, int... sequenceNumbers) {
        for (int seq : sequenceNumbers) {
            statistics.onPacket(seq, 160L * seq, 20 * MS * seq);
        }
    }

    private static ReceptionStatistics immediate() {
        return new ReceptionStatistics(8000, 0);
    }

    @Test
    void inOrderStreamHasNoLoss() {
        ReceptionStatistics statistics = immediate();
        feed(statistics, 10, 11, 12, 13, 14);
        assertThat(statistics.received()).isEqualTo(5);
        assertThat(statistics.baseSequence()).isEqualTo(10);
        assertThat(statistics.extendedHighestSequence()).isEqualTo(14);
        assertThat(statistics.expected()).isEqualTo(5);
        assertThat(statistics.cumulativeLost()).isZero();
        assertThat(statistics.jitter()).isZero();
    }

    @Test
    void gapsCountAsLost() {
        ReceptionStatistics statistics = immediate();
        feed(statistics, 0, 1, 2, 5, 6, 9);
        assertThat(statistics.expected()).isEqualTo(10);
        assertThat(statistics.received()).isEqualTo(6);
        assertThat(statistics.cumulativeLost()).isEqualTo(4);
    }

    @Test
    void reorderedPacketsAreNotLost() {
        ReceptionStatistics statistics = immediate();
        feed(statistics, 0, 1, 3, 2, 4, 6, 5);
        assertThat(statistics.extendedHighestSequence()).isEqualTo(6);
        assertThat(statistics.cumulativeLost()).isZero();
    }

    @Test
    void duplicatesMakeLostNegative() {
        ReceptionStatistics statistics = immediate();
        feed(statistics, 0, 1, 1, 2);
        assertThat(statistics.received()).isEqualTo(4);
        assertThat(statistics.expected()).isEqualTo(3);
        assertThat(statistics.cumulativeLost()).isEqualTo(-1);
    }

    @Test
    void sequenceWrapAddsACycle() {
        ReceptionStatistics statistics = immediate();
        feed(statistics, 65533, 65534, 65535, 0, 1, 2);
        assertThat(statistics.extendedHighestSequence()).isEqualTo(65536 + 2);
        assertThat(statistics.expected()).isEqualTo(6);
        assertThat(statistics.cumulativeLost()).isZero();
    }

    @Test
    void reorderingAcrossTheWrapCountsOneCycle() {
        ReceptionStatistics statistics = immediate();
        feed(statistics, 65534, 0, 65535, 2, 1, 3);
        assertThat(statistics.extendedHighestSequence()).isEqualTo(65536 + 3);
        assertThat(statistics.expected()).isEqualTo(6);
        assertThat(statistics.cumulativeLost()).isZero();
    }

    @Test
    void lossAcrossTheWrap() {
        ReceptionStatistics statistics = immediate();
        feed(statistics, 65530, 65531, 3, 4);
        assertThat(statistics.extendedHighestSequence()).isEqualTo(65536 + 4);
        assertThat(statistics.expected()).isEqualTo(11);
        assertThat(statistics.cumulativeLost()).isEqualTo(7);
    }

    @Test
    void manyWrapsAccumulate() {
        ReceptionStatistics statistics = immediate();
        int seq = 65000;
        for (int i = 0; i < 3 * 65536; i++) {
            statistics.onPacket(seq, 0, 0);
            seq = (seq + 1) & 0xFFFF;
        }
        assertThat(statistics.extendedHighestSequence()).isEqualTo(65000L + 3 * 65536 - 1);
        assertThat(statistics.expected()).isEqualTo(3 * 65536);
        assertThat(statistics.cumulativeLost()).isZero();
    }

    @Test
    void largeJumpIsDroppedUntilConfirmedThenRestarts() {
        ReceptionStatistics statistics = immediate();
        feed(statistics, 100, 101);
        assertThat(statistics.onPacket(20000, 0, 0)).as("first packet after a jump").isFalse();
        assertThat(statistics.received()).isEqualTo(2);
        assertThat(statistics.onPacket(20001, 0, 0)).as("its successor confirms the restart").isTrue();
        assertThat(statistics.baseSequence()).isEqualTo(20001);
        assertThat(statistics.received()).isEqualTo(1);
        assertThat(statistics.expected()).isEqualTo(1);
    }

    @Test
    void jumpNotConfirmedKeepsTheOldSequence() {
        ReceptionStatistics statistics = immediate();
        feed(statistics, 100);
        assertThat(statistics.onPacket(40000, 0, 0)).isFalse();
        assertThat(statistics.onPacket(101, 0, 0)).isTrue();
        assertThat(statistics.baseSequence()).isEqualTo(100);
        assertThat(statistics.cumulativeLost()).isZero();
    }

    @Test
    void forwardJumpBelowMaxDropoutIsLoss() {
        ReceptionStatistics statistics = immediate();
        feed(statistics, 0);
        assertThat(statistics.onPacket(ReceptionStatistics.MAX_DROPOUT - 1, 0, 0)).isTrue();
        assertThat(statistics.cumulativeLost()).isEqualTo(ReceptionStatistics.MAX_DROPOUT - 2);
    }

    @Test
    void probationNeedsSequentialPackets() {
        ReceptionStatistics statistics = new ReceptionStatistics(8000, ReceptionStatistics.MIN_SEQUENTIAL);
        assertThat(statistics.onPacket(500, 0, 0)).isFalse();
        assertThat(statistics.isValid()).isFalse();
        assertThat(statistics.onPacket(700, 0, 0)).as("out of sequence restarts probation").isFalse();
        assertThat(statistics.onPacket(701, 0, 0)).isTrue();
        assertThat(statistics.isValid()).isTrue();
        assertThat(statistics.baseSequence()).isEqualTo(701);
        assertThat(statistics.onPacket(702, 0, 0)).isTrue();
        assertThat(statistics.received()).isEqualTo(2);
        assertThat(statistics.expected()).isEqualTo(2);
        assertThat(statistics.cumulativeLost()).isZero();
    }

    @Test
    void probationStartingAtZeroDoesNotInventACycle() {
        ReceptionStatistics statistics = new ReceptionStatistics(8000, ReceptionStatistics.MIN_SEQUENTIAL);
        feed(statistics, 0, 1, 2);
        assertThat(statistics.extendedHighestSequence()).isEqualTo(2);
        assertThat(statistics.expected()).isEqualTo(2);
        assertThat(statistics.cumulativeLost()).isZero();
    }

    @Test
    void jitterFollowsRfc3550A8ByHand() {
        ReceptionStatistics statistics = immediate();
        // Timestamps 20 ms apart; arrivals at 0, 30 and 40 ms.
        statistics.onPacket(0, 0, 0);
        statistics.onPacket(1, 160, 30 * MS);
        // transit 240 - 160 = 80 vs 0: D = 80, J = 80/16 = 5
        assertThat(statistics.jitter()).isCloseTo(5.0, within(1e-9));
        statistics.onPacket(2, 320, 40 * MS);
        // transit 320 - 320 = 0 vs 80: D = 80, J = 5 + (80 - 5)/16 = 9.6875
        assertThat(statistics.jitter()).isCloseTo(9.6875, within(1e-9));
        assertThat(statistics.jitterMillis()).isCloseTo(9.6875 / 8, within(1e-9));
    }

    @Test
    void jitterConvergesToTheMeanTransitDifference() {
        ReceptionStatistics statistics = immediate();
        // Every other packet is 4 ms late: |D| is always 4 ms = 32 units, so J tends to 32.
        for (int i = 0; i < 400; i++) {
            long arrival = 20 * MS * i + (i % 2 == 1 ? 4 * MS : 0);
            statistics.onPacket(i, 160L * i, arrival);
        }
        assertThat(statistics.jitter()).isCloseTo(32.0, within(0.01));
        assertThat(statistics.jitterMillis()).isCloseTo(4.0, within(0.01));
    }

    @Test
    void timestampWrapDoesNotLookLikeJitter() {
        ReceptionStatistics statistics = immediate();
        long ts = 0xFFFF_FF00L;
        for (int i = 0; i < 10; i++) {
            statistics.onPacket(i, (ts + 160L * i) & 0xFFFF_FFFFL, 20 * MS * i + 5 * MS);
        }
        assertThat(statistics.jitter()).isZero();
    }

    @Test
    void nothingExpectedBeforeTheFirstPacket() {
        ReceptionStatistics statistics = new ReceptionStatistics(8000, 2);
        assertThat(statistics.expected()).isZero();
        assertThat(statistics.cumulativeLost()).isZero();
        assertThat(statistics.jitter()).isZero();
    }
}
