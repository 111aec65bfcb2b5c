package io.osprey.diameter.node;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** Self-signed test keys made with the JDK's keytool, as a PKCS#12 store and as PEM files. */
final class TestCertificates {

    static final String PASSWORD = "changeit";

    private TestCertificates() {
    }

    /** A PKCS#12 store in {@code dir} holding an RSA key and a certificate for {@code commonName}. */
    static Path keyStore(Path dir, String commonName) throws Exception {
        Path store = dir.resolve(commonName + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process keygen = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "key", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=" + commonName, "-ext", "SAN=dns:" + commonName
                + ",ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keygen.waitFor(30, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
            throw new AssertionError("keytool failed: " + output);
        }
        return store;
    }

    /** Writes the key of {@code store} to {@code key} (PKCS#8 PEM) and its certificate to {@code certificate}. */
    static void writePem(Path store, Path key, Path certificate) throws Exception {
        KeyStore keys = KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray());
        Files.writeString(key, pem("PRIVATE KEY", keys.getKey("key", PASSWORD.toCharArray()).getEncoded()));
        Files.writeString(certificate, pem("CERTIFICATE", keys.getCertificate("key").getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
