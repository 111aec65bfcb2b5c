package io.osprey.bench.hss;

import io.osprey.hss.model.Impi;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A provisioning CSV of AKA subscribers in the column format of
 * {@link io.osprey.hss.provisioning.ProvisioningService#importCsv(java.io.Reader)}: per row an IMPI
 * ({@code <IMSI>@<domain>}, TS 23.003 §13.3), its sip: IMPU, a tel: IMPU in the same implicit set, a random
 * K and OPc, and the default MMTel iFC templates. Keys come from a seeded generator, so runs are repeatable.
 */
final class SubscriberCsv {

    static final String HEADER = "impi,impu,tel,k,opc,ifc_templates\n";
    static final int MAX_SUBSCRIBERS = 10_000_000;
    private static final String TEMPLATES = "mmtel-orig;mmtel-term";
    private static final int KEY_OCTETS = 16;

    private SubscriberCsv() {
    }

    /** The whole file as one string (about 200 characters a row). */
    static String generate(int subscribers, String domain, long seed) {
        if (subscribers < 1 || subscribers > MAX_SUBSCRIBERS) {
            throw new IllegalArgumentException("subscribers must be 1 to " + MAX_SUBSCRIBERS + ", was " + subscribers);
        }
        SplittableRandom random = new SplittableRandom(seed);
        HexFormat hex = HexFormat.of();
        byte[] key = new byte[KEY_OCTETS];
        StringBuilder csv = new StringBuilder(HEADER.length() + subscribers * 200);
        csv.append(HEADER);
        for (int n = 0; n < subscribers; n++) {
            String imsi = imsi(n);
            csv.append(imsi).append('@').append(domain).append(',')
                    .append("sip:").append(imsi).append('@').append(domain).append(',')
                    .append(tel(n)).append(',');
            random.nextBytes(key);
            hex.formatHex(csv, key).append(',');
            random.nextBytes(key);
            hex.formatHex(csv, key).append(',').append(TEMPLATES).append('\n');
        }
        return csv.toString();
    }

    /** The IMPI of row {@code n}. */
    static Impi impi(int n, String domain) {
        return new Impi(imsi(n) + "@" + domain);
    }

    /** Test PLMN 001/01 and a 10-digit MSIN. */
    private static String imsi(int n) {
        return "00101" + zeroPadded(n, 10);
    }

    private static String tel(int n) {
        return "tel:+1555" + zeroPadded(n, 7);
    }

    private static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        if (digits.length() > width) {
            throw new IllegalArgumentException("row number " + value + " does not fit in " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
