package io.osprey.hss.provisioning;

import io.osprey.aka.Sqn;
import io.osprey.hss.model.AkaKeys;
import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.InvalidValueException;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.ServiceProfileRecord;
import io.osprey.hss.model.SubscriptionRecord;
import io.osprey.hss.store.NewSubscription;
import io.osprey.hss.store.ProfileRepository;
import io.osprey.hss.store.StoreException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a {@link NewSubscriber} into a {@link NewSubscription}: parses and checks every field (naming the bad
 * one), derives the allowed schemes, and finds or creates the service profile. Remembers the profiles it has
 * seen, so use one instance per request or import.
 */
final class SubscriberFactory {

    /** The profile of subscribers that name neither a profile nor templates; created empty when missing. */
    static final String DEFAULT_PROFILE = "default";

    private final ProfileRepository profiles;
    private final Set<String> knownProfiles = new HashSet<>();

    SubscriberFactory(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    NewSubscription build(NewSubscriber request) {
        Impi impi = parse("impi", () -> new Impi(required("impi", request.impi())));
        Impu impu = parse("impu", () -> new Impu(required("impu", request.impu())));
        if (impu.isTel()) {
            throw ProvisioningException.invalid("impu", "the default public identity must be a sip: URI, was " + impu);
        }
        Optional<Impu> tel = Optional.ofNullable(request.tel()).map(text -> parse("tel", () -> new Impu(text)));
        if (tel.isPresent() && !tel.get().isTel()) {
            throw ProvisioningException.invalid("tel", "must be a tel: URI, was " + tel.get());
        }
        String subscriptionId = request.subscriptionId() == null ? impi.value() : request.subscriptionId();
        parse("subscriptionId", () -> SubscriptionRecord.of(subscriptionId));
        ImpiCredentials credentials = credentials(impi, new NewPrivateIdentity(request.impi(), request.k(),
                request.op(), request.opc(), request.amf(), request.sqn(), request.password()));
        String profile = profileFor(request.profile(), request.ifcTemplates());
        List<PublicIdentityRecord> identities = new ArrayList<>();
        identities.add(PublicIdentityRecord.of(impu, subscriptionId, profile, Set.of(impi)));
        tel.ifPresent(number -> identities.add(PublicIdentityRecord.of(number, subscriptionId, profile, Set.of(impi))));
        return new NewSubscription(SubscriptionRecord.of(subscriptionId), List.of(credentials), identities);
    }

    /**
     * The profile to use: {@code profile} if it exists, else the shared profile named after {@code templates}
     * (created on first use), else {@link #DEFAULT_PROFILE}.
     */
    String profileFor(String profile, List<String> templates) {
        if (profile != null && templates != null && !templates.isEmpty()) {
            throw ProvisioningException.invalid("profile", "give a profile or ifcTemplates, not both");
        }
        if (profile != null) {
            if (!knownProfiles.contains(profile)) {
                parse("profile", () -> ServiceProfileRecord.empty(profile));
                if (profiles.serviceProfile(profile).isEmpty()) {
                    throw ProvisioningException.invalid("profile", "service profile " + profile + " does not exist");
                }
                knownProfiles.add(profile);
            }
            return profile;
        }
        boolean byTemplates = templates != null && !templates.isEmpty();
        String name = byTemplates ? String.join("+", templates) : DEFAULT_PROFILE;
        if (!knownProfiles.contains(name)) {
            ServiceProfileRecord record = parse("ifcTemplates", () -> byTemplates
                    ? ServiceProfileRecord.ofTemplates(name, templates) : ServiceProfileRecord.empty(name));
            if (profiles.serviceProfile(name).isEmpty()) {
                try {
                    profiles.saveServiceProfile(record);
                } catch (StoreException e) {
                    throw ProvisioningException.invalid("ifcTemplates", e.getMessage(), e);
                }
            }
            knownProfiles.add(name);
        }
        return name;
    }

    /** The credentials of a new private identity: AKA keys and/or a password, checked field by field. */
    static ImpiCredentials credentials(Impi impi, NewPrivateIdentity request) {
        boolean akaGiven = request.k() != null || request.op() != null || request.opc() != null || request.amf() != null;
        Optional<AkaKeys> aka = Optional.empty();
        if (akaGiven) {
            if (request.k() == null) {
                throw ProvisioningException.invalid("k", "is required with op, opc or amf");
            }
            aka = Optional.of(parse(null, () -> AkaKeys.fromHex(request.k(), request.op(), request.opc(), request.amf())));
        }
        Optional<DigestSecret> digest = Optional.ofNullable(request.password())
                .map(password -> parse("password", () -> new DigestSecret.Password(password)));
        if (aka.isEmpty() && digest.isEmpty()) {
            throw ProvisioningException.invalid("k", "give AKA keys (k with op or opc) or a password");
        }
        long sqn = request.sqn() == null ? 0 : request.sqn();
        if (sqn < 0 || sqn > Sqn.MAX) {
            throw ProvisioningException.invalid("sqn", "must be 0 to " + Sqn.MAX + ", was " + sqn);
        }
        Optional<AkaKeys> keys = aka;
        return parse(null, () -> new ImpiCredentials(impi, schemesFor(keys, digest), keys, digest, sqn));
    }

    static Set<AuthScheme> schemesFor(Optional<AkaKeys> aka, Optional<DigestSecret> digest) {
        Set<AuthScheme> schemes = EnumSet.noneOf(AuthScheme.class);
        aka.ifPresent(keys -> schemes.addAll(List.of(AuthScheme.AKA_V1_MD5, AuthScheme.AKA_V2_MD5)));
        digest.ifPresent(secret -> schemes.addAll(secret instanceof DigestSecret.Ha1 ha1 ? List.of(ha1.scheme())
                : List.of(AuthScheme.DIGEST_MD5, AuthScheme.DIGEST_SHA256)));
        return schemes;
    }

    static String required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw ProvisioningException.invalid(field, "is required");
        }
        return value;
    }

    /**
     * Runs a model constructor, reporting a refusal as INVALID for {@code field}, or for the model's own field
     * name when {@code field} is null.
     */
    static <T> T parse(String field, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            throw ProvisioningException.invalid(field == null ? e.field() : field, e.reason(), e);
        }
    }
}
