package io.osprey.server.cli;

import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.store.PageRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The two users {@code osprey up} creates in an empty store so a newcomer can register and call at once: alice with
 * IMS AKA (K, OP, AMF 8000; what a USIM/ISIM or {@code osprey ue} needs) and bob with a digest password (what a
 * softphone needs). Their secrets are random, printed once and kept in an owner-only file beside the admin token;
 * never fixed defaults.
 */
final class DemoSubscribers {

    static final String AMF = "8000";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DemoSubscribers() {
    }

    /** Creates the demo users when the store has no subscriber; returns whether it did. */
    static boolean ensure(ProvisioningService provisioning, String homeDomain, Path secretsFile, PrintWriter out)
            throws IOException {
        if (provisioning.listSubscribers(PageRequest.first(1)).total() > 0) {
            return false;
        }
        SecureRandom random = new SecureRandom();
        String k = HexFormat.of().formatHex(key(random));
        String op = HexFormat.of().formatHex(key(random));
        String password = password(random);
        provisioning.addSubscriber(NewSubscriber.of("alice@" + homeDomain, "sip:alice@" + homeDomain)
                .withTel("tel:+15551230001").withAkaOp(k, op).withAmf(AMF));
        provisioning.addSubscriber(NewSubscriber.of("bob@" + homeDomain, "sip:bob@" + homeDomain)
                .withTel("tel:+15551230002").withPassword(password));
        List<String> lines = List.of(
                "demo subscribers (created on first start; kept in " + secretsFile + "):",
                "  alice  IMS AKA   impi alice@" + homeDomain + "  impu sip:alice@" + homeDomain
                        + ", tel:+15551230001  K " + k + "  OP " + op + "  AMF " + AMF,
                "  bob    digest    impi bob@" + homeDomain + "  impu sip:bob@" + homeDomain
                        + ", tel:+15551230002  password " + password);
        Files.createDirectories(secretsFile.toAbsolutePath().getParent());
        Files.write(secretsFile, lines, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(secretsFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no owner-only mode; the file still sits in the data directory
        }
        lines.forEach(out::println);
        return true;
    }

    /** 16 random bytes; the first is never 00, which some test tools cannot take (SIPp drops such a value). */
    private static byte[] key(SecureRandom random) {
        byte[] key = new byte[16];
        do {
            random.nextBytes(key);
        } while (key[0] == 0);
        return key;
    }

    private static String password(SecureRandom random) {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
