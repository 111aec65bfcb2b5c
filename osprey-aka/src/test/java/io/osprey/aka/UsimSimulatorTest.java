package io.osprey.aka;

import static io.osprey.aka.TestSet.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class UsimSimulatorTest {

    private final SqnScheme scheme = SqnScheme.DEFAULT;
    private final TestSet set = TestSet.number(3);
    private final long set3Sqn = Long.parseLong(set.sqn(), 16);

    private UsimSimulator usimAt(long sqnMs) {
        return UsimSimulator.of(hex(set.k()), hex(set.opc()), scheme, sqnMs);
    }

    private VectorGenerator hss(String amf) {
        return new VectorGenerator(Milenage.fromOp(hex(set.k()), hex(set.op())), hex(amf), new SecureRandom());
    }

    @Test
    void answersTestSet3WithResCkAndIk() {
        UsimSimulator usim = usimAt(set3Sqn - scheme.slots());

        UsimResult result = usim.authenticate(hex(set.rand()), hex(set.autn()));

        assertThat(result).isEqualTo(new UsimResult.Authenticated(hex(set.f2()), hex(set.f3()), hex(set.f4())));
        assertThat(usim.sqnState().sqnMs()).isEqualTo(set3Sqn);
    }

    @Test
    void refusesTestSet3OnANewUsimAsTooFarAhead() {
        UsimResult result = usimAt(0).authenticate(hex(set.rand()), hex(set.autn()));

        assertThat(result).isInstanceOf(UsimResult.SynchronisationFailure.class);
        assertThat(((UsimResult.SynchronisationFailure) result).freshness()).isEqualTo(SqnFreshness.BEYOND_DELTA);
    }

    @Test
    void answersAReplayWithAutsForTheHighestAcceptedSqn() {
        UsimSimulator usim = usimAt(set3Sqn - scheme.slots());
        usim.authenticate(hex(set.rand()), hex(set.autn()));

        UsimResult result = usim.authenticate(hex(set.rand()), hex(set.autn()));

        assertThat(result).isInstanceOf(UsimResult.SynchronisationFailure.class);
        UsimResult.SynchronisationFailure failure = (UsimResult.SynchronisationFailure) result;
        assertThat(failure.freshness()).isEqualTo(SqnFreshness.NOT_ABOVE_SLOT);
        // AUTS = (SQN_MS ⊕ f5*) ‖ f1*(SQN_MS, AMF 0000), recomputed from the test set's f5* and Milenage f1*.
        String concealed = String.format("%012x",
                set3Sqn ^ Long.parseLong(set.f5Star(), 16));
        String macS = hex(Milenage.fromOpc(hex(set.k()), hex(set.opc()))
                .f1Star(hex(set.rand()), hex(set.sqn()), new byte[2]));
        assertThat(hex(failure.auts().octets())).isEqualTo(concealed + macS);
    }

    @Test
    void reportsMacFailureForAnAlteredAutnAndKeepsItsState() {
        UsimSimulator usim = usimAt(set3Sqn - scheme.slots());
        for (int octet = 0; octet < AuthenticationVector.AUTN_LENGTH; octet++) {
            byte[] autn = hex(set.autn());
            autn[octet] ^= 0x40;

            assertThat(usim.authenticate(hex(set.rand()), autn))
                    .as("octet %d altered", octet).isInstanceOf(UsimResult.MacFailure.class);
        }
        assertThat(usim.sqnState().sqnMs()).isEqualTo(set3Sqn - scheme.slots());
    }

    @Test
    void macFailureWinsOverStaleSqn() {
        UsimSimulator usim = usimAt(Sqn.MAX);
        byte[] autn = hex(set.autn());
        autn[15] ^= 1;

        assertThat(usim.authenticate(hex(set.rand()), autn)).isInstanceOf(UsimResult.MacFailure.class);
    }

    @Test
    void verifiesMacAWithTheAmfCarriedInAutn() {
        UsimSimulator usim = usimAt(0);
        AuthenticationVector vector = hss("8000").generate(scheme.compose(7, 0));

        UsimResult result = usim.authenticate(vector.nonce());

        assertThat(result).isEqualTo(new UsimResult.Authenticated(vector.xres(), vector.ck(), vector.ik()));
    }

    @Test
    void resyncRoundTripBringsTheHssBackInStep() {
        long usimSqnMs = scheme.compose(5000, 0);
        UsimSimulator usim = usimAt(usimSqnMs);
        VectorGenerator hss = hss(set.amf());
        Resync resync = new Resync(Milenage.fromOpc(hex(set.k()), hex(set.opc())), scheme);
        long hssSqn = scheme.compose(10, 0);

        AuthenticationVector stale = hss.generate(hssSqn);
        hssSqn = scheme.next(hssSqn);
        UsimResult refused = usim.authenticate(stale.nonce());
        assertThat(refused).isInstanceOf(UsimResult.SynchronisationFailure.class);
        Auts auts = Auts.parse(((UsimResult.SynchronisationFailure) refused).auts().encode());

        ResyncOutcome outcome = resync.resynchronise(stale.rand(), auts, hssSqn);
        assertThat(outcome).isEqualTo(new ResyncOutcome.Resynchronised(usimSqnMs, scheme.compose(5001, 0), true));
        hssSqn = ((ResyncOutcome.Resynchronised) outcome).nextSqn();

        AuthenticationVector fresh = hss.generate(hssSqn);
        assertThat(usim.authenticate(fresh.nonce()))
                .isEqualTo(new UsimResult.Authenticated(fresh.xres(), fresh.ck(), fresh.ik()));
        assertThat(usim.authenticate(hss.generate(scheme.next(hssSqn)).nonce()))
                .isInstanceOf(UsimResult.Authenticated.class);

        byte[] tampered = auts.octets();
        tampered[3] ^= 0x10;
        assertThat(resync.resynchronise(stale.rand(), Auts.of(tampered), hssSqn))
                .isInstanceOf(ResyncOutcome.MacMismatch.class);
    }

    @Test
    void anSqnThatWrappedToZeroIsRefusedAndResyncRecovers() {
        long sqnMs = scheme.compose(scheme.maxSeq() - 1, 0);
        UsimSimulator usim = usimAt(sqnMs);
        VectorGenerator hss = hss(set.amf());
        long last = scheme.compose(scheme.maxSeq(), 0);

        assertThat(usim.authenticate(hss.generate(last).nonce())).isInstanceOf(UsimResult.Authenticated.class);
        AuthenticationVector wrapped = hss.generate(scheme.next(last));
        UsimResult refused = usim.authenticate(wrapped.nonce());

        assertThat(scheme.next(last)).isZero();
        assertThat(refused).isInstanceOf(UsimResult.SynchronisationFailure.class);
        ResyncOutcome outcome = new Resync(Milenage.fromOpc(hex(set.k()), hex(set.opc())), scheme)
                .resynchronise(wrapped.rand(), ((UsimResult.SynchronisationFailure) refused).auts(), 32);
        assertThat(outcome).isEqualTo(new ResyncOutcome.Resynchronised(last, 0, true));
    }

    @Test
    void refusesAVectorTooFarAheadWithBeyondDelta() {
        SqnScheme tight = new SqnScheme(5, 100);
        UsimSimulator usim = UsimSimulator.of(hex(set.k()), hex(set.opc()), tight, tight.compose(10, 0));

        UsimResult result = usim.authenticate(hss(set.amf()).generate(tight.compose(111, 0)).nonce());

        assertThat(result).isInstanceOf(UsimResult.SynchronisationFailure.class);
        assertThat(((UsimResult.SynchronisationFailure) result).freshness()).isEqualTo(SqnFreshness.BEYOND_DELTA);
    }
}
