package io.osprey.common.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Fnv1aTest {

    @Test
    void foldsCharactersAsTheFnv1aReferenceDoes() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (reference test vector); the field separator follows it
        long a = 0xaf63dc4c8601ec8cL;
        long expected = (a ^ 0x1f) * 0x100000001b3L;
        assertThat(Fnv1a.mix(Fnv1a.START, "a")).isEqualTo(expected);
    }

    @Test
    void fieldBoundariesCountAndNullIsAnEmptyField() {
        long abC = Fnv1a.mix(Fnv1a.mix(Fnv1a.START, "ab"), "c");
        long aBc = Fnv1a.mix(Fnv1a.mix(Fnv1a.START, "a"), "bc");
        assertThat(abC).isNotEqualTo(aBc);
        assertThat(Fnv1a.mix(Fnv1a.START, null)).isEqualTo(Fnv1a.mix(Fnv1a.START, ""));
    }

    @Test
    void digitsHashLikeTheirDecimalString() {
        for (long n : new long[] {0, 7, 10, 99, 4_294_967_295L, Long.MAX_VALUE}) {
            assertThat(Fnv1a.mixDigits(Fnv1a.START, n)).as("%d", n)
                    .isEqualTo(Fnv1a.mix(Fnv1a.START, Long.toString(n)));
        }
    }
}
