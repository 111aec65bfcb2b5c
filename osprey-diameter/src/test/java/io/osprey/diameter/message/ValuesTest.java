package io.osprey.diameter.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Data-format helpers: UTF-8, Time with the 2036 rollover, DiameterURI, Address, id generators, limits. */
class ValuesTest {

    private static boolean utf8(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return AvpData.isValidUtf8(b, 0, b.length);
    }

    @ParameterizedTest
    @CsvSource({
            "41, true", "c3bc, true", "e282ac, true", "f09f9880, true", "f48fbfbf, true", "'', true",
            "c0af, false",      // overlong '/'
            "e080af, false",    // overlong '/' in three octets
            "eda080, false",    // UTF-16 surrogate U+D800
            "f4908080, false",  // U+110000, above Unicode
            "e282, false",      // truncated
            "80, false",        // lone continuation octet
            "f8888080, false"   // five-octet form
    })
    void utf8Validation(String hex, boolean valid) {
        assertThat(utf8(hex)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
            // NTP seconds (hex) -> instant; the top bit clear means era 1, after 2036-02-07T06:28:16Z
            "80000000, 1968-01-20T03:14:08Z",
            "e93c7f00, 2024-01-01T00:00:00Z",
            "ffffffff, 2036-02-07T06:28:15Z",
            "00000000, 2036-02-07T06:28:16Z",
            "0754fd00, 2040-01-01T00:00:00Z",
            "7fffffff, 2104-02-26T09:42:23Z"
    })
    void timeConversionAcrossThe2036Rollover(String ntpHex, String instant) {
        long ntp = Long.parseLong(ntpHex, 16);
        assertThat(AvpData.ntpSecondsToInstant(ntp)).isEqualTo(Instant.parse(instant));
        assertThat(AvpData.instantToNtpSeconds(Instant.parse(instant)) & 0xFFFF_FFFFL).isEqualTo(ntp);
    }

    @Test
    void timeOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> AvpData.instantToNtpSeconds(Instant.parse("1968-01-20T03:14:07Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1968-01-20T03:14:08Z");
        assertThatThrownBy(() -> AvpData.instantToNtpSeconds(Instant.parse("2104-02-26T09:42:24Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "aaa://host.example.com;transport=tcp",
            "aaa://host.example.com:6666;transport=tcp",
            "aaa://host.example.com;protocol=diameter",
            "aaa://host.example.com:6666;protocol=diameter",
            "aaa://host.example.com:6666;transport=tcp;protocol=diameter",
            "aaa://host.example.com:1813;transport=udp;protocol=radius",
            "aaas://[2001:db8::1]:5658;transport=sctp"
    })
    void diameterUriExamplesOfRfc6733RoundTrip(String uri) {
        assertThat(DiameterUri.parse(uri).toString()).isEqualTo(uri);
    }

    @Test
    void diameterUriDefaults() {
        DiameterUri plain = DiameterUri.parse("aaa://hss.ims.example");
        assertThat(plain.port()).isEqualTo(OptionalInt.empty());
        assertThat(plain.effectivePort()).isEqualTo(3868);
        assertThat(plain.effectiveTransport()).isEqualTo(DiameterUri.Transport.TCP);
        assertThat(plain.effectiveProtocol()).isEqualTo(DiameterUri.Protocol.DIAMETER);
        assertThat(DiameterUri.parse("AAAS://hss.ims.example").effectivePort()).isEqualTo(5658);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://x", "aaa://", "aaa://h:0", "aaa://h:70000", "aaa://h:12a", "aaa://h;transport=quic",
            "aaa://h;protocol=ldap", "aaa://h;transport=tcp;transport=tcp", "aaa://h h", "aaa://hé", "aaa://[::1"})
    void invalidDiameterUris(String uri) {
        assertThatThrownBy(() -> DiameterUri.parse(uri)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressFamilies() {
        DiameterAddress e164 = DiameterAddress.ofE164("4915112345678");
        assertThat(e164.family()).isEqualTo(8);
        assertThat(new String(e164.address(), StandardCharsets.US_ASCII)).isEqualTo("4915112345678");
        assertThatThrownBy(e164::toInetAddress).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DiameterAddress.ofE164("+49")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiameterAddress.of(1, new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionIdsFollowRfc6733Section8_8() {
        SessionIdGenerator ids = SessionIdGenerator.startingAt("pcscf.ims.example", Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(ids.next()).isEqualTo("pcscf.ims.example;3913056000;0");
        assertThat(ids.next()).isEqualTo("pcscf.ims.example;3913056000;1");
        assertThat(ids.next("rx")).isEqualTo("pcscf.ims.example;3913056000;2;rx");
        assertThatThrownBy(() -> new SessionIdGenerator("bad host", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endToEndIdsStartFromClockAndRandomBits() {
        // epoch second 0x12345: low 12 bits 0x345 go to the top; random 0xfffabcde keeps its low 20 bits 0xabcde
        EndToEndIdGenerator ids = new EndToEndIdGenerator(Instant.ofEpochSecond(0x12345), 0xFFFA_BCDE);
        assertThat(ids.next()).isEqualTo(new EndToEndId(0x345A_BCDE));
        assertThat(ids.next()).isEqualTo(new EndToEndId(0x345A_BCDF));
    }

    @Test
    void avpFactoriesRejectValuesThatDoNotFit() {
        assertThatThrownBy(() -> Avps.of(BaseDictionary.RESULT_CODE, -1)).hasMessageContaining("Result-Code")
                .hasMessageContaining("-1").hasMessageContaining("4294967295");
        assertThatThrownBy(() -> Avps.of(BaseDictionary.AUTH_SESSION_STATE, 1L << 31)).hasMessageContaining("2147483648");
        assertThatThrownBy(() -> Avps.of(BaseDictionary.ORIGIN_HOST, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Avps.of(BaseDictionary.RESULT_CODE, "x")).hasMessageContaining("UNSIGNED32");
        assertThatThrownBy(() -> Avps.of(CxDictionary.SERVER_CAPABILITIES, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Avps.of(BaseDictionary.EVENT_TIMESTAMP, new byte[3])).hasMessageContaining("4 octets");
    }

    @Test
    void accessorOfTheWrongFormatFailsClearly() {
        Avp text = Avps.of(BaseDictionary.USER_NAME, "abc");
        assertThatThrownBy(text::asUnsigned32).isInstanceOf(IllegalStateException.class).hasMessageContaining("3 data octets");
        assertThatThrownBy(text::asGrouped).isInstanceOf(IllegalStateException.class);
        Avp group = Avps.of(BaseDictionary.PROXY_INFO);
        assertThatThrownBy(group::asUtf8).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rawAvpsGetTheVendorFlagFromTheVendorId() {
        assertThat(Avp.raw(1, 0x40, 10415, new byte[0]).flags()).isEqualTo(0xC0);
        assertThat(Avp.raw(1, 0xC0, 0, new byte[0]).flags()).isEqualTo(0x40);
    }
}
