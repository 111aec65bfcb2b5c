package io.osprey.diameter.codec;

import static io.osprey.diameter.codec.TestFrames.hex;
import static io.osprey.diameter.codec.TestFrames.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiameterValidatorTest {

    private final DiameterValidator validator = new DiameterValidator();

    private static DiameterMessage cer() {
        return new DiameterDecoder().decode(hex(MessageVectorsTest.CER));
    }

    private static DiameterMessage withAvps(DiameterMessage message, List<Avp> avps) {
        return message.withAvps(avps);
    }

    private DiameterDecodeException failure(DiameterMessage message) {
        return catchThrowableOfType(DiameterDecodeException.class, () -> validator.validate(message));
    }

    @Test
    void acceptsAWellFormedCer() {
        assertThatCode(() -> validator.validate(cer())).doesNotThrowAnyException();
    }

    @Test
    void missingRequiredAvpGivesAZeroFilledExample() {
        List<Avp> avps = new ArrayList<>(cer().avps());
        avps.removeIf(a -> a.is(BaseDictionary.VENDOR_ID));
        DiameterDecodeException e = failure(withAvps(cer(), avps));
        assertThat(e.resultCode()).isEqualTo(ResultCodes.DIAMETER_MISSING_AVP);
        // Vendor-Id (266 = 0x10a), M, with a zero Unsigned32 payload
        assertThat(hexOf(e.failedAvp().orElseThrow())).isEqualTo("0000010a4000000c00000000");
        assertThat(e.getMessage()).contains("CER").contains("Vendor-Id");
    }

    @Test
    void missingVendorAvpKeepsItsVendorId() {
        DiameterMessage mar = DiameterMessage.request(CxDictionary.MULTIMEDIA_AUTH, MessageVectorsTest.LOCAL)
                .destinationRealm("r").add(BaseDictionary.USER_NAME, "u").add(CxDictionary.PUBLIC_IDENTITY, "sip:u@r")
                .add(CxDictionary.SIP_AUTH_DATA_ITEM).add(CxDictionary.SIP_NUMBER_AUTH_ITEMS, 1)
                .add(CxDictionary.SERVER_NAME, "sip:s").build();
        List<Avp> avps = new ArrayList<>(mar.avps());
        avps.removeIf(a -> a.is(CxDictionary.SIP_NUMBER_AUTH_ITEMS));
        DiameterDecodeException e = failure(withAvps(mar, avps));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5005));
        // SIP-Number-Auth-Items (607 = 0x25f), V+M, vendor 10415, zero payload
        assertThat(hexOf(e.failedAvp().orElseThrow())).isEqualTo("0000025fc0000010000028af00000000");
    }

    @Test
    void tooManyOccurrencesReportsTheFirstSurplusInstance() {
        List<Avp> avps = new ArrayList<>(cer().avps());
        Avp second = Avps.of(BaseDictionary.ORIGIN_HOST, "second.host");
        avps.add(second);
        DiameterDecodeException e = failure(withAvps(cer(), avps));
        assertThat(e.resultCode()).isEqualTo(ResultCodes.DIAMETER_AVP_OCCURS_TOO_MANY_TIMES);
        assertThat(e.failedAvp()).contains(second);
    }

    @Test
    void unknownMandatoryAvpInARequestIsUnsupported() {
        List<Avp> avps = new ArrayList<>(cer().avps());
        Avp unknown = Avp.raw(77777, 0x40, 0, new byte[] {1, 2, 3, 4});
        avps.add(unknown);
        DiameterDecodeException e = failure(withAvps(cer(), avps));
        assertThat(e.resultCode()).isEqualTo(ResultCodes.DIAMETER_AVP_UNSUPPORTED);
        assertThat(e.failedAvp()).contains(unknown);
    }

    @Test
    void unknownAvpWithoutTheMBitIsIgnored() {
        List<Avp> avps = new ArrayList<>(cer().avps());
        avps.add(Avp.raw(77777, 0, 0, new byte[] {1}));
        assertThatCode(() -> validator.validate(withAvps(cer(), avps))).doesNotThrowAnyException();
    }

    @Test
    void unknownMandatoryAvpNestedInAGroupIsReportedInsideTheGroup() {
        List<Avp> avps = new ArrayList<>(cer().avps());
        Avp unknown = Avp.raw(77777, 0x40, 0, new byte[4]);
        avps.add(Avps.of(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID, Avps.of(BaseDictionary.VENDOR_ID, 10415), unknown));
        DiameterDecodeException e = failure(withAvps(cer(), avps));
        assertThat(e.resultCode()).isEqualTo(ResultCodes.DIAMETER_AVP_UNSUPPORTED);
        Avp failed = e.failedAvp().orElseThrow();
        assertThat(failed.is(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID)).isTrue();
        assertThat(failed.asGrouped()).containsExactly(unknown);
    }

    @Test
    void unknownMandatoryAvpInAnAnswerIsNotRejected() {
        DiameterMessage cea = DiameterMessage.answerTo(cer(), MessageVectorsTest.LOCAL).result(ResultCodes.DIAMETER_SUCCESS)
                .add(Avps.of(BaseDictionary.HOST_IP_ADDRESS, io.osprey.diameter.message.DiameterAddress.ofE164("1")))
                .add(BaseDictionary.VENDOR_ID, 1).add(BaseDictionary.PRODUCT_NAME, "p")
                .add(Avp.raw(77777, 0x40, 0, new byte[4])).build();
        assertThatCode(() -> validator.validate(cea)).doesNotThrowAnyException();
    }

    @Test
    void proxiableBitThatContradictsTheCommand() {
        DiameterMessage cer = cer();
        DiameterMessage proxiable = DiameterMessage.of(cer.flags() | DiameterMessage.FLAG_PROXIABLE, cer.commandCode(),
                cer.applicationId(), cer.hopByHopId(), cer.endToEndId(), cer.avps());
        assertThat(failure(proxiable).resultCode()).isEqualTo(ResultCodes.DIAMETER_INVALID_HDR_BITS);
    }

    @Test
    void groupedMemberRulesAreCheckedWithTheGroupPath() {
        List<Avp> avps = new ArrayList<>(cer().avps());
        // Experimental-Result without its required Vendor-Id
        avps.add(Avps.of(BaseDictionary.EXPERIMENTAL_RESULT, Avps.of(BaseDictionary.EXPERIMENTAL_RESULT_CODE, 2001)));
        DiameterDecodeException e = failure(withAvps(cer(), avps));
        assertThat(e.resultCode()).isEqualTo(ResultCodes.DIAMETER_MISSING_AVP);
        Avp failed = e.failedAvp().orElseThrow();
        assertThat(failed.is(BaseDictionary.EXPERIMENTAL_RESULT)).isTrue();
        assertThat(failed.asGrouped().get(0).is(BaseDictionary.VENDOR_ID)).isTrue();
    }

    @Test
    void errorAnswersAreNotHeldToTheCommandAbnf() {
        DiameterMessage error = DiameterMessage.answerTo(cer(), MessageVectorsTest.LOCAL)
                .result(ResultCodes.DIAMETER_UNABLE_TO_DELIVER).build();
        assertThat(error.isError()).isTrue();
        assertThatCode(() -> validator.validate(error)).doesNotThrowAnyException();
    }

    @Test
    void unknownCommandsPass() {
        DiameterMessage unknown = DiameterMessage.of(0x80, 999, 12345, cer().hopByHopId(), cer().endToEndId(), List.of());
        assertThatCode(() -> validator.validate(unknown)).doesNotThrowAnyException();
    }
}
