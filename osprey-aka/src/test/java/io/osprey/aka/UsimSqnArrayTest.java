package io.osprey.aka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsimSqnArrayTest {

    private final SqnScheme scheme = new SqnScheme(5, 1000);

    @Test
    void aNewUsimAcceptsSeqOneInAnySlotButNotSeqZero() {
        UsimSqnArray usim = UsimSqnArray.fresh(scheme);

        assertThat(usim.check(scheme.compose(0, 0))).isEqualTo(SqnFreshness.NOT_ABOVE_SLOT);
        assertThat(usim.check(scheme.compose(1, 0))).isEqualTo(SqnFreshness.FRESH);
        assertThat(usim.check(scheme.compose(1, 31))).isEqualTo(SqnFreshness.FRESH);
    }

    @Test
    void eachIndSlotOnlyMovesForward() {
        UsimSqnArray usim = UsimSqnArray.fresh(scheme)
                .accept(scheme.compose(1, 0))
                .accept(scheme.compose(2, 0));

        assertThat(usim.seqMs(0)).isEqualTo(2);
        assertThat(usim.check(scheme.compose(2, 0))).as("replay").isEqualTo(SqnFreshness.NOT_ABOVE_SLOT);
        assertThat(usim.check(scheme.compose(1, 0))).as("older").isEqualTo(SqnFreshness.NOT_ABOVE_SLOT);
        assertThat(usim.check(scheme.compose(3, 0))).isEqualTo(SqnFreshness.FRESH);
    }

    @Test
    void anOlderSeqIsStillAcceptedInAnotherSlot() {
        // Annex C.2.2: vectors for different IND values may be used out of order.
        UsimSqnArray usim = UsimSqnArray.fresh(scheme).accept(scheme.compose(2, 0));

        assertThat(usim.check(scheme.compose(1, 1))).isEqualTo(SqnFreshness.FRESH);
        UsimSqnArray after = usim.accept(scheme.compose(1, 1));
        assertThat(after.seqMs(1)).isEqualTo(1);
        assertThat(after.sqnMs()).as("SQN_MS stays the highest accepted").isEqualTo(scheme.compose(2, 0));
    }

    @Test
    void refusesAJumpBeyondDelta() {
        UsimSqnArray usim = UsimSqnArray.startingAt(scheme, scheme.compose(10, 4));

        assertThat(usim.check(scheme.compose(1010, 0))).isEqualTo(SqnFreshness.FRESH);
        assertThat(usim.check(scheme.compose(1011, 0))).isEqualTo(SqnFreshness.BEYOND_DELTA);
    }

    @Test
    void startingAtMakesEverySlotAtThatSeq() {
        UsimSqnArray usim = UsimSqnArray.startingAt(scheme, scheme.compose(10, 4));

        assertThat(usim.sqnMs()).isEqualTo(scheme.compose(10, 4));
        assertThat(usim.check(scheme.compose(10, 9))).isEqualTo(SqnFreshness.NOT_ABOVE_SLOT);
        assertThat(usim.check(scheme.compose(11, 9))).isEqualTo(SqnFreshness.FRESH);
    }

    @Test
    void acceptIsImmutableAndRefusesStaleSqn() {
        UsimSqnArray before = UsimSqnArray.fresh(scheme);
        UsimSqnArray after = before.accept(scheme.compose(5, 2));

        assertThat(before.seqMs(2)).isZero();
        assertThat(before.sqnMs()).isZero();
        assertThat(after.seqMs(2)).isEqualTo(5);
        assertThatThrownBy(() -> after.accept(scheme.compose(5, 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOT_ABOVE_SLOT");
        assertThatThrownBy(() -> after.seqMs(32)).hasMessage("IND must be within 0..31, was 32");
    }
}
