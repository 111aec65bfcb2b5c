package io.osprey.bench.ims;

import io.osprey.aka.AkaNonce;
import io.osprey.aka.Milenage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Explains the AKA registrations the S-CSCF refused during a SIPp run. SIPp 3.6.1 computes the digest over RES only up
 * to its first 00 byte ({@code ../shared/reference/sipp-aka.md}, pitfall 1), so a challenge whose RES holds a 00 byte
 * is answered wrongly and refused with 403 — about 3 % of random RANDs. The bench scenario logs every refusal as
 * {@code refused;<user>;nonce="<nonce>"}; this recomputes RES = f2(K, OP, RAND) from the provisioning CSV and counts the
 * refusals a 00 byte explains and those it does not (which are real failures).
 *
 * <pre>
 * java -cp benchmarks.jar io.osprey.bench.ims.ResZeroAudit PROVISIONING.csv SIPP-LOG
 * </pre>
 * Prints {@code refused=N res00=M unexplained=U}, then the unexplained ones (at most 20).
 */
public final class ResZeroAudit {

    private static final int SHOWN = 20;

    private ResZeroAudit() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ResZeroAudit PROVISIONING.csv SIPP-LOG");
            System.exit(2);
        }
        Map<String, Milenage> users = users(Path.of(args[0]));
        int refused = 0;
        int explained = 0;
        List<String> unexplained = new ArrayList<>();
        Path log = Path.of(args[1]);
        if (Files.exists(log)) {
            try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    int start = line.indexOf("refused;");
                    if (start < 0) {
                        continue;
                    }
                    refused++;
                    String[] fields = line.substring(start).trim().split(";");
                    if (fields.length == 3 && resHasZeroByte(users.get(fields[1]), unquoted(fields[2]))) {
                        explained++;
                    } else {
                        unexplained.add(line.trim());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "refused=%d res00=%d unexplained=%d%n", refused, explained,
                unexplained.size());
        unexplained.stream().limit(SHOWN).forEach(line -> System.out.println("  unexplained: " + line));
    }

    /** The value of {@code nonce="..."}, or the text itself. */
    private static String unquoted(String field) {
        int open = field.indexOf('"');
        int close = field.lastIndexOf('"');
        return open >= 0 && close > open ? field.substring(open + 1, close) : field;
    }

    static boolean resHasZeroByte(Milenage user, String nonce) {
        if (user == null) {
            return false;
        }
        byte[] rand;
        try {
            rand = AkaNonce.parse(nonce).rand();
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (byte b : user.f2(rand)) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Milenage per user part, from the {@code impi,impu,k,op,amf} CSV {@link BenchUsers} writes. */
    private static Map<String, Milenage> users(Path csv) throws IOException {
        Map<String, Milenage> users = new HashMap<>();
        HexFormat hex = HexFormat.of();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("impi,impu,k,op")) {
            throw new IllegalArgumentException(csv + " is not an AKA user file from BenchUsers (header impi,impu,k,op,amf)");
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            String user = fields[0].substring(0, fields[0].indexOf('@'));
            users.put(user, Milenage.fromOp(hex.parseHex(fields[2]), hex.parseHex(fields[3])));
        }
        return users;
    }
}
