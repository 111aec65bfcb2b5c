package io.osprey.hss.model;

import java.util.Optional;

/**
 * A public identity as the user profile document carries it, tPublicIdentity of TS 29.228 Annex E: the
 * identity, its barring indication and the extension fields.
 *
 * @param identity      the IMPU or PSI (Identity)
 * @param barred        BarringIndication: barred identities are not usable for sessions (TS 23.228 §4.3.3.2)
 * @param identityType  IdentityType
 * @param wildcardedPsi WildcardedPSI: the wildcard the identity falls under, for {@link
 *                      IdentityType#WILDCARDED_PSI}
 * @param displayName   Rel-8+ DisplayName
 * @param aliasGroupId  Rel-8+ AliasIdentityGroupID: identities sharing it are aliases (TS 23.228 §4.3.3.3)
 */
public record PublicIdentity(
        Impu identity,
        boolean barred,
        IdentityType identityType,
        Optional<String> wildcardedPsi,
        Optional<String> displayName,
        Optional<String> aliasGroupId) {

    /** Longest display name or alias group id accepted. */
    public static final int MAX_TEXT_LENGTH = 255;

    public PublicIdentity {
        Checks.notNull("publicIdentity.identity", identity);
        Checks.notNull("publicIdentity.identityType", identityType);
        Checks.optional("publicIdentity.wildcardedPsi", wildcardedPsi)
                .ifPresent(w -> Checks.token("publicIdentity.wildcardedPsi", w, Impu.MAX_LENGTH));
        Checks.optional("publicIdentity.displayName", displayName)
                .ifPresent(d -> Checks.anyText("publicIdentity.displayName", d, MAX_TEXT_LENGTH));
        Checks.optional("publicIdentity.aliasGroupId", aliasGroupId)
                .ifPresent(a -> Checks.anyText("publicIdentity.aliasGroupId", a, MAX_TEXT_LENGTH));
    }

    /** A plain, unbarred public user identity. */
    public static PublicIdentity of(Impu identity) {
        return new PublicIdentity(identity, false, IdentityType.PUBLIC_USER_IDENTITY,
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
