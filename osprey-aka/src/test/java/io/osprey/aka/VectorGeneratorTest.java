package io.osprey.aka;

import static io.osprey.aka.TestSet.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VectorGeneratorTest {

    static List<TestSet> testSets() {
        return TestSet.ALL;
    }

    @Test
    void laysOutAutnOfTestSet3AsSqnXorAkThenAmfThenMacA() {
        TestSet set = TestSet.number(3);
        VectorGenerator generator = new VectorGenerator(
                Milenage.fromOp(hex(set.k()), hex(set.op())), hex(set.amf()), new SecureRandom());

        AuthenticationVector vector = generator.generate(Sqn.fromBytes(hex(set.sqn())), hex(set.rand()));

        assertThat(hex(vector.autn())).isEqualTo("ae4a3a9b4c97725c9cabc3e99baf7281");
        String autn = hex(vector.autn());
        long sqnXorAk = Long.parseLong(set.sqn(), 16) ^ Long.parseLong(set.f5(), 16);
        assertThat(autn.substring(0, 12)).isEqualTo(String.format("%012x", sqnXorAk));
        assertThat(autn.substring(12, 16)).isEqualTo(set.amf());
        assertThat(autn.substring(16)).isEqualTo(set.f1());
    }

    @ParameterizedTest
    @MethodSource("testSets")
    void vectorHoldsTheTestSetOutputs(TestSet set) {
        VectorGenerator generator = new VectorGenerator(
                Milenage.fromOpc(hex(set.k()), hex(set.opc())), hex(set.amf()), new SecureRandom());

        AuthenticationVector vector = generator.generate(Sqn.fromBytes(hex(set.sqn())), hex(set.rand()));

        assertThat(hex(vector.rand())).isEqualTo(set.rand());
        assertThat(hex(vector.xres())).isEqualTo(set.f2());
        assertThat(hex(vector.ck())).isEqualTo(set.f3());
        assertThat(hex(vector.ik())).isEqualTo(set.f4());
        assertThat(hex(vector.autn())).isEqualTo(set.autn());
        assertThat(hex(vector.sipAuthenticate())).isEqualTo(set.rand() + set.autn());
    }

    @Test
    void drawsRandFromTheInjectedSource() {
        TestSet set = TestSet.number(3);
        SecureRandom fixed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(hex(set.rand()), 0, bytes, 0, bytes.length);
            }
        };
        VectorGenerator generator = new VectorGenerator(
                Milenage.fromOpc(hex(set.k()), hex(set.opc())), hex(set.amf()), fixed);

        AuthenticationVector vector = generator.generate(Sqn.fromBytes(hex(set.sqn())));

        assertThat(hex(vector.rand())).isEqualTo(set.rand());
        assertThat(hex(vector.autn())).isEqualTo(set.autn());
    }

    @Test
    void randomRandsDiffer() {
        TestSet set = TestSet.number(2);
        VectorGenerator generator = new VectorGenerator(
                Milenage.fromOpc(hex(set.k()), hex(set.opc())), hex(set.amf()), new SecureRandom());

        AuthenticationVector first = generator.generate(32);
        AuthenticationVector second = generator.generate(64);

        assertThat(first.rand()).isNotEqualTo(second.rand());
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void vectorIsImmutableAndHidesSecretsInToString() {
        TestSet set = TestSet.number(1);
        byte[] xres = hex(set.f2());
        AuthenticationVector vector = new AuthenticationVector(
                hex(set.rand()), xres, hex(set.f3()), hex(set.f4()), hex(set.autn()));
        xres[0] ^= 1;
        vector.ck()[0] ^= 1;

        assertThat(hex(vector.xres())).isEqualTo(set.f2());
        assertThat(hex(vector.ck())).isEqualTo(set.f3());
        assertThat(vector).isEqualTo(new AuthenticationVector(
                hex(set.rand()), hex(set.f2()), hex(set.f3()), hex(set.f4()), hex(set.autn())));
        assertThat(vector.toString()).contains(set.rand(), set.autn())
                .doesNotContain(set.f2(), set.f3(), set.f4());
        assertThat(vector.nonce().octets()).isEqualTo(vector.sipAuthenticate());
    }

    @Test
    void refusesBadInputsNamingTheField() {
        TestSet set = TestSet.number(1);
        Milenage milenage = Milenage.fromOpc(hex(set.k()), hex(set.opc()));

        assertThatThrownBy(() -> new VectorGenerator(milenage, new byte[1], new SecureRandom()))
                .hasMessage("AMF must be 2 octets, was 1 octets");
        VectorGenerator generator = new VectorGenerator(milenage, hex(set.amf()), new SecureRandom());
        assertThatThrownBy(() -> generator.generate(-1))
                .hasMessage("SQN must be within 0..281474976710655 (48 bits), was -1");
        assertThatThrownBy(() -> new AuthenticationVector(
                hex(set.rand()), new byte[3], hex(set.f3()), hex(set.f4()), hex(set.autn())))
                .hasMessage("XRES must be 4 to 16 octets, was 3 octets");
    }
}
