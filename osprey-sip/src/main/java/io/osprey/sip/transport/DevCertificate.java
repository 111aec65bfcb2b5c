package io.osprey.sip.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates a self-signed development certificate for TLS on first start when none is configured, using the JDK's
 * own {@code keytool} (no cryptography library needed; see docs/decisions/0003). The key store is PKCS#12 with
 * the password {@link #PASSWORD}: it is for development only, and production configurations name their own.
 */
public final class DevCertificate {

    /** Password of generated development key stores. Not a secret: the store holds a throw-away key. */
    public static final String PASSWORD = "osprey-dev";
    static final String ALIAS = "osprey";

    private DevCertificate() {
    }

    /** The organisation of generated certificates, which tells a development certificate from a real one. */
    static final String ORGANISATION = "Osprey development";

    /** Whether {@code certificate} is a self-signed certificate this class generates (by its subject). */
    public static boolean isDevelopment(java.security.cert.X509Certificate certificate) {
        javax.security.auth.x500.X500Principal subject = certificate.getSubjectX500Principal();
        if (!subject.equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(subject.getName()).getRdns()) {
                if ("O".equalsIgnoreCase(rdn.getType()) && ORGANISATION.equals(rdn.getValue())) {
                    return true;
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return false;
        }
        return false;
    }

    /** Returns {@code keyStore}, creating it with a certificate for {@code host} if it does not exist. */
    public static Path ensure(Path keyStore, String host) throws IOException {
        if (Files.exists(keyStore)) {
            return keyStore;
        }
        Path parent = keyStore.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipLiteral = bare.indexOf(':') >= 0 || bare.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        String san = (ipLiteral ? "ip:" : "dns:") + bare;
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-validity", "825", "-dname", "CN=" + host + ", O=" + ORGANISATION,
                "-ext", "san=" + san + ",dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                String output = new String(process.getInputStream().readAllBytes());
                process.destroyForcibly();
                throw new IOException("keytool could not create " + keyStore + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while creating " + keyStore, e);
        }
        return keyStore;
    }
}
