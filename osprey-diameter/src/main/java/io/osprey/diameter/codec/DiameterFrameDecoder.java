package io.osprey.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.DiameterMessage;
import java.util.List;

/**
 * Splits a TCP byte stream into Diameter frames using the version octet and the 24-bit Message Length at
 * offset 1 (RFC 6733 §3). Each frame is emitted as a retained slice, without copying. The version, the
 * length's minimum, its 4-octet alignment and the configured maximum are checked as soon as the first four
 * octets arrive, before anything is buffered for the body. A bad header leaves the stream out of step
 * (RFC 6733 §2.1: the connection must be closed), so after one the decoder discards all further input and
 * fires a framing {@link DiameterDecodeException}, carrying the header when 20 octets were available.
 */
public final class DiameterFrameDecoder extends ByteToMessageDecoder {

    private static final int PREFIX_LENGTH = 4;

    private final int maxMessageLength;
    private boolean failed;

    public DiameterFrameDecoder(DiameterLimits limits) {
        this.maxMessageLength = limits.maxMessageLength();
    }

    public DiameterFrameDecoder() {
        this(DiameterLimits.DEFAULT);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < PREFIX_LENGTH) {
            return;
        }
        int start = in.readerIndex();
        int version = in.getUnsignedByte(start);
        int length = in.getUnsignedMedium(start + 1);
        DiameterDecodeException error = null;
        if (version != DiameterMessage.VERSION) {
            error = new DiameterDecodeException(ResultCodes.DIAMETER_UNSUPPORTED_VERSION,
                    "version " + version + " is not " + DiameterMessage.VERSION, null);
        } else if (length < DiameterMessage.HEADER_LENGTH || length % 4 != 0) {
            error = new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_MESSAGE_LENGTH, "Message Length " + length
                    + " is below " + DiameterMessage.HEADER_LENGTH + " or not a multiple of 4", null);
        } else if (length > maxMessageLength) {
            error = new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_MESSAGE_LENGTH,
                    "Message Length " + length + " exceeds the limit " + maxMessageLength, null);
        }
        if (error != null) {
            failed = true;
            DiameterMessage header = null;
            if (in.readableBytes() >= DiameterMessage.HEADER_LENGTH) {
                byte[] bytes = new byte[DiameterMessage.HEADER_LENGTH];
                in.getBytes(start, bytes);
                header = DiameterDecoder.headerOnly(bytes);
            }
            in.skipBytes(in.readableBytes());
            throw error.withPartialMessage(header).asFramingError();
        }
        if (in.readableBytes() < length) {
            return;
        }
        out.add(in.readRetainedSlice(length));
    }
}
