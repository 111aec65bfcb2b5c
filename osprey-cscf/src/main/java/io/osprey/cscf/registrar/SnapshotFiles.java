package io.osprey.cscf.registrar;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The S-CSCF's snapshot files (its registrations and reg-event subscriptions, kept across restarts): one record a
 * line, fields separated by tabs, each value base64 (URIs, Path values and XML may hold any character, tabs and
 * separators included), "-" for null, which base64 never yields. Written to a temporary file moved over the old
 * one, so a crash while writing leaves the previous snapshot whole.
 */
public final class SnapshotFiles {

    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private SnapshotFiles() {
    }

    /** A value as base64; "-" for null. */
    public static String field(String value) {
        return value == null ? "-" : ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of a {@link #field}. */
    public static String text(String field) {
        return "-".equals(field) ? null : new String(DECODER.decode(field), StandardCharsets.UTF_8);
    }

    /** Values as fields joined by {@code separator} (one that base64 does not use). */
    public static String list(List<String> values, String separator) {
        List<String> encoded = new ArrayList<>(values.size());
        values.forEach(value -> encoded.add(field(value)));
        return String.join(separator, encoded);
    }

    /** The values of a {@link #list}. */
    public static List<String> texts(String field, String separator) {
        List<String> values = new ArrayList<>();
        if (field.isEmpty()) {
            return values;
        }
        for (String encoded : field.split(Pattern.quote(separator))) {
            values.add(text(encoded));
        }
        return values;
    }

    /** Writes one line per record, its fields joined by tabs, atomically. */
    public static void write(Path file, List<List<String>> records) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            for (List<String> record : records) {
                out.write(String.join("\t", record));
                out.newLine();
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The records of {@code file}, each with exactly {@code fields} fields; none when it does not exist. */
    public static List<String[]> read(Path file, int fields) throws IOException {
        List<String[]> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String[] record = line.split("\t", -1);
                if (record.length != fields) {
                    throw new IOException(file + " line " + number + ": expected " + fields + " fields, found "
                            + record.length);
                }
                records.add(record);
            }
        }
        return records;
    }
}
