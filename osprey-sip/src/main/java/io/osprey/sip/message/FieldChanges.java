package io.osprey.sip.message;

import java.util.List;

/**
 * What a {@link SipMessage.Builder} changed in the core fields of the message it copies, so that the message it
 * builds can reuse the values its origin already parsed instead of parsing them again: a proxy hop pushes a Via on
 * a request and pops one off a response, and everything else it reads stays as it was.
 *
 * <p>Via, Route and Record-Route are tracked as stacks: values popped off the top, then values pushed on top. The
 * values underneath are the origin's; only the pushed ones are parsed when the new message is asked for its list.
 * Any other change to a tracked field (append, set, remove, a pop after a push) drops what was parsed of it.
 */
final class FieldChanges {

    static final int VIA = 0;
    static final int ROUTE = 1;
    static final int RECORD_ROUTE = 2;
    static final int FROM = 3;
    static final int TO = 4;
    static final int CALL_ID = 5;
    static final int CSEQ = 6;
    static final int MAX_FORWARDS = 7;
    static final int EXPIRES = 8;
    static final int CONTACT = 9;
    private static final int LISTS = 3;

    /** The message the builder started from; null for a builder of a new message. */
    final SipMessage origin;
    private int changed;
    private final int[] popped = new int[LISTS];
    private final int[] pushed = new int[LISTS];

    FieldChanges(SipMessage origin) {
        this.origin = origin;
    }

    /** A builder of a response to {@code request} that copied its Via, From, To, Call-ID and CSeq fields. */
    static FieldChanges responseTo(SipMessage request) {
        FieldChanges changes = new FieldChanges(request);
        changes.changed = ~((1 << VIA) | (1 << FROM) | (1 << TO) | (1 << CALL_ID) | (1 << CSEQ));
        return changes;
    }

    static int slot(SipHeaderName name) {
        if (name == null) {
            return -1;
        }
        return switch (name) {
            case VIA -> VIA;
            case ROUTE -> ROUTE;
            case RECORD_ROUTE -> RECORD_ROUTE;
            case FROM -> FROM;
            case TO -> TO;
            case CALL_ID -> CALL_ID;
            case CSEQ -> CSEQ;
            case MAX_FORWARDS -> MAX_FORWARDS;
            case EXPIRES -> EXPIRES;
            case CONTACT -> CONTACT;
            default -> -1;
        };
    }

    /** A field of {@code name} was added at the top of its kind (a Via, Route or Record-Route push). */
    void pushed(SipHeaderName name) {
        int slot = slot(name);
        if (slot >= 0 && slot < LISTS) {
            pushed[slot]++;
        } else {
            changed(name);
        }
    }

    /** The first value of {@code name} was removed (a pop). */
    void popped(SipHeaderName name) {
        int slot = slot(name);
        if (slot >= 0 && slot < LISTS && pushed[slot] == 0) {
            popped[slot]++;
        } else {
            changed(name);
        }
    }

    /** Fields of {@code name} were changed in any other way. */
    void changed(SipHeaderName name) {
        int slot = slot(name);
        if (slot >= 0) {
            changed |= 1 << slot;
        }
    }

    /** Whether the field behind {@code slot} is as in the origin. */
    boolean keeps(int slot) {
        return origin != null && (changed & (1 << slot)) == 0 && (slot >= LISTS || pushed[slot] == 0 && popped[slot] == 0);
    }

    /**
     * The origin's parsed values of list {@code slot} still at the bottom of the new message's list, or null when
     * the list must be parsed afresh (changed, or never parsed in the origin).
     */
    <T> List<T> tail(int slot, List<T> originValues) {
        if (origin == null || originValues == null || (changed & (1 << slot)) != 0) {
            return null;
        }
        int drop = Math.min(popped[slot], originValues.size());
        return drop == 0 ? originValues : List.copyOf(originValues.subList(drop, originValues.size()));
    }

    /** How many fields were pushed on top of list {@code slot}. */
    int pushedFields(int slot) {
        return pushed[slot];
    }
}
