package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keytool-made development certificate names the advertised host as an IP address or DNS name (RFC 5922). */
class DevCertificateTest {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    @TempDir
    Path dir;

    @Test
    void namesAnIpv6HostAsAnIpAddress() throws Exception {
        X509Certificate certificate = create("2001:db8::5");

        assertThat(ipAddresses(certificate)).contains(InetAddress.getByName("2001:db8::5"),
                InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void namesAHostNameAsADnsName() throws Exception {
        X509Certificate certificate = create("pcscf.ims.mnc001.mcc001.3gppnetwork.org");

        assertThat(names(certificate, DNS_NAME)).contains("pcscf.ims.mnc001.mcc001.3gppnetwork.org", "localhost");
        assertThat(certificate.getSubjectX500Principal().getName())
                .contains("CN=pcscf.ims.mnc001.mcc001.3gppnetwork.org");
    }

    @Test
    void leavesAnExistingStoreAlone() throws Exception {
        Path store = dir.resolve("existing.p12");
        Files.writeString(store, "not a key store");

        assertThat(DevCertificate.ensure(store, "127.0.0.1")).isEqualTo(store);
        assertThat(Files.readString(store)).isEqualTo("not a key store");
    }

    private X509Certificate create(String host) throws Exception {
        Path store = DevCertificate.ensure(dir.resolve("dev.p12"), host);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, DevCertificate.PASSWORD.toCharArray());
        }
        return (X509Certificate) keys.getCertificate(DevCertificate.ALIAS);
    }

    private static List<InetAddress> ipAddresses(X509Certificate certificate) throws Exception {
        List<InetAddress> out = new ArrayList<>();
        for (String ip : names(certificate, IP_ADDRESS)) {
            out.add(InetAddress.getByName(ip));
        }
        return out;
    }

    private static List<String> names(X509Certificate certificate, int type) throws Exception {
        List<String> out = new ArrayList<>();
        for (List<?> name : certificate.getSubjectAlternativeNames()) {
            if ((Integer) name.get(0) == type) {
                out.add((String) name.get(1));
            }
        }
        return out;
    }
}
