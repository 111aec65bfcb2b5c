package io.osprey.diameter.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The standard dictionary against the tables of the reference notes (RFC 6733 §4.5; TS 29.229 Table 6.3.1,
 * TS 29.329, TS 29.214 and TS 32.299 flags as in the Rel-15 freeDiameter CSV), typed in here independently.
 * Flags column: the octet Osprey sends (0x40 M, 0x80 V, 0xC0 V+M, 0x00 neither).
 */
class StandardDictionaryTest {

    private final DiameterDictionary dictionary = DiameterDictionary.standard();

    @ParameterizedTest
    @CsvSource({
            "1, 0, User-Name, UTF8_STRING, 0x40",
            "55, 0, Event-Timestamp, TIME, 0x40",
            "257, 0, Host-IP-Address, ADDRESS, 0x40",
            "258, 0, Auth-Application-Id, UNSIGNED32, 0x40",
            "259, 0, Acct-Application-Id, UNSIGNED32, 0x40",
            "260, 0, Vendor-Specific-Application-Id, GROUPED, 0x40",
            "263, 0, Session-Id, UTF8_STRING, 0x40",
            "264, 0, Origin-Host, DIAMETER_IDENTITY, 0x40",
            "265, 0, Supported-Vendor-Id, UNSIGNED32, 0x40",
            "266, 0, Vendor-Id, UNSIGNED32, 0x40",
            "267, 0, Firmware-Revision, UNSIGNED32, 0x00",
            "268, 0, Result-Code, UNSIGNED32, 0x40",
            "269, 0, Product-Name, UTF8_STRING, 0x00",
            "273, 0, Disconnect-Cause, ENUMERATED, 0x40",
            "277, 0, Auth-Session-State, ENUMERATED, 0x40",
            "278, 0, Origin-State-Id, UNSIGNED32, 0x40",
            "279, 0, Failed-AVP, GROUPED, 0x40",
            "281, 0, Error-Message, UTF8_STRING, 0x00",
            "282, 0, Route-Record, DIAMETER_IDENTITY, 0x40",
            "283, 0, Destination-Realm, DIAMETER_IDENTITY, 0x40",
            "284, 0, Proxy-Info, GROUPED, 0x40",
            "285, 0, Re-Auth-Request-Type, ENUMERATED, 0x40",
            "293, 0, Destination-Host, DIAMETER_IDENTITY, 0x40",
            "296, 0, Origin-Realm, DIAMETER_IDENTITY, 0x40",
            "297, 0, Experimental-Result, GROUPED, 0x40",
            "298, 0, Experimental-Result-Code, UNSIGNED32, 0x40",
            "299, 0, Inband-Security-Id, UNSIGNED32, 0x40",
            "480, 0, Accounting-Record-Type, ENUMERATED, 0x40",
            "485, 0, Accounting-Record-Number, UNSIGNED32, 0x40",
            "104, 0, Digest-Realm, UTF8_STRING, 0x40",
            "121, 0, Digest-HA1, OCTET_STRING, 0x40",
            "600, 10415, Visited-Network-Identifier, OCTET_STRING, 0xC0",
            "601, 10415, Public-Identity, UTF8_STRING, 0xC0",
            "602, 10415, Server-Name, UTF8_STRING, 0xC0",
            "603, 10415, Server-Capabilities, GROUPED, 0xC0",
            "606, 10415, User-Data, OCTET_STRING, 0xC0",
            "607, 10415, SIP-Number-Auth-Items, UNSIGNED32, 0xC0",
            "608, 10415, SIP-Authentication-Scheme, UTF8_STRING, 0xC0",
            "609, 10415, SIP-Authenticate, OCTET_STRING, 0xC0",
            "610, 10415, SIP-Authorization, OCTET_STRING, 0xC0",
            "612, 10415, SIP-Auth-Data-Item, GROUPED, 0xC0",
            "614, 10415, Server-Assignment-Type, ENUMERATED, 0xC0",
            "615, 10415, Deregistration-Reason, GROUPED, 0xC0",
            "619, 10415, Primary-Event-Charging-Function-Name, DIAMETER_URI, 0xC0",
            "622, 10415, Secondary-Charging-Collection-Function-Name, DIAMETER_URI, 0xC0",
            "623, 10415, User-Authorization-Type, ENUMERATED, 0xC0",
            "625, 10415, Confidentiality-Key, OCTET_STRING, 0xC0",
            "626, 10415, Integrity-Key, OCTET_STRING, 0xC0",
            "628, 10415, Supported-Features, GROUPED, 0x80",
            "629, 10415, Feature-List-ID, UNSIGNED32, 0x80",
            "630, 10415, Feature-List, UNSIGNED32, 0x80",
            "632, 10415, Associated-Identities, GROUPED, 0x80",
            "633, 10415, Originating-Request, ENUMERATED, 0xC0",
            "634, 10415, Wildcarded-Public-Identity, UTF8_STRING, 0x80",
            "635, 10415, SIP-Digest-Authenticate, GROUPED, 0x80",
            "637, 10415, UAR-Flags, UNSIGNED32, 0x80",
            "639, 10415, SCSCF-Restoration-Info, GROUPED, 0x80",
            "640, 10415, Path, OCTET_STRING, 0x80",
            "643, 10415, Call-ID-SIP-Header, OCTET_STRING, 0x80",
            "700, 10415, User-Identity, GROUPED, 0xC0",
            "701, 10415, MSISDN, OCTET_STRING, 0xC0",
            "702, 10415, User-Data, OCTET_STRING, 0xC0",
            "703, 10415, Data-Reference, ENUMERATED, 0xC0",
            "708, 10415, Identity-Set, ENUMERATED, 0x80",
            "709, 10415, Expiry-Time, TIME, 0x80",
            "710, 10415, Send-Data-Indication, ENUMERATED, 0x80",
            "711, 10415, DSAI-Tag, OCTET_STRING, 0xC0",
            "505, 10415, AF-Charging-Identifier, OCTET_STRING, 0xC0",
            "507, 10415, Flow-Description, IP_FILTER_RULE, 0xC0",
            "513, 10415, Specific-Action, ENUMERATED, 0xC0",
            "517, 10415, Media-Component-Description, GROUPED, 0xC0",
            "519, 10415, Media-Sub-Component, GROUPED, 0xC0",
            "529, 10415, AF-Signalling-Protocol, ENUMERATED, 0x80",
            "533, 10415, Rx-Request-Type, ENUMERATED, 0x80",
            "1032, 10415, RAT-Type, ENUMERATED, 0x80",
            "443, 0, Subscription-Id, GROUPED, 0x40",
            "415, 0, CC-Request-Number, UNSIGNED32, 0x40",
            "416, 0, CC-Request-Type, ENUMERATED, 0x40",
            "420, 0, CC-Time, UNSIGNED32, 0x40",
            "431, 0, Granted-Service-Unit, GROUPED, 0x40",
            "437, 0, Requested-Service-Unit, GROUPED, 0x40",
            "446, 0, Used-Service-Unit, GROUPED, 0x40",
            "456, 0, Multiple-Services-Credit-Control, GROUPED, 0x40",
            "461, 0, Service-Context-Id, UTF8_STRING, 0x40",
            "873, 10415, Service-Information, GROUPED, 0xC0",
            "876, 10415, IMS-Information, GROUPED, 0xC0",
            "861, 10415, Cause-Code, INTEGER32, 0xC0"
    })
    void avpMatchesTheReferenceTables(int code, long vendor, String name, AvpType type, String flags) {
        AvpDefinition def = dictionary.avp(code, vendor);
        assertThat(def).as("%d/%d", code, vendor).isNotNull();
        assertThat(def.name()).isEqualTo(name);
        assertThat(def.type()).isEqualTo(type);
        assertThat(def.sendFlags()).isEqualTo(Integer.decode(flags));
    }

