package io.osprey.hss.provisioning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record per line: comma-separated fields, optionally in double quotes with {@code ""}
 * for a quote inside. Quoted line breaks are not supported (no subscriber field needs one), which keeps line
 * numbers exact. Lines longer than {@value #MAX_LINE_LENGTH} characters or with more than
 * {@value #MAX_FIELDS} fields are refused.
 */
final class CsvReader {

    static final int MAX_LINE_LENGTH = 8192;
    static final int MAX_FIELDS = 64;

    private final BufferedReader reader;
    private int lineNumber;

    CsvReader(Reader reader) {
        this.reader = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 1 << 16);
    }

    /** The 1-based number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next non-blank line's fields, or null at the end. */
    List<String> next() {
        while (true) {
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("reading CSV failed after line " + lineNumber, e);
            }
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                return split(line);
            }
        }
    }

    private List<String> split(String line) {
        if (line.length() > MAX_LINE_LENGTH) {
            throw new CsvFormatException(lineNumber, "line is " + line.length() + " characters, limit "
                    + MAX_LINE_LENGTH);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new CsvFormatException(lineNumber, "quoted field is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new CsvFormatException(lineNumber, "text after a closing quote at column " + (i + 1));
                }
            } else {
                int end = line.indexOf(',', i);
                field.append(line, i, end < 0 ? line.length() : end);
                i = end < 0 ? line.length() : end;
            }
            fields.add(field.toString().strip());
            if (fields.size() > MAX_FIELDS) {
                throw new CsvFormatException(lineNumber, "more than " + MAX_FIELDS + " fields");
            }
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }

    /** A line that is not valid CSV. */
    static final class CsvFormatException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final int line;

        CsvFormatException(int line, String message) {
            super(message);
            this.line = line;
        }
    }
}
