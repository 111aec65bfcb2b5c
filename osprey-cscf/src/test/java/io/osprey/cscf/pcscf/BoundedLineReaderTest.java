package io.osprey.cscf.pcscf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines held to a limit, whatever chunks the underlying reader hands out. */
class BoundedLineReaderTest {

    private static final String TEXT = "one\r\ntwo\n\nabcdefgh\nabcdefghi\r\nlast";

    @Test
    void linesAreTheSameForEveryChunkSize() throws IOException {
        for (int chunk = 1; chunk <= TEXT.length(); chunk++) {
            assertThat(lines(new Chunked(TEXT, chunk), 8)).as("chunks of %d", chunk)
                    .containsExactly("1:one", "2:two", "3:", "4:abcdefgh", "5:<too long>", "6:last");
        }
    }

    @Test
    void aTrailingNewlineMakesNoExtraLineAndEmptyInputHasNone() throws IOException {
        assertThat(lines(new StringReader("a\nb\n"), 8)).containsExactly("1:a", "2:b");
        assertThat(lines(new StringReader(""), 8)).isEmpty();
    }

    private static List<String> lines(Reader reader, int max) throws IOException {
        BoundedLineReader in = new BoundedLineReader(reader, max);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.next()) != null) {
            lines.add(in.lineNumber() + ":" + (in.wasTooLong() ? "<too long>" : line));
        }
        return lines;
    }

    /** A reader that never returns more than {@code chunk} characters at once. */
    private static final class Chunked extends Reader {

        private final StringReader in;
        private final int chunk;

        Chunked(String text, int chunk) {
            this.in = new StringReader(text);
            this.chunk = chunk;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, Math.min(length, chunk));
        }

        @Override
        public void close() {
            in.close();
        }
    }
}
