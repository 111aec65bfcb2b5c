package io.osprey.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipHeader;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: byte-exact resources and a structural comparison of two messages. */
final class SipTestMessages {

    private SipTestMessages() {
    }

    /** The bytes of test resource {@code path} (e.g. "rfc4475/wsinv.dat"). */
    static byte[] resource(String path) {
        try (InputStream in = SipTestMessages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Name/value pairs of every field except Content-Length, which the encoder recomputes. */
    static List<String> fieldsWithoutContentLength(SipMessage m) {
        List<String> out = new ArrayList<>();
        for (SipHeader h : m.headerFields()) {
            if (h.known() != SipHeaderName.CONTENT_LENGTH) {
                out.add(h.name() + ": " + h.value());
            }
        }
        return out;
    }

    /** Asserts that two messages carry the same start line, fields, typed core fields and body. */
    /**
     * {@code limits} with room for what encoding a decoded message adds: a Content-Length field where the datagram
     * had none (RFC 3261 §20.14), and a CR before every LF a lenient decoder accepted bare. A message at a limit
     * re-encodes past it, as a proxy's added Via takes it past it; the round trip checks fidelity, not limits.
     */
    static SipLimits roomForReEncoding(SipLimits limits) {
        int crs = limits.maxHeaderCount() + 2;
        return limits.withHeaderLimits(limits.maxHeaderCount() + 1, limits.maxHeaderLineLength() + crs,
                limits.maxHeaderBytes() + crs + 64);
    }

    static void assertEquivalent(SipMessage actual, SipMessage expected) {
        assertThat(actual.startLine()).isEqualTo(expected.startLine());
        assertThat(fieldsWithoutContentLength(actual)).isEqualTo(fieldsWithoutContentLength(expected));
        assertThat(actual.vias()).isEqualTo(expected.vias());
        assertThat(actual.from()).isEqualTo(expected.from());
        assertThat(actual.to()).isEqualTo(expected.to());
        assertThat(actual.callId()).isEqualTo(expected.callId());
        assertThat(actual.cseq()).isEqualTo(expected.cseq());
        assertThat(actual.maxForwards()).isEqualTo(expected.maxForwards());
        assertThat(actual.bodyBytes()).isEqualTo(expected.bodyBytes());
    }
}
