package io.osprey.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.osprey.diameter.message.DiameterMessage;

/** Pipeline glue: writes each {@link DiameterMessage} into a buffer of exactly its length. */
@ChannelHandler.Sharable
public final class DiameterMessageEncoder extends MessageToByteEncoder<DiameterMessage> {

    public DiameterMessageEncoder() {
        super(DiameterMessage.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, DiameterMessage msg, boolean preferDirect) {
        return ctx.alloc().ioBuffer(msg.length(), msg.length());
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, DiameterMessage msg, ByteBuf out) {
        DiameterEncoder.encode(msg, out);
    }
}
