package io.osprey.diameter.codec;

import static io.osprey.diameter.codec.TestFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.RoDictionary;
import io.osprey.diameter.dictionary.RxDictionary;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.EndToEndIdGenerator;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.message.SessionIdGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The framer and decoder in a Netty pipeline, fed the wire bytes split at every byte boundary. */
class DiameterFrameDecoderTest {

    static final LocalIdentity LOCAL = new LocalIdentity("pcscf.ims.example", "ims.example",
            new SessionIdGenerator("pcscf.ims.example", 3913056000L), new EndToEndIdGenerator(Instant.EPOCH, 5));

    static Stream<byte[]> messages() throws Exception {
        DiameterMessage aar = DiameterMessage.request(RxDictionary.AA, LOCAL).destinationRealm("ims.example")
                .add(RxDictionary.MEDIA_COMPONENT_DESCRIPTION, Avps.of(RxDictionary.MEDIA_COMPONENT_NUMBER, 1),
                        Avps.of(RxDictionary.MEDIA_SUB_COMPONENT, Avps.of(RxDictionary.FLOW_NUMBER, 1),
                                Avps.of(RxDictionary.FLOW_DESCRIPTION, "permit out 17 from 10.0.0.1 to 10.0.0.2 5000")))
                .build();
        DiameterMessage ccr = DiameterMessage.request(RoDictionary.CREDIT_CONTROL_COMMAND, LOCAL)
                .destinationRealm("ims.example").add(RoDictionary.SERVICE_CONTEXT_ID, "32260@3gpp.org")
                .add(RoDictionary.CC_REQUEST_TYPE, RoDictionary.INITIAL_REQUEST).add(RoDictionary.CC_REQUEST_NUMBER, 0)
                .build();
        DiameterMessage uaa = DiameterMessage.answerTo(DiameterMessage.request(CxDictionary.USER_AUTHORIZATION, LOCAL)
                        .destinationRealm("ims.example").add(BaseDictionary.USER_NAME, "alice@ims.example")
                        .add(CxDictionary.PUBLIC_IDENTITY, "sip:alice@ims.example")
                        .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, "ims.example").build(), LOCAL)
                .result(CxResultCodes.DIAMETER_FIRST_REGISTRATION).build();
        return Stream.of(hex(MessageVectorsTest.CER), MessageVectorsTest.builtCer(), aar, ccr, uaa)
                .map(m -> m instanceof DiameterMessage message ? DiameterEncoder.toByteArray(message) : (byte[]) m);
    }

    private static EmbeddedChannel pipeline() {
        return new EmbeddedChannel(new DiameterFrameDecoder(),
                new DiameterMessageDecoder(new DiameterDecoder()), new DiameterMessageEncoder());
    }

    private static List<DiameterMessage> drain(EmbeddedChannel channel) {
        List<DiameterMessage> out = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            out.add((DiameterMessage) o);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("messages")
    void decodesWhenSplitAtEveryByteBoundary(byte[] wire) {
        for (int split = 1; split < wire.length; split++) {
            EmbeddedChannel channel = pipeline();
            channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, split));
            assertThat(drain(channel)).as("after %d of %d octets", split, wire.length).isEmpty();
            channel.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));
            List<DiameterMessage> decoded = drain(channel);
            assertThat(decoded).hasSize(1);
            assertThat(DiameterEncoder.toByteArray(decoded.get(0))).isEqualTo(wire);
            assertThat(channel.finish()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("messages")
    void decodesOneOctetAtATimeAndBackToBack(byte[] wire) {
        EmbeddedChannel channel = pipeline();
        byte[] twice = new byte[wire.length * 2];
        System.arraycopy(wire, 0, twice, 0, wire.length);
        System.arraycopy(wire, 0, twice, wire.length, wire.length);
        for (byte b : twice) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        List<DiameterMessage> decoded = drain(channel);
        assertThat(decoded).hasSize(2);
        assertThat(DiameterEncoder.toByteArray(decoded.get(1))).isEqualTo(wire);
        channel.finishAndReleaseAll();
    }

    @Test
    void encoderWritesTheWireBytes() throws Exception {
        EmbeddedChannel channel = pipeline();
        channel.writeOutbound(MessageVectorsTest.builtCer());
        ByteBuf out = channel.readOutbound();
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        assertThat(bytes).isEqualTo(hex(MessageVectorsTest.CER));
    }

    @Test
    void lengthAboveTheLimitIsRefusedFromTheFirstFourOctets() {
        EmbeddedChannel channel = new EmbeddedChannel(new DiameterFrameDecoder(new DiameterLimits(1024, 10, 2)));
        // claims 0xfffff0 octets; only the first four are sent, nothing is buffered for the body
        DiameterDecodeException e = catchThrowableOfType(DiameterDecodeException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(hex("01fffff0"))));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5015));
        assertThat(e.isFramingError()).isTrue();
        assertThat(e.partialMessage()).isEmpty();
    }

    @Test
    void badHeaderCarriesThePartialHeaderAndStopsTheStream() throws Exception {
        EmbeddedChannel channel = pipeline();
        byte[] bad = hex(MessageVectorsTest.CER);
        bad[0] = 2;
        DiameterDecodeException e = catchThrowableOfType(DiameterDecodeException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(bad)));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5011));
        assertThat(e.isFramingError()).isTrue();
        assertThat(e.partialMessage().orElseThrow().commandCode()).isEqualTo(257);
        // the stream is out of step: a good message after it is discarded, not decoded
        channel.writeInbound(Unpooled.wrappedBuffer(hex(MessageVectorsTest.CER)));
        assertThat(drain(channel)).isEmpty();
    }

    @Test
    void lengthBelowTheHeaderOrUnalignedIsAFramingError() {
        for (String prefix : List.of("01000010", "01000015")) {
            EmbeddedChannel channel = new EmbeddedChannel(new DiameterFrameDecoder());
            DiameterDecodeException e = catchThrowableOfType(DiameterDecodeException.class,
                    () -> channel.writeInbound(Unpooled.wrappedBuffer(hex(prefix))));
            assertThat(e.resultCode()).as(prefix).isEqualTo(ResultCode.base(5015));
        }
    }

    @Test
    void badMessageInsideAGoodFrameLeavesTheStreamUsable() {
        EmbeddedChannel channel = pipeline();
        // a well-framed DWR whose Result-Code has 3 data octets
        byte[] bad = TestFrames.requestFrame("0000010c 40 00000b 0007d1 00");
        DiameterDecodeException e = catchThrowableOfType(DiameterDecodeException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(bad)));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5014));
        assertThat(e.isFramingError()).isFalse();
        channel.writeInbound(Unpooled.wrappedBuffer(hex(MessageVectorsTest.CER)));
        assertThat(drain(channel)).hasSize(1);
    }

    @Test
    void framesAreSlicesOfTheInputNotCopies() {
        EmbeddedChannel channel = new EmbeddedChannel(new DiameterFrameDecoder());
        ByteBuf input = Unpooled.wrappedBuffer(hex(MessageVectorsTest.CER));
        channel.writeInbound(input.retain());
        ByteBuf frame = channel.readInbound();
        assertThat(frame.unwrap()).isSameAs(input);
        frame.release();
        input.release();
    }
}
