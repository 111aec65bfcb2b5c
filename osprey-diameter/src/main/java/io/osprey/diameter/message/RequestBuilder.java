package io.osprey.diameter.message;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.AvpRule;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CommandDefinition;
import io.osprey.diameter.dictionary.DiameterApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a request that is well-formed by construction: the R and P flags from the command, Session-Id first
 * (RFC 6733 §8.8; generated unless given) for session commands, the application's id AVPs
 * (Vendor-Specific-Application-Id for Cx/Sh, Auth- or Acct-Application-Id otherwise), Auth-Session-State where
 * the application sets one, Origin-Host and Origin-Realm from the local identity, then the caller's AVPs.
 * {@link #build()} refuses a request that lacks an AVP its command ABNF requires. The Hop-by-Hop Identifier
 * stays 0 until the peer connection assigns one ({@link DiameterMessage#withHopByHopId}).
 */
public final class RequestBuilder {

    private final CommandDefinition command;
    private final LocalIdentity local;
    private final List<Avp> avps = new ArrayList<>();
    private String sessionId;
    private String destinationHost;
    private String destinationRealm;
    private HopByHopId hopByHopId = new HopByHopId(0);
    private EndToEndId endToEndId;

    RequestBuilder(CommandDefinition command, LocalIdentity local) {
        this.command = Objects.requireNonNull(command, "command");
        this.local = Objects.requireNonNull(local, "local");
    }

    /** Continues an existing session instead of starting a new one. */
    public RequestBuilder sessionId(String id) {
        if (!command.requestMentions(BaseDictionary.SESSION_ID)) {
            throw new IllegalStateException(command.requestName() + " carries no Session-Id");
        }
        this.sessionId = Objects.requireNonNull(id, "id");
        return this;
    }

    public RequestBuilder destinationRealm(String realm) {
        this.destinationRealm = Objects.requireNonNull(realm, "realm");
        return this;
    }

    public RequestBuilder destinationHost(String host) {
        this.destinationHost = Objects.requireNonNull(host, "host");
        return this;
    }

    public RequestBuilder hopByHopId(HopByHopId id) {
        this.hopByHopId = Objects.requireNonNull(id, "id");
        return this;
    }

    /** Overrides the generated End-to-End Identifier, e.g. when resending the same request. */
    public RequestBuilder endToEndId(EndToEndId id) {
        this.endToEndId = Objects.requireNonNull(id, "id");
        return this;
    }

    public RequestBuilder add(Avp avp) {
        avps.add(Objects.requireNonNull(avp, "avp"));
        return this;
    }

    public RequestBuilder add(AvpDefinition def, String value) {
        return add(Avps.of(def, value));
    }

    public RequestBuilder add(AvpDefinition def, long value) {
        return add(Avps.of(def, value));
    }

    public RequestBuilder add(AvpDefinition def, byte[] value) {
        return add(Avps.of(def, value));
    }

    /** A Grouped AVP of {@code members}. */
    public RequestBuilder add(AvpDefinition def, Avp... members) {
        return add(Avps.of(def, members));
    }

    public DiameterMessage build() {
        List<Avp> out = new ArrayList<>(avps.size() + 8);
        DiameterApplication app = command.application();
        if (command.requestMentions(BaseDictionary.SESSION_ID)) {
            out.add(Avps.of(BaseDictionary.SESSION_ID, sessionId != null ? sessionId : local.newSessionId()));
        }
        if (!hasAny(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID, BaseDictionary.AUTH_APPLICATION_ID,
                BaseDictionary.ACCT_APPLICATION_ID)) {
            addApplicationId(app, out);
        }
        if (app.authSessionState() >= 0 && command.requestMentions(BaseDictionary.AUTH_SESSION_STATE)
                && !hasAny(BaseDictionary.AUTH_SESSION_STATE)) {
            out.add(Avps.of(BaseDictionary.AUTH_SESSION_STATE, app.authSessionState()));
        }
        if (!hasAny(BaseDictionary.ORIGIN_HOST)) {
            out.add(Avps.of(BaseDictionary.ORIGIN_HOST, local.originHost()));
        }
        if (!hasAny(BaseDictionary.ORIGIN_REALM)) {
            out.add(Avps.of(BaseDictionary.ORIGIN_REALM, local.originRealm()));
        }
        if (destinationHost != null) {
            out.add(Avps.of(BaseDictionary.DESTINATION_HOST, destinationHost));
        }
        if (destinationRealm != null) {
            out.add(Avps.of(BaseDictionary.DESTINATION_REALM, destinationRealm));
        }
        out.addAll(avps);
        requirePresent(out);
        int flags = DiameterMessage.FLAG_REQUEST | (command.proxiable() ? DiameterMessage.FLAG_PROXIABLE : 0);
        return DiameterMessage.of(flags, command.code(), app.id(), hopByHopId,
                endToEndId != null ? endToEndId : local.nextEndToEndId(), out);
    }

    private void addApplicationId(DiameterApplication app, List<Avp> out) {
        if (app.kind() == DiameterApplication.Kind.COMMON) {
            return;
        }
        AvpDefinition idAvp = app.kind() == DiameterApplication.Kind.AUTH
                ? BaseDictionary.AUTH_APPLICATION_ID : BaseDictionary.ACCT_APPLICATION_ID;
        if (app.vendorSpecificIdAvp()) {
            out.add(Avps.of(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID,
                    Avps.of(BaseDictionary.VENDOR_ID, app.vendorId()), Avps.of(idAvp, app.id())));
        } else {
            out.add(Avps.of(idAvp, app.id()));
        }
    }

    private boolean hasAny(AvpDefinition... definitions) {
        for (Avp avp : avps) {
            for (AvpDefinition def : definitions) {
                if (avp.is(def)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void requirePresent(List<Avp> out) {
        List<String> missing = null; // every request passes here: nothing allocated when nothing is missing
        for (AvpRule rule : command.requestRules()) {
            if (rule.isMandatoryPresence() && !contains(out, rule.avp())) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(rule.avp().name());
            }
        }
        if (missing != null) {
            throw new IllegalStateException(command.requestName() + " lacks required AVPs " + missing);
        }
    }

    private static boolean contains(List<Avp> avps, AvpDefinition definition) {
        for (int i = 0; i < avps.size(); i++) {
            if (avps.get(i).is(definition)) {
                return true;
            }
        }
        return false;
    }
}
