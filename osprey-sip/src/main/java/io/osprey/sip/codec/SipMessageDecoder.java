package io.osprey.sip.codec;

import io.netty.buffer.ByteBuf;
import io.osprey.sip.message.SipMessage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Decodes SIP messages from datagrams (RFC 3261 §18.3): Content-Length, when present, bounds the message and any
 * octets after it are ignored (RFC 4475 §3.1.1.8); when absent the body is the rest of the datagram; a
 * Content-Length beyond the datagram is an error (§3.1.2.2). Each call copies the input once; the message keeps
 * that copy and indexes into it. Thread-safe: one instance can serve every channel.
 *
 * <p>Failures throw {@link SipParseException}: for requests it says the status and Warning to answer with,
 * responses are to be dropped. The stream framing for TCP/TLS is in {@link SipStreamDecoder}.
 */
public final class SipMessageDecoder {

    private final ParseContext ctx;
    private final SipParser parser;

    /** Default limits, lenient policy, own counters. */
    public SipMessageDecoder() {
        this(SipLimits.DEFAULTS, CompliancePolicy.LENIENT, new ComplianceCounters());
    }

    /** A decoder enforcing {@code limits}, tolerating what {@code policy} allows, counting it in {@code counters}. */
    public SipMessageDecoder(SipLimits limits, CompliancePolicy policy, ComplianceCounters counters) {
        this.ctx = new ParseContext(Objects.requireNonNull(limits, "limits"), Objects.requireNonNull(policy, "policy"),
                Objects.requireNonNull(counters, "counters"));
        this.parser = new SipParser(ctx);
    }

    /** The limits in force. */
    public SipLimits limits() {
        return ctx.limits();
    }

    /** The compliance policy in force. */
    public CompliancePolicy policy() {
        return ctx.policy();
    }

    /** Where tolerated deviations are counted. */
    public ComplianceCounters counters() {
        return ctx.counters();
    }

    /**
     * Decodes one datagram.
     *
     * @return the message, or null when the datagram holds only CRLF keep-alives
     * @throws SipParseException when the datagram is not an acceptable SIP message
     */
    public SipMessage decode(byte[] datagram) {
        return decode(datagram, 0, datagram.length);
    }

    /** Decodes the datagram at {@code datagram[offset, offset+length)}; see {@link #decode(byte[])}. */
    public SipMessage decode(byte[] datagram, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, datagram.length);
        checkSize(length);
        byte[] copy = new byte[length];
        System.arraycopy(datagram, offset, copy, 0, length);
        return parser.parse(copy, 0, length, true);
    }

    /** Decodes the readable bytes of {@code datagram}, consuming them; see {@link #decode(byte[])}. */
    public SipMessage decode(ByteBuf datagram) {
        int length = datagram.readableBytes();
        byte[] copy = new byte[Math.min(length, ctx.limits().maxMessageSize())];
        datagram.readBytes(copy);
        datagram.skipBytes(datagram.readableBytes());
        checkSize(length);
        return parser.parse(copy, 0, length, true);
    }

    /** Decodes the remaining bytes of {@code datagram}, consuming them; see {@link #decode(byte[])}. */
    public SipMessage decode(ByteBuffer datagram) {
        int length = datagram.remaining();
        byte[] copy = new byte[Math.min(length, ctx.limits().maxMessageSize())];
        datagram.get(copy);
        datagram.position(datagram.limit());
        checkSize(length);
        return parser.parse(copy, 0, length, true);
    }

    /** Decodes a stream frame that is exactly one message (head and Content-Length body); owns {@code frame}. */
    SipMessage decodeFrame(byte[] frame) {
        return parser.parse(frame, 0, frame.length, false);
    }

    private void checkSize(int length) {
        int max = ctx.limits().maxMessageSize();
        if (length > max) {
            throw new SipParseException(513, "message", "datagram too large", Integer.toString(length), max, false,
                    List.of());
        }
    }
}
