package io.osprey.cscf.pcscf;

import io.osprey.sip.auth.AuthHeaderParser;
import io.osprey.sip.auth.AuthHeaderValue;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.secagree.SecurityAgreement;
import io.osprey.sip.secagree.SecurityMechanism;
import io.osprey.sip.secagree.SecurityMechanisms;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Security mechanism agreement between UE and P-CSCF (RFC 3329 §2.3.1 as TS 24.229 §5.2.2.1 and TS 33.203 §7.2 use
 * it). The P-CSCF is the server side:
 * <ul>
 *   <li>Security-Client, Security-Verify are parsed on every REGISTER; a malformed one is answered 400 with a Warning
 *       naming the header field;</li>
 *   <li>off (the default): a request that requires {@code sec-agree} gets 420 with {@code Unsupported: sec-agree},
 *       as RFC 3261 §8.2.2.3 and §16.3 step 5 ask of a server without the extension (494 is the answer of a server
 *       that supports it); otherwise the fields are removed and no Security-Server is ever sent;</li>
 *   <li>on: the REGISTER with a Security-Client is forwarded and the 401 coming back carries the P-CSCF's
 *       Security-Server (TS 24.229 §5.2.2.1: the challenge plays the part of RFC 3329's 494); a later request must
 *       carry a Security-Verify repeating it, else 494 (RFC 3329 §2.3.1: the bidding-down check). A request that
 *       requires {@code sec-agree} without offering a Security-Client, or a Security-Client with nothing in common
 *       with the P-CSCF's list, gets 494 with the Security-Server list at once.</li>
 * </ul>
 * For {@code ipsec-3gpp} the Security-Server carries the SPIs and protected ports the P-CSCF would use and the
 * integrity and encryption algorithms it picked from the UE's offer (TS 33.203 §7.2, Annex H). <b>The IPsec security
 * associations themselves are not set up</b>: the values are negotiated and checked, the traffic is not protected.
 */
final class SecAgreeHandler {

    /** Integrity algorithms of TS 33.203 §6.1.5 this P-CSCF would accept, in order of preference. */
    static final List<String> INTEGRITY = List.of("hmac-sha-1-96", "hmac-md5-96");
    /** Encryption algorithms of TS 33.203 §6.2 this P-CSCF would accept ({@code null}: none). */
    static final List<String> ENCRYPTION = List.of("null", "aes-cbc", "des-ede3-cbc");
    /** SPIs 1-255 are reserved (RFC 4303 §2.1); the P-CSCF allocates from here up. */
    private static final long MIN_SPI = 0x1000;

    /** What a REGISTER brought: the agreement key (private identity) and the lists the P-CSCF must act on. */
    record RegisterSecurity(String key, List<SecurityMechanism> client, List<SecurityMechanism> verified) {
        static final RegisterSecurity NONE = new RegisterSecurity(null, List.of(), null);
    }

    /** The outcome of checking a REGISTER: a refusal to answer with, or what to carry to its responses. */
    record Checked(RoutingDecision refusal, RegisterSecurity security) {
    }

    private final PcscfSettings settings;
    private final SecAgreeSettings secAgree;
    private final SecurityAgreements agreements = new SecurityAgreements();
    private final AtomicLong spis = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 30));

    SecAgreeHandler(PcscfSettings settings) {
        this.settings = settings;
        this.secAgree = settings.secAgree();
    }

    /** The Proxy-Require option tags the P-CSCF's stack must let through. */
    Set<String> proxyRequireTags() {
        return secAgree.enabled() ? Set.of(SecAgreeHeaders.OPTION_TAG) : Set.of();
    }

    Checked checkRegister(SipRequest register, long now) {
        List<SecurityMechanism> client;
        List<SecurityMechanism> verify;
        try {
            client = SecurityMechanisms.from(register, SipHeaderName.SECURITY_CLIENT);
            verify = SecurityMechanisms.from(register, SipHeaderName.SECURITY_VERIFY);
        } catch (SipSyntaxException malformed) {
            return refuse(answer(register, 400, "Bad Request", malformed.getMessage()).build());
        }
        boolean required = SecAgreeHeaders.requiresSecAgree(register);
        if (!secAgree.enabled()) {
            return required ? refuse(unsupported(register)) : new Checked(null, RegisterSecurity.NONE);
        }
        String key = key(register);
        List<SecurityMechanism> verified = null;
        if (!verify.isEmpty()) {
            SecurityAgreements.Agreement agreement = agreements.get(key, now);
            if (agreement == null) {
                return refuse(agreementRequired(register, "no security agreement with " + key + " to verify"));
            }
            verified = agreement.matching(verify);
            if (verified == null) {
                return refuse(agreementRequired(register,
                        "Security-Verify does not repeat the Security-Server this P-CSCF sent"));
            }
            if (verified == agreement.offered() && !client.isEmpty()
                    && !SecurityAgreement.sameMechanisms(client, agreement.client())) {
                // TS 33.203 §7.2: the REGISTER answering the challenge repeats the Security-Client it answers.
                return refuse(agreementRequired(register,
                        "Security-Client differs from the one the Security-Server answered"));
            }
        }
        if (!client.isEmpty()) {
            if (offer(client).stream().noneMatch(m -> SecurityAgreement.offered(client, m))) {
                return refuse(agreementRequired(register, "no security mechanism in common with Security-Client"));
            }
            if (!agreements.hasRoomFor(key)) {
                return refuse(answer(register, 503, "Service Unavailable", "too many security agreements")
                        .add("Retry-After", "30").build());
            }
        } else if (verify.isEmpty() && required) {
            return refuse(agreementRequired(register, "sec-agree is required but there is no Security-Client"));
        }
        return new Checked(null, new RegisterSecurity(key, client, verified));
    }

    /** TS 24.229 §5.2.2.1: the challenge going back to the UE carries the P-CSCF's Security-Server. */
    SipResponse on401(SipResponse challenge, RegisterSecurity security, long now) {
        if (!secAgree.enabled() || security.client().isEmpty()) {
            return challenge;
        }
        List<SecurityMechanism> offered = offer(security.client());
        agreements.offer(security.key(), security.client(), offered, now);
        return challenge.toBuilder().add("Security-Server", SecurityMechanisms.format(offered)).build();
    }

    /** The registration the 200 confirmed ({@code learnt}, null when it ended) fixes or ends the agreement. */
    void on200(RegisterSecurity security, UeRegistration learnt) {
        if (security.key() == null) {
            return;
        }
        if (learnt == null) {
            agreements.remove(security.key());
        } else if (security.verified() != null) {
            agreements.establish(security.key(), security.verified(), learnt.expiresAtMillis());
        }
    }

    /**
     * Checks a request other than REGISTER from a UE (RFC 3329 §2.3.1: every request after the agreement carries a
     * Security-Verify repeating the server's list); null when it may go on. ACK and CANCEL are not checked: neither
     * can be refused on its own.
     *
     * @param secAgreeKey the agreement key of the UE's registration; null when it has none or is not registered
     */
    RoutingDecision checkFromUe(SipRequest request, String secAgreeKey, long now) {
        if ("ACK".equals(request.method()) || "CANCEL".equals(request.method())) {
            return null;
        }
        boolean required = SecAgreeHeaders.requiresSecAgree(request);
        if (!secAgree.enabled()) {
            return required ? new RoutingDecision.Answer(unsupported(request)) : null;
        }
        List<SecurityMechanism> verify;
        try {
            verify = SecurityMechanisms.from(request, SipHeaderName.SECURITY_VERIFY);
        } catch (SipSyntaxException malformed) {
            return new RoutingDecision.Answer(answer(request, 400, "Bad Request", malformed.getMessage()).build());
        }
        SecurityAgreements.Agreement agreement = secAgreeKey == null ? null : agreements.get(secAgreeKey, now);
        if (agreement == null || agreement.current() == null) {
            return required || !verify.isEmpty() ? new RoutingDecision.Answer(agreementRequired(request,
                    "no security agreement with this UE")) : null;
        }
        if (verify.isEmpty()) {
            return new RoutingDecision.Answer(agreementRequired(request, "Security-Verify missing"));
        }
        return agreement.matching(verify) == null ? new RoutingDecision.Answer(agreementRequired(request,
                "Security-Verify does not repeat the Security-Server this P-CSCF sent")) : null;
    }

    void expire(long now) {
        agreements.expire(now);
    }

    int agreementCount() {
        return agreements.size();
    }

    /**
     * The Security-Server list: the configured mechanisms in order with descending {@code q}; {@code ipsec-3gpp}
     * with the first algorithm pair of the UE's offer that this P-CSCF accepts (else its own preferred pair),
     * {@code esp} in transport mode, fresh SPIs and the configured protected ports.
     */
    List<SecurityMechanism> offer(List<SecurityMechanism> client) {
        List<SecurityMechanism> out = new ArrayList<>(secAgree.mechanisms().size());
        int q = 900;
        for (String name : secAgree.mechanisms()) {
            SecurityMechanism mechanism = SecurityMechanism.IPSEC_3GPP.equals(name) ? ipsec(client)
                    : SecurityMechanism.of(name);
            out.add(mechanism.withParam("q", "0." + q / 100));
            q = Math.max(100, q - 100);
        }
        return out;
    }

    private SecurityMechanism ipsec(List<SecurityMechanism> client) {
        String alg = INTEGRITY.get(0);
        String ealg = ENCRYPTION.get(0);
        for (SecurityMechanism offered : client) {
            String e = offered.ealg() == null ? "null" : offered.ealg();
            if (offered.is(SecurityMechanism.IPSEC_3GPP) && offered.alg() != null && INTEGRITY.contains(offered.alg())
                    && ENCRYPTION.contains(e) && (offered.prot() == null || offered.prot().equalsIgnoreCase("esp"))
                    && (offered.mod() == null || offered.mod().equalsIgnoreCase("trans"))) {
                alg = offered.alg();
                ealg = e;
                break;
            }
        }
        return SecurityMechanism.ipsec3gpp(alg, ealg, nextSpi(), nextSpi(), secAgree.protectedClientPort(),
                        secAgree.protectedServerPort())
                .withParam("prot", "esp").withParam("mod", "trans");
    }

    private long nextSpi() {
        return MIN_SPI + Math.floorMod(spis.getAndIncrement(), 0xFFFF_FFFFL - MIN_SPI);
    }

    /** The private identity of the Authorization header (TS 24.229 §5.1.1.2.1), else the public one in To. */
    static String key(SipRequest register) {
        String authorization = register.header("Authorization");
        if (authorization != null) {
            try {
                AuthHeaderValue value = AuthHeaderParser.parseValue(authorization);
                String username = value.value("username");
                if (username != null && !username.isEmpty()) {
                    return username;
                }
            } catch (RuntimeException malformed) {
                // the registrar answers a bad Authorization; the agreement falls back to the public identity
            }
        }
        return register.to() == null ? "" : register.to().uri().toString();
    }

    private static Checked refuse(SipResponse response) {
        return new Checked(new RoutingDecision.Answer(response), null);
    }

    private SipResponse.Builder answer(SipRequest request, int code, String reason, String warning) {
        return PcscfAnswers.response(request, code, reason, settings.host(), warning);
    }

    private SipResponse unsupported(SipRequest request) {
        return answer(request, 420, "Bad Extension", "security agreement (sec-agree) is not configured on this P-CSCF")
                .add("Unsupported", SecAgreeHeaders.OPTION_TAG).build();
    }

    /** RFC 3329 §2.3.1: 494 with the server's list, which is sent whatever the client offered. */
    private SipResponse agreementRequired(SipRequest request, String warning) {
        return answer(request, 494, "Security Agreement Required", warning)
                .add("Security-Server", SecurityMechanisms.format(offer(List.of()))).build();
    }
}
