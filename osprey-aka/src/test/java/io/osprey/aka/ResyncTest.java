package io.osprey.aka;

import static io.osprey.aka.TestSet.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResyncTest {

    // TS 35.208 test set 20 with the AUTS of hostapd's milenage test (IMS reference §1.2).
    private static final String SET20_K = "90dca4eda45b53cf0f12d7c9c3bc6a89";
    private static final String SET20_RAND = "9fddc72092c6ad036b6e464789315b78";
    private static final String SET20_OPC = "cb9cccc4b9258e6dca4760379fb82581";
    private static final String SET20_AUTS = "4f2039392ddd4bb4316ed4a14688";

    private final SqnScheme scheme = SqnScheme.DEFAULT;

    @Test
    void recoversSqnMsFromTheTestSet20Auts() {
        Milenage milenage = Milenage.fromOpc(hex(SET20_K), hex(SET20_OPC));
        assertThat(hex(milenage.f5Star(hex(SET20_RAND)))).isEqualTo("4f2039392ddc");

        ResyncOutcome outcome = new Resync(milenage, scheme)
                .resynchronise(hex(SET20_RAND), Auts.of(hex(SET20_AUTS)), 0);

        assertThat(outcome).isEqualTo(new ResyncOutcome.Resynchronised(1, 32, true));
    }

    @Test
    void buildsTheTestSet20AutsFromSqnMs() {
        Milenage milenage = Milenage.fromOpc(hex(SET20_K), hex(SET20_OPC));

        Auts auts = Resync.buildAuts(milenage, hex(SET20_RAND), 1);

        assertThat(hex(auts.octets())).isEqualTo(SET20_AUTS);
        assertThat(hex(auts.macS())).isEqualTo("4bb4316ed4a14688");
    }

    @Test
    void resynchronisesFromTheThirtyOctetCxSipAuthorization() {
        // IMS reference §2.4: test set 3, SQN_MS 000000000040, MAR SIP-Authorization = RAND ‖ AUTS.
        TestSet set = TestSet.number(3);
        Resync resync = new Resync(Milenage.fromOp(hex(set.k()), hex(set.op())), scheme);
        byte[] sipAuthorization = hex("9f7c8d021accf4db213ccff0c7f71a6adeacdd848c8618101f9299b3168d");

        ResyncOutcome outcome = resync.resynchronise(sipAuthorization, Sqn.fromBytes(hex(set.sqn())));

        long sqnMs = 0x40;
        assertThat(outcome).isEqualTo(new ResyncOutcome.Resynchronised(sqnMs, scheme.compose(3, 0), true));
        assertThatThrownBy(() -> resync.resynchronise(new byte[29], 0))
                .hasMessage("SIP-Authorization (RAND and AUTS) must be 30 octets, was 29 octets");
    }

    @Test
    void keepsTheHeSqnWhenItIsAlreadyFresh() {
        TestSet set = TestSet.number(3);
        Milenage milenage = Milenage.fromOpc(hex(set.k()), hex(set.opc()));
        long sqnMs = scheme.compose(40, 3);
        Auts auts = Resync.buildAuts(milenage, hex(set.rand()), sqnMs);
        long nextSqnHe = scheme.compose(45, 0);

        ResyncOutcome outcome = new Resync(milenage, scheme).resynchronise(hex(set.rand()), auts, nextSqnHe);

        assertThat(outcome).isEqualTo(new ResyncOutcome.Resynchronised(sqnMs, nextSqnHe, false));
    }

    @Test
    void refusesTamperedAuts() {
        Resync resync = new Resync(Milenage.fromOpc(hex(SET20_K), hex(SET20_OPC)), scheme);
        for (int octet = 0; octet < Auts.LENGTH; octet++) {
            byte[] tampered = hex(SET20_AUTS);
            tampered[octet] ^= 0x01;

            ResyncOutcome outcome = resync.resynchronise(hex(SET20_RAND), Auts.of(tampered), 64);

            assertThat(outcome).as("octet %d flipped", octet).isInstanceOf(ResyncOutcome.MacMismatch.class);
        }
    }

    @Test
    void refusesAutsMadeForAnotherRandOrKey() {
        TestSet set = TestSet.number(1);
        Resync resync = new Resync(Milenage.fromOpc(hex(SET20_K), hex(SET20_OPC)), scheme);

        assertThat(resync.resynchronise(hex(set.rand()), Auts.of(hex(SET20_AUTS)), 64))
                .isInstanceOf(ResyncOutcome.MacMismatch.class);
        Resync otherKey = new Resync(Milenage.fromOpc(hex(set.k()), hex(SET20_OPC)), scheme);
        assertThat(otherKey.resynchronise(hex(SET20_RAND), Auts.of(hex(SET20_AUTS)), 64))
                .isInstanceOf(ResyncOutcome.MacMismatch.class);
    }

    @Test
    void macSUsesTheZeroAmfNotTheSubscriberAmf() {
        TestSet set = TestSet.number(3);
        Milenage milenage = Milenage.fromOpc(hex(set.k()), hex(set.opc()));
        byte[] rand = hex(set.rand());
        byte[] sqnMs = Sqn.toBytes(0x40);
        byte[] concealed = xor(sqnMs, milenage.f5Star(rand));
        Auts withSubscriberAmf = Auts.of(concealed, milenage.f1Star(rand, sqnMs, hex(set.amf())));

        assertThat(new Resync(milenage, scheme).resynchronise(rand, withSubscriberAmf, 0))
                .isInstanceOf(ResyncOutcome.MacMismatch.class);
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
