package io.osprey.diameter.codec;

import static io.osprey.diameter.codec.TestFrames.requestFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorAnswersTest {

    @Test
    void decodeFailureOfARequestIsAnsweredWithFailedAvp() {
        // Session-Id "s", then Result-Code with 3 data octets
        DiameterDecodeException e = catchThrowableOfType(DiameterDecodeException.class, () -> new DiameterDecoder()
                .decode(requestFrame("00000107 40 000009 73 000000 0000010c 40 00000b 0007d1 00")));

        DiameterMessage answer = ErrorAnswers.forDecodeFailure(e, MessageVectorsTest.LOCAL).orElseThrow();

        assertThat(answer.isRequest()).isFalse();
        assertThat(answer.isError()).isFalse();
        assertThat(answer.hopByHopId().value()).isEqualTo(0x11111111);
        assertThat(answer.endToEndId().value()).isEqualTo(0x22222222);
        assertThat(answer.sessionId()).contains("s");
        assertThat(answer.result()).contains(ResultCode.base(5014));
        Avp failed = answer.avp(BaseDictionary.FAILED_AVP).orElseThrow().asGrouped().get(0);
        assertThat(failed.code()).isEqualTo(268);
        assertThat(failed.dataLength()).isEqualTo(3);
        assertThat(answer.avp(BaseDictionary.ERROR_MESSAGE).orElseThrow().asUtf8()).contains("Result-Code");
    }

    @Test
    void protocolErrorsSetTheErrorBit() {
        DiameterDecodeException e = catchThrowableOfType(DiameterDecodeException.class,
                () -> new DiameterDecoder().decode(requestFrame("00000201 c0 000010 00000000 00000008")));
        DiameterMessage answer = ErrorAnswers.forDecodeFailure(e, MessageVectorsTest.LOCAL).orElseThrow();
        assertThat(answer.result()).contains(ResultCodes.DIAMETER_INVALID_AVP_BITS);
        assertThat(answer.isError()).isTrue();
    }

    @Test
    void failedAnswersAndUnreadableHeadersGetNoAnswer() {
        DiameterDecodeException fromAnswer = catchThrowableOfType(DiameterDecodeException.class,
                () -> new DiameterDecoder().decode(TestFrames.frame(0x00, 280, "0000010c")));
        assertThat(ErrorAnswers.forDecodeFailure(fromAnswer, MessageVectorsTest.LOCAL)).isEmpty();
        DiameterDecodeException tooShort = new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_MESSAGE_LENGTH, "x", null);
        assertThat(ErrorAnswers.forDecodeFailure(tooShort, MessageVectorsTest.LOCAL)).isEmpty();
    }

    @Test
    void avpUnsupportedAnswerCarriesTheUnknownAvp() {
        DiameterMessage cer = new DiameterDecoder().decode(TestFrames.hex(MessageVectorsTest.CER));
        List<Avp> avps = new ArrayList<>(cer.avps());
        Avp unknown = Avp.raw(77777, 0x40, 0, new byte[] {9});
        avps.add(unknown);
        DiameterMessage request = cer.withAvps(avps);
        DiameterDecodeException e = catchThrowableOfType(DiameterDecodeException.class,
                () -> new DiameterValidator().validate(request));

        DiameterMessage viaValidator = ErrorAnswers.forRequest(request, e, MessageVectorsTest.LOCAL);
        DiameterMessage direct = ErrorAnswers.avpUnsupported(request, unknown, MessageVectorsTest.LOCAL);

        for (DiameterMessage answer : List.of(viaValidator, direct)) {
            assertThat(answer.result()).contains(ResultCodes.DIAMETER_AVP_UNSUPPORTED);
            assertThat(answer.isError()).isFalse();
            assertThat(answer.avp(BaseDictionary.FAILED_AVP).orElseThrow().asGrouped()).containsExactly(unknown);
            assertThat(answer.commandCode()).isEqualTo(257);
        }
    }
}