    @ParameterizedTest
    @CsvSource({
            "257, 0, CER, CEA, false", "280, 0, DWR, DWA, false", "282, 0, DPR, DPA, false",
            "300, 16777216, UAR, UAA, true", "301, 16777216, SAR, SAA, true", "302, 16777216, LIR, LIA, true",
            "303, 16777216, MAR, MAA, true", "304, 16777216, RTR, RTA, true", "305, 16777216, PPR, PPA, true",
            "306, 16777217, UDR, UDA, true", "307, 16777217, PUR, PUA, true", "308, 16777217, SNR, SNA, true",
            "309, 16777217, PNR, PNA, true",
            "265, 16777236, AAR, AAA, true", "258, 16777236, RAR, RAA, true", "275, 16777236, STR, STA, true",
            "274, 16777236, ASR, ASA, true",
            "272, 4, CCR, CCA, true", "271, 3, ACR, ACA, true"
    })
    void commandMatchesTheReferenceTables(int code, long app, String request, String answer, boolean proxiable) {
        CommandDefinition def = dictionary.command(code, app);
        assertThat(def).as("%d/%d", code, app).isNotNull();
        assertThat(def.requestName()).isEqualTo(request);
        assertThat(def.answerName()).isEqualTo(answer);
        assertThat(def.proxiable()).isEqualTo(proxiable);
    }

