package io.osprey.diameter.codec;

import static io.osprey.diameter.codec.TestFrames.hex;
import static io.osprey.diameter.codec.TestFrames.hexOf;
import static io.osprey.diameter.codec.TestFrames.requestFrame;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.AvpType;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.DiameterDictionary;
import io.osprey.diameter.dictionary.FlagRule;
import io.osprey.diameter.dictionary.RoDictionary;
import io.osprey.diameter.dictionary.RxDictionary;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterAddress;
import io.osprey.diameter.message.DiameterUri;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One hand-written wire vector per AVP data format of RFC 6733 §4.2/§4.3. Layout of every vector:
 * code (4) | flags (1) | AVP Length (3, header + data, no padding) | [Vendor-ID (4)] | data | zero padding.
 */
class AvpFormatVectorsTest {

    /** The base dictionary has no Float AVPs, so the test defines two. */
    static final AvpDefinition TEST_FLOAT32 = AvpDefinition.ietf(9001, "Test-Float32", AvpType.FLOAT32, FlagRule.MUST);
    static final AvpDefinition TEST_FLOAT64 = AvpDefinition.ietf(9002, "Test-Float64", AvpType.FLOAT64, FlagRule.MUST);
    static final DiameterDecoder DECODER = new DiameterDecoder(DiameterDictionary.builder()
            .include(DiameterDictionary.standard()).avps(List.of(TEST_FLOAT32, TEST_FLOAT64)).build(),
            DiameterLimits.DEFAULT);

