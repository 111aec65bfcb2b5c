package io.osprey.aka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqnSchemeTest {

    private final SqnScheme scheme = SqnScheme.DEFAULT;

    @Test
    void defaultsToFiveIndBitsAndDeltaTwoToThe28() {
        assertThat(scheme.indBits()).isEqualTo(5);
        assertThat(scheme.slots()).isEqualTo(32);
        assertThat(scheme.delta()).isEqualTo(268_435_456L);
        assertThat(scheme.maxSeq()).isEqualTo((1L << 43) - 1);
    }

    @Test
    void splitsSqnIntoSeqAndInd() {
        long sqn = 0x9d0277595ffcL;

        assertThat(scheme.seq(sqn)).isEqualTo(0x9d0277595ffcL / 32);
        assertThat(scheme.ind(sqn)).isEqualTo(0x1c);
        assertThat(scheme.compose(scheme.seq(sqn), scheme.ind(sqn))).isEqualTo(sqn);
        assertThat(scheme.compose(3, 7)).isEqualTo(3 * 32 + 7);
    }

    @Test
    void nextAddsOneToSeqAndKeepsInd() {
        assertThat(scheme.next(0)).isEqualTo(32);
        assertThat(scheme.next(32 + 7)).isEqualTo(64 + 7);
        long sqn = scheme.compose(1000, 19);
        assertThat(scheme.seq(scheme.next(sqn))).isEqualTo(1001);
        assertThat(scheme.ind(scheme.next(sqn))).isEqualTo(19);
    }

    @Test
    void nextWrapsWithin48BitsKeepingInd() {
        long last = scheme.compose(scheme.maxSeq(), 5);
        assertThat(last).isEqualTo(Sqn.MAX - 26);

        long wrapped = scheme.next(last);

        assertThat(wrapped).isEqualTo(5);
        assertThat(scheme.seq(wrapped)).isZero();
        assertThat(scheme.ind(wrapped)).isEqualTo(5);
    }

    @Test
    void withoutIndBitsNextCountsByOne() {
        SqnScheme plain = new SqnScheme(0, 1000);

        assertThat(plain.slots()).isEqualTo(1);
        assertThat(plain.next(41)).isEqualTo(42);
        assertThat(plain.next(Sqn.MAX)).isZero();
    }

    @Test
    void freshAfterNeedsAHigherSeqWithinDelta() {
        SqnScheme small = new SqnScheme(5, 10);
        long sqnMs = small.compose(100, 3);

        assertThat(small.freshAfter(small.compose(101, 0), sqnMs)).isTrue();
        assertThat(small.freshAfter(small.compose(110, 31), sqnMs)).isTrue();
        assertThat(small.freshAfter(small.compose(111, 0), sqnMs)).as("11 ahead, delta 10").isFalse();
        assertThat(small.freshAfter(small.compose(100, 4), sqnMs)).as("same SEQ").isFalse();
        assertThat(small.freshAfter(small.compose(99, 3), sqnMs)).isFalse();
    }

    @Test
    void afterResyncKeepsAnAlreadyFreshSqn() {
        long sqnMs = scheme.compose(500, 2);
        long nextSqnHe = scheme.compose(503, 0);

        assertThat(scheme.afterResync(nextSqnHe, sqnMs)).isEqualTo(nextSqnHe);
    }

    @Test
    void afterResyncRestartsAboveSqnMsWithIndZero() {
        long sqnMs = scheme.compose(500, 2);

        assertThat(scheme.afterResync(scheme.compose(20, 0), sqnMs)).isEqualTo(scheme.compose(501, 0));
        assertThat(scheme.afterResync(scheme.compose(500, 9), sqnMs)).isEqualTo(scheme.compose(501, 0));
        long farAhead = scheme.compose(500 + scheme.delta() + 1, 0);
        assertThat(scheme.afterResync(farAhead, sqnMs)).isEqualTo(scheme.compose(501, 0));
    }

    @Test
    void refusesOutOfRangeValuesNamingThem() {
        assertThatThrownBy(() -> new SqnScheme(11, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indBits must be within 0..10, was 11");
        assertThatThrownBy(() -> new SqnScheme(5, 0))
                .hasMessage("delta must be within 1..8796093022207 for 5 IND bits, was 0");
        assertThatThrownBy(() -> scheme.next(1L << 48))
                .hasMessage("SQN must be within 0..281474976710655 (48 bits), was 281474976710656");
        assertThatThrownBy(() -> scheme.compose(0, 32)).hasMessage("IND must be within 0..31, was 32");
        assertThatThrownBy(() -> scheme.compose(-1, 0)).hasMessage("SEQ must be within 0..8796093022207, was -1");
    }

    @Test
    void convertsSqnToAndFromSixOctets() {
        byte[] octets = Sqn.toBytes(0x9d0277595ffcL);

        assertThat(TestSet.hex(octets)).isEqualTo("9d0277595ffc");
        assertThat(Sqn.fromBytes(octets)).isEqualTo(0x9d0277595ffcL);
        assertThat(Sqn.fromBytes(TestSet.hex("ffffffffffff"))).isEqualTo(Sqn.MAX);
        assertThat(Sqn.toHex(1)).isEqualTo("000000000001");
        assertThatThrownBy(() -> Sqn.fromBytes(new byte[7])).hasMessage("SQN must be 6 octets, was 7 octets");
    }
}
