package io.osprey.hss.model;

import io.osprey.aka.Sqn;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the AuC needs for one private identity (TS 33.102 §6.3.2, TS 29.228 §6.3): the schemes it may
 * use, its AKA keys and digest secret, and the SQN of its next authentication vector. Provisioning list and
 * show paths use {@link PrivateIdentityRecord} instead, which carries no secret; {@link #toString()} redacts.
 *
 * @param impi        the private identity
 * @param authSchemes allowed schemes, at least one; AKA schemes need {@code aka}, digest schemes {@code digest}
 * @param aka         K, OP/OPc and AMF
 * @param digest      password or HA1
 * @param sqn         the SQN for the next vector, 0 to 2^48 − 1
 */
public record ImpiCredentials(
        Impi impi,
        Set<AuthScheme> authSchemes,
        Optional<AkaKeys> aka,
        Optional<DigestSecret> digest,
        long sqn) {

    public ImpiCredentials {
        Checks.notNull("impi", impi);
        authSchemes = Checks.enumSet("authSchemes", AuthScheme.class, authSchemes);
        if (authSchemes.isEmpty()) {
            throw new InvalidValueException("authSchemes", "must name at least one scheme");
        }
        Checks.optional("aka", aka);
        Checks.optional("digest", digest);
        for (AuthScheme scheme : authSchemes) {
            if (scheme.isAka() && aka.isEmpty()) {
                throw new InvalidValueException("k", scheme.token() + " needs K and OP or OPc");
            }
            if (!scheme.isAka() && digest.isEmpty()) {
                throw new InvalidValueException("password", scheme.token() + " needs a password or HA1");
            }
            if (!scheme.isAka() && digest.get() instanceof DigestSecret.Ha1 ha1 && ha1.scheme() != scheme) {
                throw new InvalidValueException("ha1", "HA1 is for " + ha1.scheme().token() + ", not "
                        + scheme.token());
            }
        }
        try {
            Sqn.requireValid("sqn", sqn);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("sqn", e.getMessage());
        }
    }

    /** Whether this identity may use {@code scheme}. */
    public boolean allows(AuthScheme scheme) {
        return authSchemes.contains(scheme);
    }

    /** The same credentials with another next SQN. */
    public ImpiCredentials withSqn(long newSqn) {
        return new ImpiCredentials(impi, authSchemes, aka, digest, newSqn);
    }

    @Override
    public String toString() {
        return "ImpiCredentials[impi=" + impi + ", authSchemes=" + authSchemes + ", aka="
                + aka.map(AkaKeys::toString).orElse("none") + ", digest="
                + digest.map(Object::toString).orElse("none") + ", sqn=" + sqn + "]";
    }
}
