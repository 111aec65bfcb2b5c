package io.osprey.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * The STUN keep-alive of SIP over UDP (RFC 5626 §4.4.2 and §8.4, RFC 5389): a UE behind a NAT sends a Binding
 * request to the SIP port of its edge proxy, and the Binding success response tells it the address the proxy saw,
 * so it notices when its NAT binding changed. The port serves SIP and STUN alike: a STUN message starts with two
 * zero bits and carries the magic cookie, which no SIP message can (RFC 5389 §6, RFC 7983).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |0 0|     STUN Message Type     |         Message Length        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                         Magic Cookie                          |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     Transaction ID (96 bits)                  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class StunBinding {

    static final int HEADER_LENGTH = 20;
    static final int MAGIC_COOKIE = 0x2112A442;
    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int XOR_MAPPED_ADDRESS = 0x0020;

    private StunBinding() {
    }

    /** Whether the datagram is a STUN message (any class or method): never to be parsed as SIP. */
    static boolean isStun(ByteBuf datagram) {
        int start = datagram.readerIndex();
        return datagram.readableBytes() >= HEADER_LENGTH && (datagram.getByte(start) & 0xC0) == 0
                && datagram.getInt(start + 4) == MAGIC_COOKIE
                && datagram.getUnsignedShort(start + 2) + HEADER_LENGTH == datagram.readableBytes()
                && (datagram.getUnsignedShort(start + 2) & 3) == 0;
    }

    /** Whether the STUN message is a Binding request, the one this port answers. */
    static boolean isBindingRequest(ByteBuf stun) {
        return stun.getUnsignedShort(stun.readerIndex()) == BINDING_REQUEST;
    }

    /**
     * The Binding success response to {@code request}: the same transaction ID and one XOR-MAPPED-ADDRESS
     * (RFC 5389 §15.2) naming {@code sender}, the address the request came from.
     */
    static ByteBuf successResponse(ByteBuf request, InetSocketAddress sender, ByteBufAllocator alloc) {
        byte[] address = sender.getAddress().getAddress();
        boolean v4 = sender.getAddress() instanceof Inet4Address;
        int attributeLength = 4 + address.length;
        ByteBuf response = alloc.ioBuffer(HEADER_LENGTH + 4 + attributeLength);
        response.writeShort(BINDING_SUCCESS).writeShort(4 + attributeLength).writeInt(MAGIC_COOKIE);
        response.writeBytes(request, request.readerIndex() + 8, 12); // transaction ID
        response.writeShort(XOR_MAPPED_ADDRESS).writeShort(attributeLength);
        response.writeByte(0).writeByte(v4 ? 0x01 : 0x02).writeShort(sender.getPort() ^ (MAGIC_COOKIE >>> 16));
        // IPv4: XOR with the cookie; IPv6: with the cookie followed by the transaction ID (RFC 5389 §15.2)
        for (int i = 0; i < address.length; i++) {
            int key = i < 4 ? (MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : request.getByte(request.readerIndex() + 4 + i);
            response.writeByte(address[i] ^ key);
        }
        return response;
    }
}
