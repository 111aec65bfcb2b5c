package io.osprey.sip.codec;

import io.osprey.sip.message.SipHeader;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.uri.SipGrammar;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in a request the parser refused, the header lines an error response must echo (RFC 3261 §8.2.6.2:
 * Via, From, To, Call-ID, CSeq), skipping lines it cannot read. Runs only on the error path.
 */
final class Salvage {

    private Salvage() {
    }

    static List<SipHeader> echoHeaders(byte[] b, int start, int end, SipLimits limits) {
        int limit = (int) Math.min(end, (long) start + limits.maxStartLineLength() + limits.maxHeaderBytes());
        List<SipHeader> out = new ArrayList<>(8);
        int pos = nextLine(b, start, limit);
        while (pos >= 0 && pos < limit && out.size() < limits.maxHeaderCount()) {
            int lineEnd = contentEnd(b, pos, limit);
            if (lineEnd == pos) {
                break;
            }
            int fieldEnd = lineEnd;
            int next = nextLine(b, pos, limit);
            while (next >= 0 && next < limit && (b[next] == ' ' || b[next] == '\t')) {
                fieldEnd = contentEnd(b, next, limit);
                next = nextLine(b, next, limit);
            }
            SipHeader h = field(b, pos, fieldEnd);
            if (h != null) {
                out.add(h);
            }
            pos = next;
        }
        return out;
    }

    private static SipHeader field(byte[] b, int s, int e) {
        int n = s;
        while (n < e && SipGrammar.isToken(b[n])) {
            n++;
        }
        int nameEnd = n;
        while (n < e && (b[n] == ' ' || b[n] == '\t')) {
            n++;
        }
        if (nameEnd == s || n == e || b[n] != ':') {
            return null;
        }
        SipHeaderName known = SipHeaderName.lookup(b, s, nameEnd - s);
        if (known != SipHeaderName.VIA && known != SipHeaderName.FROM && known != SipHeaderName.TO
                && known != SipHeaderName.CALL_ID && known != SipHeaderName.CSEQ) {
            return null;
        }
        for (int i = s; i < e; i++) {
            if (b[i] == '\r' && (i + 1 >= e || b[i + 1] != '\n')) {
                return null;
            }
        }
        return SipHeader.decoded(b, s, nameEnd, n + 1, e, known);
    }

    /** Start of the line after the one at {@code pos}, or -1. */
    private static int nextLine(byte[] b, int pos, int limit) {
        for (int i = pos; i < limit; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** End of the line at {@code pos}, before CRLF or LF (or the limit). */
    private static int contentEnd(byte[] b, int pos, int limit) {
        int i = pos;
        while (i < limit && b[i] != '\n') {
            i++;
        }
        return i > pos && b[i - 1] == '\r' ? i - 1 : i;
    }
}
