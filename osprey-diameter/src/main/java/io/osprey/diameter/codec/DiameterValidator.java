package io.osprey.diameter.codec;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.AvpRule;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CommandDefinition;
import io.osprey.diameter.dictionary.DiameterDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import java.util.List;

/**
 * Checks a decoded message against the dictionary, for the node that processes it (relays skip this):
 * in requests, an unknown AVP with the M bit → 5001 DIAMETER_AVP_UNSUPPORTED (RFC 6733 §4.1); a P bit that
 * contradicts the command → 3008 DIAMETER_INVALID_HDR_BITS; then the command and grouped ABNF (RFC 6733 §3.2,
 * §4.4): a required AVP missing → 5005 DIAMETER_MISSING_AVP with a zero-filled example, too many occurrences
 * → 5009 DIAMETER_AVP_OCCURS_TOO_MANY_TIMES with the first surplus instance. Error answers ('E' bit) follow
 * the generic answer format and are not checked against the command ABNF; Failed-AVP contents are never
 * checked. Position of fixed AVPs is not enforced. Unknown commands pass: answering 3001/3007 is the application's choice.
 */
public final class DiameterValidator {

    private final DiameterDictionary dictionary;

    public DiameterValidator(DiameterDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public DiameterValidator() {
        this(DiameterDictionary.standard());
    }

    /** Throws the first problem found as a {@link DiameterDecodeException}. */
    public void validate(DiameterMessage message) {
        if (message.isRequest()) {
            rejectUnknownMandatory(message.avps());
        }
        CommandDefinition command = dictionary.command(message.commandCode(), message.applicationId());
        if (command == null) {
            return;
        }
        if (message.isRequest() && message.isProxiable() != command.proxiable()) {
            throw new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_HDR_BITS, command.requestName() + " must "
                    + (command.proxiable() ? "" : "not ") + "have the P bit set", null);
        }
        if (message.isError()) {
            return;
        }
        String context = message.isRequest() ? command.requestName() : command.answerName();
        checkRules(command.rules(message.isRequest()), message.avps(), context);
        checkGroupedMembers(message.avps());
    }

    private void rejectUnknownMandatory(List<Avp> avps) {
        for (Avp avp : avps) {
            AvpDefinition def = dictionary.avp(avp.code(), avp.vendorId());
            if (def == null && avp.isMandatory()) {
                throw new DiameterDecodeException(ResultCodes.DIAMETER_AVP_UNSUPPORTED, "AVP "
                        + Integer.toUnsignedString(avp.code()) + (avp.vendorId() != 0 ? " of vendor " + avp.vendorId() : "")
                        + " has the M bit set but is not supported", avp);
            }
            if (avp.isGrouped() && !avp.is(BaseDictionary.FAILED_AVP)) {
                try {
                    rejectUnknownMandatory(avp.asGrouped());
                } catch (DiameterDecodeException e) {
                    throw e.withinGroup(avp.code(), avp.flags(), avp.vendorId());
                }
            }
        }
    }

    private void checkGroupedMembers(List<Avp> avps) {
        for (Avp avp : avps) {
            if (!avp.isGrouped()) {
                continue;
            }
            if (avp.is(BaseDictionary.FAILED_AVP)) {
                continue; // holds faulty copies by definition
            }
            AvpDefinition def = dictionary.avp(avp.code(), avp.vendorId());
            try {
                if (def != null && !def.memberRules().isEmpty()) {
                    checkRules(def.memberRules(), avp.asGrouped(), def.name());
                }
                checkGroupedMembers(avp.asGrouped());
            } catch (DiameterDecodeException e) {
                throw e.withinGroup(avp.code(), avp.flags(), avp.vendorId());
            }
        }
    }

    private static void checkRules(List<AvpRule> rules, List<Avp> avps, String context) {
        // indexed loops: rules × AVPs per message, and an iterator each would be garbage (the lists are arrays)
        for (int r = 0; r < rules.size(); r++) {
            AvpRule rule = rules.get(r);
            int count = 0;
            Avp surplus = null;
            for (int a = 0; a < avps.size(); a++) {
                Avp avp = avps.get(a);
                if (avp.is(rule.avp())) {
                    count++;
                    if (count == rule.max() + 1L) {
                        surplus = avp;
                    }
                }
            }
            if (count < rule.min()) {
                throw new DiameterDecodeException(ResultCodes.DIAMETER_MISSING_AVP, context + " lacks " + rule.avp()
                        + " (" + count + " present, at least " + rule.min() + " required)", Avps.zeroFilled(rule.avp()));
            }
            if (surplus != null) {
                throw new DiameterDecodeException(ResultCodes.DIAMETER_AVP_OCCURS_TOO_MANY_TIMES, context + " has " + count
                        + " " + rule.avp() + "; at most " + rule.max() + " allowed", surplus);
            }
        }
    }
}
