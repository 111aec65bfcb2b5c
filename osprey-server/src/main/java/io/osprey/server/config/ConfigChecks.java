package io.osprey.server.config;

import java.time.Duration;

/** Value checks used by the config records' constructors; each failure names the key path. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static int range(String path, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(path, value + " is out of range; expected " + min + ".." + max);
        }
        return value;
    }

    static Duration positive(String path, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException(path, value.toMillis() + "ms is not positive; expected a duration such as 500ms or 4s");
        }
        return value;
    }

    static String hostname(String path, String value) {
        if (value.isEmpty() || value.length() > 253) {
            throw new ConfigException(path, "'" + value + "' is not a host name; expected e.g. ims.example.org");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!ok) {
                throw new ConfigException(path, "'" + value + "' is not a host name (character '" + c
                        + "'); expected letters, digits, '-' and '.'");
            }
        }
        return value;
    }

    static String address(String path, String value) {
        if (value.indexOf(':') >= 0) {
            return value; // IPv6 literal; the bind will report it if unusable
        }
        return hostname(path, value);
    }
}
