package io.osprey.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Pipeline glue after {@link DiameterFrameDecoder}: turns each frame into a
 * {@link io.osprey.diameter.message.DiameterMessage} with a {@link DiameterDecoder}. A bad message reaches
 * {@code exceptionCaught} as a {@link DiameterDecodeException}; the stream stays in step, so the connection
 * can answer it and carry on.
 */
@ChannelHandler.Sharable
public final class DiameterMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    private final DiameterDecoder decoder;

    public DiameterMessageDecoder(DiameterDecoder decoder) {
        super(ByteBuf.class);
        this.decoder = decoder;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(decoder.decode(frame));
    }
}
