package io.osprey.aka;

import static io.osprey.aka.TestSet.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MilenageTest {

    static List<TestSet> testSets() {
        return TestSet.ALL;
    }

    @ParameterizedTest
    @MethodSource("testSets")
    void derivesOpcFromOp(TestSet set) {
        assertThat(hex(Milenage.deriveOpc(hex(set.k()), hex(set.op())))).isEqualTo(set.opc());
        assertThat(hex(Milenage.fromOp(hex(set.k()), hex(set.op())).opc())).isEqualTo(set.opc());
    }

    @ParameterizedTest
    @MethodSource("testSets")
    void computesEveryOutputOfTheTestSet(TestSet set) {
        Milenage milenage = Milenage.fromOpc(hex(set.k()), hex(set.opc()));
        byte[] rand = hex(set.rand());
        byte[] sqn = hex(set.sqn());
        byte[] amf = hex(set.amf());

        assertThat(hex(milenage.f1(rand, sqn, amf))).as("f1").isEqualTo(set.f1());
        assertThat(hex(milenage.f1Star(rand, sqn, amf))).as("f1*").isEqualTo(set.f1Star());
        assertThat(hex(milenage.f2(rand))).as("f2").isEqualTo(set.f2());
        assertThat(hex(milenage.f3(rand))).as("f3").isEqualTo(set.f3());
        assertThat(hex(milenage.f4(rand))).as("f4").isEqualTo(set.f4());
        assertThat(hex(milenage.f5(rand))).as("f5").isEqualTo(set.f5());
        assertThat(hex(milenage.f5Star(rand))).as("f5*").isEqualTo(set.f5Star());
    }

    @ParameterizedTest
    @MethodSource("testSets")
    void combinedF2345MatchesTheSingleFunctions(TestSet set) {
        Milenage milenage = Milenage.fromOp(hex(set.k()), hex(set.op()));
        Milenage.ChallengeOutputs out = milenage.f2345(hex(set.rand()));

        assertThat(hex(out.res())).isEqualTo(set.f2());
        assertThat(hex(out.ck())).isEqualTo(set.f3());
        assertThat(hex(out.ik())).isEqualTo(set.f4());
        assertThat(hex(out.ak())).isEqualTo(set.f5());
    }

    @Test
    void reusingOneInstanceGivesTheSameAnswersInAnyOrder() {
        TestSet set = TestSet.number(4);
        Milenage milenage = Milenage.fromOpc(hex(set.k()), hex(set.opc()));
        byte[] rand = hex(set.rand());
        byte[] otherRand = hex(TestSet.number(5).rand());

        milenage.f5Star(otherRand);
        milenage.f1(otherRand, hex(set.sqn()), hex(set.amf()));
        assertThat(hex(milenage.f2(rand))).isEqualTo(set.f2());
        assertThat(hex(milenage.f1(rand, hex(set.sqn()), hex(set.amf())))).isEqualTo(set.f1());
    }

    @Test
    void changingTheCallersArraysAfterwardsDoesNotChangeOpc() {
        TestSet set = TestSet.number(1);
        byte[] opc = hex(set.opc());
        Milenage milenage = Milenage.fromOpc(hex(set.k()), opc);
        opc[0] ^= 1;
        milenage.opc()[1] ^= 1;

        assertThat(hex(milenage.opc())).isEqualTo(set.opc());
        assertThat(hex(milenage.f2(hex(set.rand())))).isEqualTo(set.f2());
    }

    @Test
    void refusesWrongLengthsNamingTheField() {
        TestSet set = TestSet.number(1);
        Milenage milenage = Milenage.fromOpc(hex(set.k()), hex(set.opc()));
        byte[] rand = hex(set.rand());

        assertThatThrownBy(() -> Milenage.fromOpc(new byte[15], hex(set.opc())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("K must be 16 octets, was 15 octets");
        assertThatThrownBy(() -> Milenage.fromOpc(hex(set.k()), new byte[17]))
                .hasMessage("OPc must be 16 octets, was 17 octets");
        assertThatThrownBy(() -> Milenage.fromOp(hex(set.k()), null))
                .hasMessage("OP must be 16 octets, was null");
        assertThatThrownBy(() -> milenage.f2(new byte[8]))
                .hasMessage("RAND must be 16 octets, was 8 octets");
        assertThatThrownBy(() -> milenage.f1(rand, new byte[5], hex(set.amf())))
                .hasMessage("SQN must be 6 octets, was 5 octets");
        assertThatThrownBy(() -> milenage.f1Star(rand, hex(set.sqn()), new byte[3]))
                .hasMessage("AMF must be 2 octets, was 3 octets");
    }
}
