package io.osprey.cscf.pcscf;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text file, each held to a maximum length: a longer line is read to its end without being kept, so a
 * damaged or hostile file costs no more memory than the limit. Lines end at LF; a CR before it is dropped.
 */
final class BoundedLineReader {

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int end;
    private int lineNumber;
    private boolean tooLong;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /**
     * The next line without its terminator, or null at the end of the input. A line longer than the limit comes
     * back empty with {@link #wasTooLong()} true.
     */
    String next() throws IOException {
        line.setLength(0);
        tooLong = false;
        boolean started = false;
        while (true) {
            if (position == end && !fill()) {
                return started ? finish() : null;
            }
            started = true;
            int from = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            keep(from, position);
            if (position < end) {
                position++; // the LF
                return finish();
            }
        }
    }

    /** The number (from 1) of the line {@link #next()} returned last. */
    int lineNumber() {
        return lineNumber;
    }

    /** Whether the line {@link #next()} returned last was over the limit (and so came back empty). */
    boolean wasTooLong() {
        return tooLong;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        position = 0;
        end = Math.max(read, 0);
        return read > 0;
    }

    private void keep(int from, int to) {
        if (tooLong) {
            return;
        }
        // One more than the limit is allowed for the CR of a CRLF ending, checked when the line ends.
        if (line.length() + (to - from) > maxChars + 1) {
            tooLong = true;
            line.setLength(0);
            return;
        }
        line.append(buffer, from, to - from);
    }

    private String finish() {
        lineNumber++;
        if (!tooLong && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        if (line.length() > maxChars) {
            tooLong = true;
            line.setLength(0);
        }
        return tooLong ? "" : line.toString();
    }
}
