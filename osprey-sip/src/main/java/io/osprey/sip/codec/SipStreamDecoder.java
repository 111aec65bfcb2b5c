package io.osprey.sip.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Objects;

/**
 * Frames SIP messages on a stream transport (TCP, TLS; RFC 3261 §18.3) and decodes them. Emits, in order:
 * {@link io.osprey.sip.message.SipMessage}s; {@link SipKeepAlive#PING} for each double-CRLF ping (RFC 5626
 * §4.4.1; the handler answers with {@link SipKeepAlive#PONG_BYTES}) or, on a client-side decoder,
 * {@link SipKeepAlive#PONG} for each single CRLF; and {@link SipDecodeError}s. Other CR/LF octets between
 * messages are skipped (§7.5).
 *
 * <p>A message that is framed correctly but malformed yields a non-fatal error and decoding goes on. A framing
 * failure (missing, repeated or bad Content-Length, head or body over the limits) yields a fatal error; the
 * decoder then discards all further input and the handler should close the connection. A Content-Length larger
 * than what has arrived simply waits for more (RFC 4475 §3.1.2.2). One instance per channel.
 */
public final class SipStreamDecoder extends ByteToMessageDecoder {

    private final SipMessageDecoder decoder;
    private final boolean clientSide;
    private int scanned;
    private int frameLength = -1;
    private boolean failed;

    /** A server-side decoder: double CRLF is a ping. */
    public SipStreamDecoder(SipMessageDecoder decoder) {
        this(decoder, false);
    }

    /** {@code clientSide} true makes each CRLF between messages a {@link SipKeepAlive#PONG}. */
    public SipStreamDecoder(SipMessageDecoder decoder, boolean clientSide) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.clientSide = clientSide;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            while (in.isReadable()) {
                if (frameLength < 0) {
                    if (!skipKeepAlives(in, out) || !in.isReadable()) {
                        return;
                    }
                    frameLength = frameLength(in);
                    if (frameLength < 0) {
                        return;
                    }
                }
                if (in.readableBytes() < frameLength) {
                    return;
                }
                byte[] frame = new byte[frameLength];
                in.readBytes(frame);
                frameLength = -1;
                scanned = 0;
                try {
                    out.add(decoder.decodeFrame(frame));
                } catch (SipParseException e) {
                    out.add(new SipDecodeError(e, false));
                }
            }
        } catch (SipParseException e) {
            failed = true;
            out.add(new SipDecodeError(withEcho(e, in), true));
            in.skipBytes(in.readableBytes());
        }
    }

    /** Consumes CR/LF between messages; false when more input is needed to tell a ping from a lone CRLF. */
    private boolean skipKeepAlives(ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int r = in.readerIndex();
            int readable = in.readableBytes();
            byte b0 = in.getByte(r);
            if (b0 != '\r' && b0 != '\n') {
                return true;
            }
            if (b0 == '\n') {
                in.skipBytes(1);
                continue;
            }
            if (readable < 2) {
                return false;
            }
            if (in.getByte(r + 1) != '\n') {
                in.skipBytes(1);
                continue;
            }
            if (clientSide) {
                in.skipBytes(2);
                out.add(SipKeepAlive.PONG);
                continue;
            }
            if (readable < 4 && (readable == 2 || in.getByte(r + 2) == '\r')) {
                return false;
            }
            if (readable >= 4 && in.getByte(r + 2) == '\r' && in.getByte(r + 3) == '\n') {
                in.skipBytes(4);
                out.add(SipKeepAlive.PING);
            } else {
                in.skipBytes(2);
            }
        }
        return true;
    }

    /** Head plus Content-Length once the head has arrived, else -1. */
    private int frameLength(ByteBuf in) {
        SipLimits limits = decoder.limits();
        int start = in.readerIndex();
        int readable = in.readableBytes();
        int maxHead = limits.maxStartLineLength() + 2 + limits.maxHeaderBytes() + 2;
        int to = start + Math.min(readable, maxHead);
        int end = StreamFraming.headEnd(in, start + scanned, to);
        boolean request = !StreamFraming.looksLikeResponse(in, start, to);
        if (end < 0) {
            if (readable >= maxHead) {
                throw ParseContext.tooLarge(513, "message", "header section too large", readable, maxHead, request);
            }
            scanned = Math.max(0, readable - 3);
            return -1;
        }
        return end - start + StreamFraming.contentLength(in, start, end, limits, request);
    }

    private SipParseException withEcho(SipParseException e, ByteBuf in) {
        if (!e.isRequest()) {
            return e;
        }
        byte[] head = new byte[Math.min(in.readableBytes(), decoder.limits().maxMessageSize())];
        in.getBytes(in.readerIndex(), head);
        return e.withEcho(Salvage.echoHeaders(head, 0, head.length, decoder.limits()));
    }
}
