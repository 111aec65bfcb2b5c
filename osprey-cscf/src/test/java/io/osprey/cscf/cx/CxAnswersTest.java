package io.osprey.cscf.cx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CommandDefinition;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.Vendors;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.EndToEndId;
import io.osprey.diameter.message.HopByHopId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CxAnswers} on answers built in memory: absent and malformed optional AVPs, item order, missing results. */
class CxAnswersTest {

    static final String HSS = "hss.test.example";

    static DiameterMessage answer(CommandDefinition command, Avp... avps) {
        List<Avp> all = new ArrayList<>();
        all.add(Avps.of(BaseDictionary.SESSION_ID, HSS + ";1;1"));
        all.add(Avps.of(BaseDictionary.ORIGIN_HOST, HSS));
        all.addAll(List.of(avps));
        return DiameterMessage.of(DiameterMessage.FLAG_PROXIABLE, command.code(), CxDictionary.APPLICATION.id(),
                new HopByHopId(1), new EndToEndId(1), all);
    }

    static Avp resultCode(long code) {
        return Avps.of(BaseDictionary.RESULT_CODE, code);
    }

    static Avp experimental(long code) {
        return Avps.of(BaseDictionary.EXPERIMENTAL_RESULT, Avps.of(BaseDictionary.VENDOR_ID, Vendors.THREE_GPP),
                Avps.of(BaseDictionary.EXPERIMENTAL_RESULT_CODE, code));
    }

    /** An AVP with {@code def}'s code and vendor whose data does not fit its format. */
    static Avp misshapen(AvpDefinition def, int length) {
        return Avp.raw(def.code(), def.sendFlags(), def.vendorId(), new byte[length]);
    }

    static Avp groupedInsteadOfLeaf(AvpDefinition def) {
        return Avp.grouped(def.code(), def.sendFlags(), def.vendorId(), List.of());
    }

    @Test
    void aBareAnswerReadsAsItsResultAndNothingElse() {
        UserAuthorizationAnswer uaa = CxAnswers.userAuthorization(answer(CxDictionary.USER_AUTHORIZATION,
                experimental(5001)));
        assertThat(uaa).isEqualTo(new UserAuthorizationAnswer(CxResult.USER_UNKNOWN, null, null));

        assertThat(CxAnswers.locationInfo(answer(CxDictionary.LOCATION_INFO, resultCode(5012))))
                .isEqualTo(new LocationInfoAnswer(CxResult.UNABLE_TO_COMPLY, null, null, null));
        assertThat(CxAnswers.multimediaAuth(answer(CxDictionary.MULTIMEDIA_AUTH, experimental(5006))))
                .isEqualTo(new MultimediaAuthAnswer(CxResult.AUTH_SCHEME_NOT_SUPPORTED, null, null, List.of()));
        assertThat(CxAnswers.serverAssignment(answer(CxDictionary.SERVER_ASSIGNMENT, resultCode(3004))))
                .isEqualTo(new ServerAssignmentAnswer(CxResult.ofResultCode(3004), null, List.of(), null));
    }

    @Test
    void aResultCodeWinsOverAnExperimentalResultAndTheSpacesStayApart() {
        CxResult result = CxAnswers.result(answer(CxDictionary.USER_AUTHORIZATION, experimental(2001),
                resultCode(5001)), CxDictionary.USER_AUTHORIZATION);

        assertThat(result).isEqualTo(CxResult.ofResultCode(5001)).isNotEqualTo(CxResult.USER_UNKNOWN);
        assertThat(result.experimental()).isFalse();
    }

    @Test
    void anAnswerWithoutAResultIsAProtocolExceptionNamingCommandAndPeer() {
        assertThatThrownBy(() -> CxAnswers.locationInfo(answer(CxDictionary.LOCATION_INFO,
                Avps.of(CxDictionary.SERVER_NAME, "sip:scscf.test.example"))))
                .isInstanceOf(CxProtocolException.class)
                .hasMessage("LIA from " + HSS + " carries neither Result-Code nor a complete Experimental-Result");
        // Experimental-Result without its Vendor-Id is incomplete
        assertThatThrownBy(() -> CxAnswers.userAuthorization(answer(CxDictionary.USER_AUTHORIZATION,
                Avps.of(BaseDictionary.EXPERIMENTAL_RESULT, Avps.of(BaseDictionary.EXPERIMENTAL_RESULT_CODE, 2001)))))
                .isInstanceOf(CxProtocolException.class).hasMessageContaining("UAA from " + HSS);
        assertThatThrownBy(() -> CxAnswers.serverAssignment(answer(CxDictionary.SERVER_ASSIGNMENT,
                misshapen(BaseDictionary.RESULT_CODE, 3))))
                .isInstanceOf(CxProtocolException.class)
                .hasMessageStartingWith("SAA from " + HSS + " has a malformed Result-Code");
        DiameterMessage anonymous = DiameterMessage.of(0, CxDictionary.MULTIMEDIA_AUTH.code(),
                CxDictionary.APPLICATION.id(), new HopByHopId(1), new EndToEndId(1), List.of());
        assertThatThrownBy(() -> CxAnswers.multimediaAuth(anonymous)).isInstanceOf(CxProtocolException.class)
                .hasMessageStartingWith("MAA from an unnamed peer");
    }

