package io.osprey.cscf.cx;

import static io.osprey.cscf.cx.AvpValues.member;
import static io.osprey.cscf.cx.AvpValues.members;
import static io.osprey.cscf.cx.AvpValues.octets;
import static io.osprey.cscf.cx.AvpValues.text;
import static io.osprey.cscf.cx.AvpValues.unsigned32;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CommandDefinition;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads UAA, LIA, MAA and SAA (TS 29.229 §6.1.2, §6.1.4, §6.1.6, §6.1.8) into records. Optional AVPs that are
 * absent or malformed read as null or empty; only an answer without a result fails, with a
 * {@link CxProtocolException}.
 */
final class CxAnswers {

    private CxAnswers() {
    }

    static UserAuthorizationAnswer userAuthorization(DiameterMessage answer) {
        CxResult result = result(answer, CxDictionary.USER_AUTHORIZATION);
        return new UserAuthorizationAnswer(result, text(answer.avp(CxDictionary.SERVER_NAME)), capabilities(answer));
    }

    static LocationInfoAnswer locationInfo(DiameterMessage answer) {
        CxResult result = result(answer, CxDictionary.LOCATION_INFO);
        return new LocationInfoAnswer(result, text(answer.avp(CxDictionary.SERVER_NAME)), capabilities(answer),
                text(answer.avp(CxDictionary.WILDCARDED_PUBLIC_IDENTITY)));
    }

    static MultimediaAuthAnswer multimediaAuth(DiameterMessage answer) {
        CxResult result = result(answer, CxDictionary.MULTIMEDIA_AUTH);
        List<SipAuthDataItem> items = new ArrayList<>();
        for (Avp item : answer.avps(CxDictionary.SIP_AUTH_DATA_ITEM)) {
            if (item.isGrouped()) {
                items.add(item(Optional.of(item)));
            }
        }
        // TS 29.229 §6.3.13: SIP-Item-Number orders the items; the sort is stable for numberless ones
        items.sort(Comparator.comparingInt(SipAuthDataItem::itemNumber));
        return new MultimediaAuthAnswer(result, text(answer.avp(BaseDictionary.USER_NAME)),
                text(answer.avp(CxDictionary.PUBLIC_IDENTITY)), items);
    }

    static ServerAssignmentAnswer serverAssignment(DiameterMessage answer) {
        CxResult result = result(answer, CxDictionary.SERVER_ASSIGNMENT);
        byte[] userData = octets(answer.avp(CxDictionary.USER_DATA));
        List<String> associated = new ArrayList<>();
        for (Avp userName : members(answer.avp(CxDictionary.ASSOCIATED_IDENTITIES), BaseDictionary.USER_NAME)) {
            String impi = text(Optional.of(userName));
            if (impi != null) {
                associated.add(impi);
            }
        }
        String ccf = text(member(answer.avp(CxDictionary.CHARGING_INFORMATION),
                CxDictionary.PRIMARY_CHARGING_COLLECTION_FUNCTION_NAME));
        String xml = userData == null ? null : new String(userData, StandardCharsets.UTF_8);
        return new ServerAssignmentAnswer(result, xml, associated, ccf);
    }

    /** Result-Code, else Experimental-Result; neither (or a malformed one) is a {@link CxProtocolException}. */
    static CxResult result(DiameterMessage answer, CommandDefinition command) {
        Optional<ResultCode> result;
        try {
            result = answer.result();
        } catch (RuntimeException e) {
            throw new CxProtocolException(AvpValues.describe(answer, command.answerName())
                    + " has a malformed Result-Code or Experimental-Result: " + e.getMessage(), e);
        }
        return CxResult.of(result.orElseThrow(() -> new CxProtocolException(
                AvpValues.describe(answer, command.answerName())
                        + " carries neither Result-Code nor a complete Experimental-Result")));
    }

    /** Server-Capabilities, or null when absent. */
    private static ServerCapabilities capabilities(DiameterMessage answer) {
        Optional<Avp> group = answer.avp(CxDictionary.SERVER_CAPABILITIES).filter(Avp::isGrouped);
        if (group.isEmpty()) {
            return null;
        }
        List<Integer> mandatory = new ArrayList<>();
        for (Avp capability : members(group, CxDictionary.MANDATORY_CAPABILITY)) {
            addUnsigned(mandatory, capability);
        }
        List<Integer> optional = new ArrayList<>();
        for (Avp capability : members(group, CxDictionary.OPTIONAL_CAPABILITY)) {
            addUnsigned(optional, capability);
        }
        List<String> names = new ArrayList<>();
        for (Avp name : members(group, CxDictionary.SERVER_NAME)) {
            String value = text(Optional.of(name));
            if (value != null) {
                names.add(value);
            }
        }
        return new ServerCapabilities(mandatory, optional, names);
    }

    private static void addUnsigned(List<Integer> values, Avp avp) {
        int value = unsigned32(Optional.of(avp), -1);
        if (value >= 0) {
            values.add(value);
        }
    }

    private static SipAuthDataItem item(Optional<Avp> item) {
        Optional<Avp> digest = member(item, CxDictionary.SIP_DIGEST_AUTHENTICATE);
        byte[] ha1 = octets(member(digest, CxDictionary.DIGEST_HA1));
        return new SipAuthDataItem(unsigned32(member(item, CxDictionary.SIP_ITEM_NUMBER), 0),
                text(member(item, CxDictionary.SIP_AUTHENTICATION_SCHEME)),
                octets(member(item, CxDictionary.SIP_AUTHENTICATE)),
                octets(member(item, CxDictionary.SIP_AUTHORIZATION)),
                octets(member(item, CxDictionary.CONFIDENTIALITY_KEY)),
                octets(member(item, CxDictionary.INTEGRITY_KEY)),
                text(member(digest, CxDictionary.DIGEST_REALM)),
                text(member(digest, CxDictionary.DIGEST_ALGORITHM)),
                text(member(digest, CxDictionary.DIGEST_QOP)),
                ha1 == null ? null : new String(ha1, StandardCharsets.US_ASCII));
    }
}
