package io.osprey.sip.codec;

import static io.osprey.sip.codec.ParseContext.bad;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds line ends in a message (RFC 3261 §7: lines end with CRLF), eight octets at a time. */
final class LineScanner {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long CRS = 0x0D0D_0D0D_0D0D_0D0DL;
    private static final long LFS = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private LineScanner() {
    }

    /**
     * Index of the next LF in {@code b[from, to)}, or -1 if none; a CR that is not followed by LF is refused, as
     * is any other use of CR (RFC 3261 §7: CRLF ends lines).
     */
    static int lineEnd(byte[] b, int from, int to, boolean request) {
        int i = from;
        // Eight octets at a time while none of them is CR or LF (the SWAR zero-byte test).
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            if (hasZeroByte(w ^ CRS) || hasZeroByte(w ^ LFS)) {
                break;
            }
            i += 8;
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\n') {
                return i;
            }
            if (c == '\r' && i + 1 < to && b[i + 1] != '\n') {
                throw bad("message", "CR not followed by LF", "", request);
            }
        }
        return -1;
    }

    private static boolean hasZeroByte(long w) {
        return ((w - ONES) & ~w & HIGHS) != 0;
    }
}