    @Test
    void malformedOptionalAvpsReadAsAbsent() {
        UserAuthorizationAnswer uaa = CxAnswers.userAuthorization(answer(CxDictionary.USER_AUTHORIZATION,
                experimental(2002), groupedInsteadOfLeaf(CxDictionary.SERVER_NAME),
                misshapen(CxDictionary.SERVER_CAPABILITIES, 4)));
        assertThat(uaa).isEqualTo(new UserAuthorizationAnswer(CxResult.SUBSEQUENT_REGISTRATION, null, null));

        LocationInfoAnswer lia = CxAnswers.locationInfo(answer(CxDictionary.LOCATION_INFO, experimental(2003),
                Avps.of(CxDictionary.SERVER_CAPABILITIES, misshapen(CxDictionary.MANDATORY_CAPABILITY, 2),
                        Avps.of(CxDictionary.MANDATORY_CAPABILITY, 7), Avps.of(CxDictionary.OPTIONAL_CAPABILITY, 9),
                        groupedInsteadOfLeaf(CxDictionary.SERVER_NAME),
                        Avps.of(CxDictionary.SERVER_NAME, "sip:scscf.test.example")),
                Avps.of(CxDictionary.WILDCARDED_PUBLIC_IDENTITY, "sip:!.*!@test.example")));
        assertThat(lia.capabilities()).isEqualTo(new ServerCapabilities(List.of(7), List.of(9),
                List.of("sip:scscf.test.example")));
        assertThat(lia.wildcardedPublicIdentity()).isEqualTo("sip:!.*!@test.example");

        ServerAssignmentAnswer saa = CxAnswers.serverAssignment(answer(CxDictionary.SERVER_ASSIGNMENT,
                resultCode(2001), groupedInsteadOfLeaf(CxDictionary.USER_DATA),
                misshapen(CxDictionary.ASSOCIATED_IDENTITIES, 5), misshapen(CxDictionary.CHARGING_INFORMATION, 1)));
        assertThat(saa).isEqualTo(new ServerAssignmentAnswer(CxResult.SUCCESS, null, List.of(), null));
    }

    @Test
    void serverAssignmentReadsUserDataAssociatedIdentitiesAndTheCcf() {
        ServerAssignmentAnswer saa = CxAnswers.serverAssignment(answer(CxDictionary.SERVER_ASSIGNMENT,
                resultCode(2001), Avps.of(CxDictionary.USER_DATA, "<IMSSubscription>é</IMSSubscription>"),
                Avps.of(CxDictionary.ASSOCIATED_IDENTITIES, Avps.of(BaseDictionary.USER_NAME, "a@test.example"),
                        Avps.of(BaseDictionary.USER_NAME, "b@test.example")),
                Avps.of(CxDictionary.CHARGING_INFORMATION,
                        Avps.of(CxDictionary.PRIMARY_EVENT_CHARGING_FUNCTION_NAME, "aaa://ecf.test.example"),
                        Avps.of(CxDictionary.PRIMARY_CHARGING_COLLECTION_FUNCTION_NAME, "aaa://ccf.test.example"))));

        assertThat(saa.userDataXml()).isEqualTo("<IMSSubscription>é</IMSSubscription>");
        assertThat(saa.associatedIdentities()).containsExactly("a@test.example", "b@test.example");
        assertThat(saa.chargingCcf()).isEqualTo("aaa://ccf.test.example");
    }

    @Test
    void authDataItemsAreOrderedByItemNumberAndFieldsMayBeMissing() {
        byte[] randAutn = new byte[32];
        randAutn[0] = 1;
        MultimediaAuthAnswer maa = CxAnswers.multimediaAuth(answer(CxDictionary.MULTIMEDIA_AUTH, resultCode(2001),
                Avps.of(BaseDictionary.USER_NAME, "u@test.example"),
                Avps.of(CxDictionary.PUBLIC_IDENTITY, "sip:u@test.example"),
                Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM, Avps.of(CxDictionary.SIP_ITEM_NUMBER, 2),
                        Avps.of(CxDictionary.SIP_AUTHENTICATE, randAutn)),
                misshapen(CxDictionary.SIP_AUTH_DATA_ITEM, 8),
                Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM, Avps.of(CxDictionary.SIP_ITEM_NUMBER, 1),
                        Avps.of(CxDictionary.SIP_AUTHENTICATION_SCHEME, "SIP Digest"),
                        Avps.of(CxDictionary.SIP_DIGEST_AUTHENTICATE,
                                Avps.of(CxDictionary.DIGEST_REALM, "test.example"),
                                Avps.of(CxDictionary.DIGEST_HA1, "0123abcd".getBytes(StandardCharsets.US_ASCII)))),
                Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM, misshapen(CxDictionary.SIP_ITEM_NUMBER, 1))));

        assertThat(maa.impi()).isEqualTo("u@test.example");
        assertThat(maa.impu()).isEqualTo("sip:u@test.example");
        assertThat(maa.items()).extracting(SipAuthDataItem::itemNumber).containsExactly(0, 1, 2);
        assertThat(maa.items().get(0)).isEqualTo(new SipAuthDataItem(0, null, null, null, null, null, null, null,
                null, null));
        SipAuthDataItem digest = maa.items().get(1);
        assertThat(digest.isDigest()).isTrue();
        assertThat(digest.digestRealm()).isEqualTo("test.example");
        assertThat(digest.digestHa1()).isEqualTo("0123abcd");
        assertThat(digest.digestAlgorithm()).isNull();
        assertThat(digest.digestQop()).isNull();
        SipAuthDataItem aka = maa.items().get(2);
        assertThat(aka.authenticate()).isEqualTo(randAutn);
        assertThat(aka.authorization()).isNull();
        aka.authenticate()[0] = 9;
        assertThat(aka.authenticate()[0]).as("accessors hand out copies").isEqualTo((byte) 1);
    }
}
