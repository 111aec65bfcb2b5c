package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** STUN Binding on the SIP UDP port (RFC 5626 §4.4.2), checked against the sample messages of RFC 5769. */
class StunBindingTest {

    private static final HexFormat HEX = HexFormat.of();
    /** RFC 5769 §2.1's transaction ID. */
    private static final String TRANSACTION = "b7e7a701bc34d686fa87dfae";

    private static ByteBuf bindingRequest() {
        return Unpooled.wrappedBuffer(HEX.parseHex("000100002112a442" + TRANSACTION));
    }

    private static String attribute(ByteBuf response) {
        return ByteBufUtil.hexDump(response, 20, response.readableBytes() - 20);
    }

    @Test
    void anIpv4SenderIsNamedAsRfc5769EncodesIt() throws Exception {
        // RFC 5769 §2.2: 192.0.2.1 port 32853 as XOR-MAPPED-ADDRESS
        InetSocketAddress sender = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);

        ByteBuf response = StunBinding.successResponse(bindingRequest(), sender, UnpooledByteBufAllocator.DEFAULT);

        assertThat(ByteBufUtil.hexDump(response, 0, 20)).isEqualTo("0101000c2112a442" + TRANSACTION);
        assertThat(attribute(response)).isEqualTo("002000080001a147e112a643");
    }

    @Test
    void anIpv6SenderIsNamedAsRfc5769EncodesIt() throws Exception {
        // RFC 5769 §2.3: 2001:db8:1234:5678:11:2233:4455:6677 port 32853
        InetSocketAddress sender = new InetSocketAddress(
                InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853);

        ByteBuf response = StunBinding.successResponse(bindingRequest(), sender, UnpooledByteBufAllocator.DEFAULT);

        assertThat(response.getUnsignedShort(2)).isEqualTo(24);
        assertThat(attribute(response)).isEqualTo("002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9");
    }

    @Test
    void onlyStunIsTakenForStunAndOnlyABindingRequestIsAnswered() {
        ByteBuf sip = Unpooled.copiedBuffer("OPTIONS sip:pcscf.ims.test SIP/2.0\r\n\r\n", StandardCharsets.US_ASCII);
        ByteBuf indication = Unpooled.wrappedBuffer(HEX.parseHex("001100002112a442" + TRANSACTION));
        ByteBuf wrongCookie = Unpooled.wrappedBuffer(HEX.parseHex("0001000021120000" + TRANSACTION));

        assertThat(StunBinding.isStun(bindingRequest())).isTrue();
        assertThat(StunBinding.isBindingRequest(bindingRequest())).isTrue();
        assertThat(StunBinding.isStun(indication)).isTrue();
        assertThat(StunBinding.isBindingRequest(indication)).as("a Binding indication wants no answer").isFalse();
        assertThat(StunBinding.isStun(sip)).isFalse();
        assertThat(StunBinding.isStun(wrongCookie)).isFalse();
    }
}
