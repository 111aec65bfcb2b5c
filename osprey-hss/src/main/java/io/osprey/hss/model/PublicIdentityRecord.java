package io.osprey.hss.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A public identity as provisioned (TS 23.228 §4.3.3.2–4.3.3.4, TS 29.228 §6.6): its service profile, type,
 * barring, implicit registration set, alias group and the private identities that may use it.
 *
 * @param impu              the IMPU or PSI; for {@link IdentityType#WILDCARDED_PSI} the wildcard itself
 * @param subscriptionId    the subscription it belongs to
 * @param serviceProfile    name of its service profile
 * @param identityType      public user identity or PSI kind
 * @param barred            barring indication
 * @param implicitSet       implicit registration set number within the subscription; identities sharing it
 *                          register and deregister together (TS 23.228 §5.2.1a)
 * @param aliasGroup        alias group id
 * @param displayName       display name
 * @param privateIdentities the IMPIs that may register or use this identity
 */
public record PublicIdentityRecord(
        Impu impu,
        String subscriptionId,
        String serviceProfile,
        IdentityType identityType,
        boolean barred,
        int implicitSet,
        Optional<String> aliasGroup,
        Optional<String> displayName,
        Set<Impi> privateIdentities) {

    /** Most private identities that may share one public identity. */
    public static final int MAX_PRIVATE_IDENTITIES = 64;

    public PublicIdentityRecord {
        Checks.notNull("impu", impu);
        Checks.token("subscriptionId", subscriptionId, SubscriptionRecord.MAX_ID_LENGTH);
        Checks.name("serviceProfile", serviceProfile, ServiceProfileRecord.MAX_NAME_LENGTH);
        Checks.notNull("identityType", identityType);
        if ((identityType == IdentityType.WILDCARDED_PSI) != WildcardPsi.isWildcard(impu.uri())) {
            throw new InvalidValueException("identityType", identityType == IdentityType.WILDCARDED_PSI
                    ? "a wildcarded PSI needs a !regex! section in the URI: \"" + impu + "\""
                    : "a URI with a !regex! section must have identity type WILDCARDED_PSI: \"" + impu + "\"");
        }
        if (identityType == IdentityType.WILDCARDED_PSI) {
            WildcardPsi.parse(impu);
        }
        Checks.nonNegative("implicitSet", implicitSet);
        Checks.optional("aliasGroup", aliasGroup)
                .ifPresent(a -> Checks.name("aliasGroup", a, PublicIdentity.MAX_TEXT_LENGTH));
        Checks.optional("displayName", displayName)
                .ifPresent(d -> Checks.text("displayName", d, PublicIdentity.MAX_TEXT_LENGTH));
        privateIdentities = sorted(privateIdentities);
    }

    /** An unbarred public user identity in implicit set 0, usable by the given IMPIs. */
    public static PublicIdentityRecord of(Impu impu, String subscriptionId, String serviceProfile,
                                          Collection<Impi> privateIdentities) {
        return new PublicIdentityRecord(impu, subscriptionId, serviceProfile, IdentityType.PUBLIC_USER_IDENTITY,
                false, 0, Optional.empty(), Optional.empty(), Set.copyOf(privateIdentities));
    }

    /** The same record with another IMPU text (after normalisation). */
    public PublicIdentityRecord withImpu(Impu newImpu) {
        return new PublicIdentityRecord(newImpu, subscriptionId, serviceProfile, identityType, barred, implicitSet,
                aliasGroup, displayName, privateIdentities);
    }

    /** The identity as the user profile document carries it. */
    public PublicIdentity toDocumentIdentity() {
        return new PublicIdentity(impu, barred, identityType,
                identityType == IdentityType.WILDCARDED_PSI ? Optional.of(impu.uri()) : Optional.empty(),
                displayName, aliasGroup);
    }

    private static Set<Impi> sorted(Set<Impi> values) {
        Checks.list("privateIdentities", values, 0, MAX_PRIVATE_IDENTITIES);
        return Collections.unmodifiableSet(new TreeSet<>(values));
    }
}
