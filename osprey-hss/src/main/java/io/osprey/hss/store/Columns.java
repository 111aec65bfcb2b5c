package io.osprey.hss.store;

import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.InvalidValueException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Encodes the small lists kept in one column (comma- or space-separated) and reads nullable columns. */
final class Columns {

    private Columns() {
    }

    static String joinInts(Collection<Integer> values) {
        StringBuilder text = new StringBuilder();
        for (int value : values) {
            text.append(text.isEmpty() ? "" : ",").append(value);
        }
        return text.toString();
    }

    static List<Integer> splitInts(String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : split(text, ',')) {
            values.add(Integer.parseInt(part));
        }
        return values;
    }

    /** Joins URIs with spaces, which a URI cannot contain. */
    static String joinWords(Collection<String> values) {
        return String.join(" ", values);
    }

    static List<String> splitWords(String text) {
        return split(text, ' ');
    }

    static String joinSchemes(Set<AuthScheme> schemes) {
        StringBuilder text = new StringBuilder();
        for (AuthScheme scheme : schemes) {
            text.append(text.isEmpty() ? "" : ",").append(scheme.token());
        }
        return text.toString();
    }

    static Set<AuthScheme> splitSchemes(String text) {
        Set<AuthScheme> schemes = EnumSet.noneOf(AuthScheme.class);
        for (String token : split(text, ',')) {
            schemes.add(AuthScheme.fromToken(token).orElseThrow(
                    () -> new InvalidValueException("authSchemes", "unknown stored scheme " + token)));
        }
        return schemes;
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(separator, start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                parts.add(text.substring(start, end));
            }
            start = end + 1;
        }
        return parts;
    }
}
