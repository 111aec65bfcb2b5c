package io.osprey.hss.store;

import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.PrivateIdentityRecord;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Private and public identities, their associations and registration state (TS 23.228 §4.3.3, TS 29.228
 * §6.1). Every IMPU argument passes through the store's {@link IdentityNormalizer} first.
 */
public interface IdentityRepository {

    /** Adds a private identity to an existing subscription. */
    void createPrivateIdentity(String subscriptionId, ImpiCredentials credentials);

    /** The private identity without its secrets. */
    Optional<PrivateIdentityRecord> privateIdentity(Impi impi);

    List<PrivateIdentityRecord> privateIdentities(String subscriptionId);

    Page<PrivateIdentityRecord> privateIdentities(PageRequest page);

    /** The private identities of several subscriptions at once, by IMPI. */
    List<PrivateIdentityRecord> privateIdentitiesOfSubscriptions(Collection<String> subscriptionIds);

    /** Deletes a private identity and its links; false if it did not exist. */
    boolean deletePrivateIdentity(Impi impi);

    /**
     * Adds a public identity to an existing subscription, linked to {@link PublicIdentityRecord#privateIdentities()},
     * which must belong to the same subscription.
     */
    void createPublicIdentity(PublicIdentityRecord identity);

    /** The public identity stored under exactly this (normalised) URI. */
    Optional<PublicIdentityRecord> publicIdentity(Impu impu);

    /** Like {@link #publicIdentity} but falls back to the wildcarded PSIs that match (TS 23.003 §13.5). */
    Optional<PublicIdentityRecord> findPublicIdentity(Impu impu);

    List<PublicIdentityRecord> publicIdentities(String subscriptionId);

    Page<PublicIdentityRecord> publicIdentities(PageRequest page);

    /** The public identities of several subscriptions at once, by implicit set and URI. */
    List<PublicIdentityRecord> publicIdentitiesOfSubscriptions(Collection<String> subscriptionIds);

    /** The public identities {@code impi} may use. */
    List<PublicIdentityRecord> publicIdentitiesOf(Impi impi);

    /**
     * Replaces profile, type, barring, implicit set, alias group, display name and links of an existing
     * public identity; leaves its registration state alone.
     */
    void updatePublicIdentity(PublicIdentityRecord identity);

    /** Deletes a public identity and its links; false if it did not exist. */
    boolean deletePublicIdentity(Impu impu);

    /**
     * Whether {@code impi} may use {@code impu} (directly or through a matching wildcarded PSI). False is the
     * Cx DIAMETER_ERROR_IDENTITIES_DONT_MATCH case.
     */
    boolean isAssociated(Impi impi, Impu impu);

    /** The implicit registration set of {@code impu} (TS 23.228 §5.2.1a), {@code impu} included; empty if unknown. */
    List<PublicIdentityRecord> implicitSet(Impu impu);

    /** Registration state and S-CSCF of one public identity. */
    Optional<ImpuRegistration> registration(Impu impu);

    /** Registration state and S-CSCF of every identity in the implicit set of a stored identity, by URI. */
    List<ImpuRegistration> implicitSetRegistrations(PublicIdentityRecord identity);

    /** Sets the state of one public identity; {@link StoreException.Reason#NOT_FOUND} if unknown. */
    void updateRegistration(ImpuRegistration registration);

    /**
     * Sets the state of every identity in the implicit set of {@code impu} at once, as a Cx SAR does
     * (TS 29.228 §6.1.2), ends any pending authentication, and returns the new states.
     */
    List<ImpuRegistration> updateImplicitSetRegistration(Impu impu, RegistrationState state,
                                                         Optional<String> scscfName);

    /**
     * As {@link #updateImplicitSetRegistration} but returns only the identities whose state or S-CSCF name
     * changed, with their new values (for Sh notifications, TS 29.328 §6.1.4); writes nothing when the set is
     * already so and no authentication is pending.
     */
    List<ImpuRegistration> changeImplicitSetRegistration(Impu impu, RegistrationState state,
                                                         Optional<String> scscfName);

    /** As {@link #changeImplicitSetRegistration(Impu, RegistrationState, Optional)} for a stored identity. */
    List<ImpuRegistration> changeImplicitSetRegistration(PublicIdentityRecord identity, RegistrationState state,
                                                         Optional<String> scscfName);

    /**
     * A MAR from {@code scscfName} (TS 29.228 §6.3.1): flags an authentication pending there for the implicit set
     * of {@code identity}, and stores the name as the S-CSCF of the identities that are NOT_REGISTERED (so a
     * UAR during the authentication names it). With {@code takeOver} (a MAR that is not a resynchronisation,
     * TS 29.228 §8.1: "the HSS shall overwrite the S-CSCF name") a REGISTERED or UNREGISTERED identity takes the
     * new name too; without, it keeps its S-CSCF. Identities {@code scscfName} already serves get no flag, and lose
     * another S-CSCF's: their SAR from {@code scscfName} needs none.
     */
    void recordAuthenticationPending(PublicIdentityRecord identity, String scscfName, boolean takeOver);

    /**
     * Ends the pending authentication of the implicit set of {@code identity} (SAR AUTHENTICATION_FAILURE or
     * AUTHENTICATION_TIMEOUT, TS 29.228 §6.1.2.1): NOT_REGISTERED identities lose the S-CSCF name the MAR stored.
     */
    void endAuthentication(PublicIdentityRecord identity);

    /**
     * Remembers that the S-CSCF named {@code serverName} (its SIP URI, Server-Name of Cx) sends its SARs from the
     * Diameter node {@code originHost}: an RTR or PPR for the users it serves goes there (TS 29.228 Tables 6.1.3.1
     * and 6.1.4.1 take their Destination-Host from the S-CSCF's SAR). Writes only when the name was not known to
     * be so in this process already, so a SAR costs no store round trip for it after the first.
     */
    void recordScscfOrigin(String serverName, String originHost);

    /** The Diameter node the S-CSCF {@code serverName} sent its last SAR from, if one was recorded. */
    Optional<String> scscfOrigin(String serverName);

    /**
     * The public identities with service profile {@code profileName} that an S-CSCF holds (REGISTERED or
     * UNREGISTERED), whose profile it must be pushed when the service profile changes (TS 29.228 §6.1.4).
     */
    List<Impu> assignedIdentitiesWithProfile(String profileName);

    /** As {@link #assignedIdentitiesWithProfile}, for every service profile that uses iFC template {@code name}. */
    List<Impu> assignedIdentitiesWithIfcTemplate(String templateName);
}
