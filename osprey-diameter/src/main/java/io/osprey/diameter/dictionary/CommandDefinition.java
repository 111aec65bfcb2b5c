package io.osprey.diameter.dictionary;

import java.util.List;
import java.util.Objects;

/**
 * A command of a dictionary (RFC 6733 §3.2 Command Code Format): code, application, names and the essential
 * request and answer ABNF. Lists hold only the AVPs the validator checks; every command here also allows
 * {@code *[ AVP ]}, so unlisted AVPs are accepted.
 */
public record CommandDefinition(int code, DiameterApplication application, String name, String requestName,
                                String answerName, boolean proxiable, List<AvpRule> requestRules,
                                List<AvpRule> answerRules) {

    public CommandDefinition {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requestName, "requestName");
        Objects.requireNonNull(answerName, "answerName");
        requestRules = List.copyOf(requestRules);
        answerRules = List.copyOf(answerRules);
        if (code < 0 || code > 0xFF_FFFF) {
            throw new IllegalArgumentException("command code of " + name + " must be 0..16777215, was " + code);
        }
    }

    /** The rules for a request ({@code true}) or an answer ({@code false}). */
    public List<AvpRule> rules(boolean request) {
        return request ? requestRules : answerRules;
    }

    /** Whether the request ABNF names {@code avp} at all. */
    public boolean requestMentions(AvpDefinition avp) {
        for (AvpRule rule : requestRules) {
            if (rule.avp().key() == avp.key()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return requestName + "/" + answerName + "(" + code + ", app " + application.id() + ")";
    }
}