    @Test
    void applicationsAnnounceThemselvesAsTheReferenceSays() {
        assertThat(CxDictionary.APPLICATION.vendorSpecificIdAvp()).isTrue();
        assertThat(CxDictionary.APPLICATION.authSessionState()).isEqualTo(1);
        assertThat(ShDictionary.APPLICATION.id()).isEqualTo(16777217);
        assertThat(RxDictionary.APPLICATION.vendorSpecificIdAvp()).isFalse();
        assertThat(RfDictionary.APPLICATION.kind()).isEqualTo(DiameterApplication.Kind.ACCOUNTING);
    }

    @Test
    void everyAvpNamedByARuleIsInTheDictionary() {
        for (CommandDefinition command : dictionary.commandDefinitions()) {
            for (AvpRule rule : concat(command.requestRules(), command.answerRules())) {
                assertRegistered(rule.avp(), command.requestName());
            }
        }
    }

    private void assertRegistered(AvpDefinition def, String where) {
        assertThat(dictionary.avp(def.code(), def.vendorId())).as("%s in %s", def, where).isEqualTo(def);
        for (AvpRule member : def.memberRules()) {
            assertRegistered(member.avp(), def.name());
        }
    }

    @Test
    void cxAndShUserDataAreDistinctAvps() {
        assertThat(dictionary.avp(606, 10415)).isSameAs(CxDictionary.USER_DATA);
        assertThat(dictionary.avp(702, 10415)).isSameAs(ShDictionary.USER_DATA);
    }

    @Test
    void unknownLookupsReturnNull() {
        assertThat(dictionary.avp(601, 0)).isNull();
        assertThat(dictionary.command(300, 0)).isNull();
    }

    @Test
    void conflictingDefinitionsAreRefused() {
        AvpDefinition other = AvpDefinition.ietf(264, "Not-Origin-Host", AvpType.OCTET_STRING, FlagRule.MUST);
        assertThatThrownBy(() -> DiameterDictionary.builder().include(dictionary).avps(List.of(other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Origin-Host");
    }

    @Test
    void resultCodeClasses() {
        assertThat(ResultCodes.DIAMETER_INVALID_HDR_BITS.isProtocolError()).isTrue();
        assertThat(ResultCode.experimental(10415, 3001).isProtocolError()).isFalse();
        assertThat(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN).isNotEqualTo(ResultCodes.DIAMETER_AVP_UNSUPPORTED);
        assertThat(ShResultCodes.DIAMETER_USER_DATA_NOT_AVAILABLE.isTransientFailure()).isTrue();
        assertThat(RxResultCodes.DUPLICATED_AF_SESSION.code()).isEqualTo(5064);
    }

    private static List<AvpRule> concat(List<AvpRule> a, List<AvpRule> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
