package io.osprey.diameter.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.codec.DiameterValidator;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.DiameterApplication;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.RfDictionary;
import io.osprey.diameter.dictionary.RxDictionary;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CER/CEA contents and Process-CER/CEA of RFC 6733 §5.3. */
class CapabilitiesExchangeTest {

    private static final LocalIdentity PCRF = LocalIdentity.of("pcrf.ims.test", "ims.test", PeerFixtures.EPOCH);

    private static LocalCapabilities local(boolean relay, DiameterApplication... apps) {
        return new LocalCapabilities(PCRF, List.of(), 10415, "Osprey PCRF", 1234, 3, List.of(5535L), List.of(apps), relay);
    }

    @Test
    void cerAnnouncesIdentityProductAndEveryApplicationInItsOwnForm() {
        DiameterMessage cer = new BaseMessages(local(false, CxDictionary.APPLICATION, RxDictionary.APPLICATION,
                RfDictionary.APPLICATION)).cer(PeerFixtures.loopback());

        new DiameterValidator().validate(cer);
        assertThat(cer.applicationId()).isZero();
        assertThat(cer.isProxiable()).isFalse();
        assertThat(cer.avp(BaseDictionary.ORIGIN_REALM).orElseThrow().asDiameterIdentity()).isEqualTo("ims.test");
        assertThat(cer.avp(BaseDictionary.VENDOR_ID).orElseThrow().asUnsigned32()).isEqualTo(10415);
        assertThat(cer.avp(BaseDictionary.PRODUCT_NAME).orElseThrow().asUtf8()).isEqualTo("Osprey PCRF");
        assertThat(cer.avp(BaseDictionary.PRODUCT_NAME).orElseThrow().isMandatory()).isFalse();
        assertThat(cer.avp(BaseDictionary.ORIGIN_STATE_ID).orElseThrow().asUnsigned32()).isEqualTo(1234);
        assertThat(cer.avp(BaseDictionary.FIRMWARE_REVISION).orElseThrow().asUnsigned32()).isEqualTo(3);
        assertThat(cer.avps(BaseDictionary.SUPPORTED_VENDOR_ID)).map(Avp::asUnsigned32).containsExactly(5535L, 10415L);
        assertThat(cer.avps(BaseDictionary.INBAND_SECURITY_ID)).map(Avp::asUnsigned32).containsExactly(0L);
        // Cx as {Vendor-Id 10415, Auth-Application-Id}, Rx as a plain Auth-Application-Id, Rf as Acct-Application-Id
        Avp cx = cer.avp(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID).orElseThrow();
        assertThat(cx.avp(BaseDictionary.VENDOR_ID).orElseThrow().asUnsigned32()).isEqualTo(10415);
        assertThat(cx.avp(BaseDictionary.AUTH_APPLICATION_ID).orElseThrow().asUnsigned32()).isEqualTo(16777216);
        assertThat(cer.avps(BaseDictionary.AUTH_APPLICATION_ID)).map(Avp::asUnsigned32).containsExactly(16777236L);
        assertThat(cer.avps(BaseDictionary.ACCT_APPLICATION_ID)).map(Avp::asUnsigned32).containsExactly(3L);

        PeerCapabilities read = PeerCapabilities.of(cer);
        assertThat(read.host()).isEqualTo("pcrf.ims.test");
        assertThat(read.realm()).isEqualTo("ims.test");
        assertThat(read.vendorId()).isEqualTo(10415);
        assertThat(read.originStateId()).isEqualTo(1234);
        assertThat(read.applicationIds()).containsExactlyInAnyOrder(16777216L, 16777236L, 3L);
        assertThat(read.relay()).isFalse();
    }

    @Test
    void ceaCarriesTheResultAndTheSameCapabilities() {
        BaseMessages messages = new BaseMessages(local(false, ShDictionary.APPLICATION));
        DiameterMessage cer = new BaseMessages(local(false, CxDictionary.APPLICATION)).cer(PeerFixtures.loopback());

        DiameterMessage refusal = messages.cea(cer, ResultCodes.DIAMETER_NO_COMMON_APPLICATION, PeerFixtures.loopback(),
                "no application in common");

        new DiameterValidator().validate(refusal);
        assertThat(refusal.result()).contains(ResultCodes.DIAMETER_NO_COMMON_APPLICATION);
        assertThat(refusal.isError()).isFalse();
        assertThat(refusal.hopByHopId()).isEqualTo(cer.hopByHopId());
        assertThat(refusal.avp(BaseDictionary.ERROR_MESSAGE).orElseThrow().asUtf8()).isEqualTo("no application in common");
        assertThat(PeerCapabilities.of(refusal).applicationIds()).containsExactly(16777217L);
    }

    @Test
    void commonApplicationNeedsASharedIdOrARelay() {
        PeerCapabilities cxPeer = new PeerCapabilities("hss.ims.test", "ims.test", 0, "x", -1, Set.of(16777216L), false);
        PeerCapabilities rxPeer = new PeerCapabilities("pcrf.ims.test", "ims.test", 0, "x", -1, Set.of(16777236L), false);
        PeerCapabilities relayPeer = PeerCapabilities.of(new BaseMessages(local(true)).cer(PeerFixtures.loopback()));

        assertThat(local(false, CxDictionary.APPLICATION).hasCommonApplication(cxPeer)).isTrue();
        assertThat(local(false, CxDictionary.APPLICATION).hasCommonApplication(rxPeer)).isFalse();
        assertThat(local(false).hasCommonApplication(cxPeer)).isFalse();
        assertThat(relayPeer.relay()).isTrue();
        assertThat(relayPeer.supports(16777236L)).isTrue();
        assertThat(local(false, CxDictionary.APPLICATION).hasCommonApplication(relayPeer)).isTrue();
        assertThat(local(true).hasCommonApplication(rxPeer)).isTrue();
    }

    @Test
    void watchdogAndDisconnectMessagesFollowTheirAbnf() {
        BaseMessages messages = new BaseMessages(local(false, CxDictionary.APPLICATION));
        DiameterValidator validator = new DiameterValidator();
        DiameterMessage dwr = messages.dwr();
        DiameterMessage dpr = messages.dpr(BaseDictionary.DISCONNECT_DO_NOT_WANT_TO_TALK_TO_YOU);
        validator.validate(dwr);
        validator.validate(messages.dwa(dwr));
        validator.validate(dpr);
        validator.validate(messages.dpa(dpr));
        assertThat(dwr.avp(BaseDictionary.ORIGIN_STATE_ID).orElseThrow().asUnsigned32()).isEqualTo(1234);
        assertThat(dpr.avp(BaseDictionary.DISCONNECT_CAUSE).orElseThrow().asEnumerated()).isEqualTo(2);
        assertThat(messages.dpa(dpr).result()).contains(ResultCodes.DIAMETER_SUCCESS);
    }
}