    record Vector(String name, Avp built, String wire, Function<Avp, Object> read, Object value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() throws Exception {
        return Stream.of(
                // Class (25 = 0x19), M, length 8 + 3 = 11, "abc", 1 octet of padding
                new Vector("OctetString", Avps.of(BaseDictionary.CLASS, new byte[] {'a', 'b', 'c'}),
                        "00000019 40 00000b 616263 00", a -> hexOf(a.asOctets()), "616263"),
                // Exponent (429 = 0x1ad), M, length 12, -2 in two's complement
                new Vector("Integer32", Avps.of(RoDictionary.EXPONENT, -2),
                        "000001ad 40 00000c fffffffe", Avp::asInteger32, -2),
                // Value-Digits (447 = 0x1bf), M, length 16
                new Vector("Integer64", Avps.of(RoDictionary.VALUE_DIGITS, 0x0102030405060708L),
                        "000001bf 40 000010 0102030405060708", Avp::asInteger64, 0x0102030405060708L),
                new Vector("Integer64 negative", Avps.of(RoDictionary.VALUE_DIGITS, -2),
                        "000001bf 40 000010 fffffffffffffffe", Avp::asInteger64, -2L),
                // Result-Code (268 = 0x10c), M, 2001 = 0x7d1
                new Vector("Unsigned32", Avps.of(BaseDictionary.RESULT_CODE, 2001),
                        "0000010c 40 00000c 000007d1", Avp::asUnsigned32, 2001L),
                // Origin-State-Id (278 = 0x116), the largest Unsigned32
                new Vector("Unsigned32 max", Avps.of(BaseDictionary.ORIGIN_STATE_ID, 0xFFFF_FFFFL),
                        "00000116 40 00000c ffffffff", Avp::asUnsigned32, 4294967295L),
                // CC-Total-Octets (421 = 0x1a5), 2^63: above Long.MAX_VALUE
                new Vector("Unsigned64", Avps.of(RoDictionary.CC_TOTAL_OCTETS, Long.MIN_VALUE),
                        "000001a5 40 000010 8000000000000000", a -> Long.toUnsignedString(a.asUnsigned64()),
                        "9223372036854775808"),
                // 1.5 in IEEE 754 single precision is 0x3fc00000
                new Vector("Float32", Avps.of(TEST_FLOAT32, 1.5),
                        "00002329 40 00000c 3fc00000", Avp::asFloat32, 1.5f),
                // 1.5 in IEEE 754 double precision is 0x3ff8000000000000
                new Vector("Float64", Avps.of(TEST_FLOAT64, 1.5),
                        "0000232a 40 000010 3ff8000000000000", Avp::asFloat64, 1.5),
                // Experimental-Result (297 = 0x129), length 8 + 12 + 12 = 32:
                //   Vendor-Id (266 = 0x10a) 10415 = 0x28af; Experimental-Result-Code (298 = 0x12a) 2001
                new Vector("Grouped", Avps.of(BaseDictionary.EXPERIMENTAL_RESULT,
                        Avps.of(BaseDictionary.VENDOR_ID, 10415), Avps.of(BaseDictionary.EXPERIMENTAL_RESULT_CODE, 2001)),
                        "00000129 40 000020  0000010a 40 00000c 000028af  0000012a 40 00000c 000007d1",
                        a -> a.asGrouped().get(1).asUnsigned32(), 2001L),
                // Host-IP-Address (257 = 0x101), length 8 + 2 + 4 = 14, family 1, 127.0.0.1, 2 octets padding
                new Vector("Address IPv4", Avps.of(BaseDictionary.HOST_IP_ADDRESS, InetAddress.getByName("127.0.0.1")),
                        "00000101 40 00000e 0001 7f000001 0000", Avp::asAddress,
                        DiameterAddress.of(InetAddress.getByName("127.0.0.1"))),
                // length 8 + 2 + 16 = 26, family 2, ::1
                new Vector("Address IPv6", Avps.of(BaseDictionary.HOST_IP_ADDRESS, InetAddress.getByName("::1")),
                        "00000101 40 00001a 0002 00000000000000000000000000000001 0000", a -> a.asAddress().toString(),
                        "0:0:0:0:0:0:0:1"),
                // length 8 + 2 + 5 = 15, family 8 (E.164), ASCII "12345", 1 octet padding
                new Vector("Address E.164", Avps.of(BaseDictionary.HOST_IP_ADDRESS, DiameterAddress.ofE164("12345")),
                        "00000101 40 00000f 0008 3132333435 00", a -> a.asAddress().e164(), "12345"),
                // Event-Timestamp (55 = 0x37): 2024-01-01T00:00:00Z = 1704067200 + 2208988800 = 3913056000 = 0xe93c7f00
                new Vector("Time", Avps.of(BaseDictionary.EVENT_TIMESTAMP, Instant.parse("2024-01-01T00:00:00Z")),
                        "00000037 40 00000c e93c7f00", Avp::asTime, Instant.parse("2024-01-01T00:00:00Z")),
                // 2040-01-01 is 4417977600 s after 1900; past the 2036 rollover it is sent mod 2^32 = 0x0754fd00
                new Vector("Time after 2036", Avps.of(BaseDictionary.EVENT_TIMESTAMP, Instant.parse("2040-01-01T00:00:00Z")),
                        "00000037 40 00000c 0754fd00", Avp::asTime, Instant.parse("2040-01-01T00:00:00Z")),
                // User-Name (1), "ü" is c3 bc in UTF-8, length 10, 2 octets padding
                new Vector("UTF8String", Avps.of(BaseDictionary.USER_NAME, "ü"),
                        "00000001 40 00000a c3bc 0000", Avp::asUtf8, "ü"),
                // Origin-Host (264 = 0x108), 17 octets, length 25, 3 octets padding (the reference vector)
                new Vector("DiameterIdentity", Avps.of(BaseDictionary.ORIGIN_HOST, "scscf.ims.example"),
                        "00000108 40 000019 73637363662e696d732e6578616d706c65 000000", Avp::asDiameterIdentity,
                        "scscf.ims.example"),
                // Primary-Event-Charging-Function-Name (619 = 0x26b), V+M, vendor 10415, 32 octets, length 44
                new Vector("DiameterURI", Avps.of(CxDictionary.PRIMARY_EVENT_CHARGING_FUNCTION_NAME,
                        DiameterUri.tcp("ocs.ims", 3868)),
                        "0000026b c0 00002c 000028af 6161613a2f2f6f63732e696d733a333836383b7472616e73706f72743d746370",
                        a -> a.asDiameterUri().toString(), "aaa://ocs.ims:3868;transport=tcp"),
                // Auth-Session-State (277 = 0x115) NO_STATE_MAINTAINED
                new Vector("Enumerated", Avps.of(BaseDictionary.AUTH_SESSION_STATE, 1),
                        "00000115 40 00000c 00000001", Avp::asEnumerated, 1),
                // Flow-Description (507 = 0x1fb), V+M, vendor 10415, 44 octets of ASCII, length 56
                new Vector("IPFilterRule", Avps.of(RxDictionary.FLOW_DESCRIPTION,
                        "permit out 17 from 10.0.0.1 to 10.0.0.2 5000"),
                        "000001fb c0 000038 000028af"
                                + " 7065726d6974206f75742031372066726f6d2031302e302e302e3120746f2031302e302e302e322035303030",
                        Avp::asIpFilterRule, "permit out 17 from 10.0.0.1 to 10.0.0.2 5000"),
                // Specific-Action (513 = 0x201), V+M, vendor 10415: the public Python suite's vector
                new Vector("vendor flag", Avps.of(RxDictionary.SPECIFIC_ACTION, 8),
                        "00000201 c0 000010 000028af 00000008", Avp::asEnumerated, 8),
                // Error-Message (281 = 0x119) must not have M: flags 00
                new Vector("M bit clear", Avps.of(BaseDictionary.ERROR_MESSAGE, "x"),
                        "00000119 00 000009 78 000000", Avp::asUtf8, "x"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encodesToTheHandWrittenBytes(Vector v) {
        assertThat(hexOf(v.built())).isEqualTo(hexOf(hex(v.wire())));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodesTheHandWrittenBytesToTheValue(Vector v) {
        Avp decoded = DECODER.decode(requestFrame(v.wire())).avps().get(0);
        assertThat(v.read().apply(decoded)).isEqualTo(v.value());
        assertThat(decoded).isEqualTo(v.built());
        assertThat(hexOf(decoded)).isEqualTo(hexOf(hex(v.wire())));
    }
}
