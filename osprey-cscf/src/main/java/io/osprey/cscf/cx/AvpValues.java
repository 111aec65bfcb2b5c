package io.osprey.cscf.cx;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import java.util.List;
import java.util.Optional;

/**
 * Tolerant reads of AVP values in Cx messages: an absent AVP, or one whose shape does not fit (a Grouped AVP where
 * text is expected, an integer of the wrong length), reads as absent instead of throwing.
 */
final class AvpValues {

    private AvpValues() {
    }

    /** The data as UTF-8 text, or null. */
    static String text(Optional<Avp> avp) {
        return avp.filter(a -> !a.isGrouped()).map(Avp::asUtf8).orElse(null);
    }

    /** A copy of the data, or null. */
    static byte[] octets(Optional<Avp> avp) {
        return avp.filter(a -> !a.isGrouped()).map(Avp::asOctets).orElse(null);
    }

    /** An Unsigned32 value capped at {@link Integer#MAX_VALUE}, or {@code absent}. */
    static int unsigned32(Optional<Avp> avp, int absent) {
        return avp.filter(a -> !a.isGrouped() && a.dataLength() == 4)
                .map(a -> (int) Math.min(a.asUnsigned32(), Integer.MAX_VALUE)).orElse(absent);
    }

    /** An Integer32 or Enumerated value, or empty. */
    static Optional<Integer> integer32(Optional<Avp> avp) {
        return avp.filter(a -> !a.isGrouped() && a.dataLength() == 4).map(Avp::asEnumerated);
    }

    /** The first member of a Grouped AVP, or empty (also when {@code group} is not Grouped). */
    static Optional<Avp> member(Optional<Avp> group, AvpDefinition member) {
        return group.filter(Avp::isGrouped).flatMap(g -> g.avp(member));
    }

    /** All members of a Grouped AVP with {@code member}'s code, or none. */
    static List<Avp> members(Optional<Avp> group, AvpDefinition member) {
        return group.filter(Avp::isGrouped).map(g -> g.avps(member)).orElse(List.of());
    }

    /** The command name and sender of {@code message}, for error messages. */
    static String describe(DiameterMessage message, String commandName) {
        String origin = text(message.avp(BaseDictionary.ORIGIN_HOST));
        return commandName + " from " + (origin == null ? "an unnamed peer" : origin);
    }
}
