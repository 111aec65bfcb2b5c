package io.osprey.bench.ims;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Users for the SIPp load scripts ({@code bench/ims-register-load.sh}, {@code bench/ims-call-load.sh}): one
 * provisioning CSV in the column format of {@code osprey subscriber import} and one SIPp injection file
 * ({@code -inf}) with the same users, field 0 the user part and field 1 the {@code [authentication ...]} keyword.
 *
 * <p>AKA users get their own K and OP from a seeded generator (repeatable runs) and AMF 8000; no value starts with a
 * 00 byte and every byte is written as {@code \xHH}, which is what SIPp 3.6.1 needs (see
 * {@code ../shared/reference/sipp-aka.md}, pitfalls 3 and 5). Digest users get a password.
 *
 * <pre>
 * java -cp benchmarks.jar io.osprey.bench.ims.BenchUsers aka|digest COUNT PREFIX DOMAIN PROVISIONING.csv SIPP.csv
 * </pre>
 */
public final class BenchUsers {

    static final String AMF = "8000";
    private static final long SEED = 20261123L;
    private static final int KEY_OCTETS = 16;
    private static final int MAX_USERS = 1_000_000;
    private static final HexFormat HEX = HexFormat.of();

    private BenchUsers() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: BenchUsers aka|digest COUNT PREFIX DOMAIN PROVISIONING.csv SIPP.csv");
            System.exit(2);
        }
        boolean aka = switch (args[0]) {
            case "aka" -> true;
            case "digest" -> false;
            default -> throw new IllegalArgumentException("kind must be aka or digest, was " + args[0]);
        };
        int count = Integer.parseInt(args[1]);
        if (count < 1 || count > MAX_USERS) {
            throw new IllegalArgumentException("COUNT must be 1 to " + MAX_USERS + ", was " + count);
        }
        String prefix = args[2];
        if (!prefix.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            throw new IllegalArgumentException("PREFIX must be lower-case letters, was " + prefix);
        }
        write(aka, count, prefix, args[3], Path.of(args[4]), Path.of(args[5]));
        System.out.printf(Locale.ROOT, "%,d %s users %s..%s@%s in %s and %s%n", count, args[0], user(prefix, 0),
                user(prefix, count - 1), args[3], args[4], args[5]);
    }

    /** The user part of user {@code n}: the prefix and a zero-padded number, so every line has the same length. */
    static String user(String prefix, int n) {
        return prefix + String.format(Locale.ROOT, "%06d", n);
    }

    private static void write(boolean aka, int count, String prefix, String domain, Path provisioning, Path sipp)
            throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        try (BufferedWriter csv = Files.newBufferedWriter(provisioning, StandardCharsets.UTF_8);
             BufferedWriter inf = Files.newBufferedWriter(sipp, StandardCharsets.ISO_8859_1)) {
            csv.write(aka ? "impi,impu,k,op,amf\n" : "impi,impu,password\n");
            inf.write("SEQUENTIAL\n");
            for (int n = 0; n < count; n++) {
                String user = user(prefix, n);
                String impi = user + "@" + domain;
                String keyword;
                if (aka) {
                    byte[] k = key(random);
                    byte[] op = key(random);
                    csv.write(impi + ",sip:" + impi + "," + HEX.formatHex(k) + "," + HEX.formatHex(op) + "," + AMF
                            + "\n");
                    keyword = "[authentication username=" + impi + " aka_K=" + escaped(k) + " aka_OP=" + escaped(op)
                            + " aka_AMF=" + escaped(HEX.parseHex(AMF)) + "]";
                } else {
                    String password = "pw" + Long.toHexString(random.nextLong());
                    csv.write(impi + ",sip:" + impi + "," + password + "\n");
                    keyword = "[authentication username=" + impi + " password=" + password + "]";
                }
                inf.write(user + ";" + keyword + "\n");
            }
        }
    }

    /** 16 random octets whose first is not 00: SIPp drops a value that starts with 00. */
    private static byte[] key(SplittableRandom random) {
        byte[] key = new byte[KEY_OCTETS];
        do {
            random.nextBytes(key);
        } while (key[0] == 0);
        return key;
    }

    private static String escaped(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 4);
        for (byte b : bytes) {
            out.append("\\x").append(HEX.toHexDigits(b));
        }
        return out.toString();
    }
}
