package io.osprey.sip.secagree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The decisions of RFC 3329 §2.3.1 (client-initiated agreement) as TS 33.203 §7.2 uses them between UE and
 * P-CSCF: which Security-Server mechanism a client uses, and whether the Security-Verify list a client echoes
 * matches what the server sent (the protection against bidding-down).
 *
 * <p>A server mechanism counts as offered by the client when a client mechanism has the same name and, for
 * {@code ipsec-3gpp}, the same {@code alg} and the same {@code ealg}, {@code prot} and {@code mod}, where absent
 * values take the TS 33.203 Annex H defaults ({@code null} encryption, {@code esp}, {@code trans}).
 */
public final class SecurityAgreement {

    private SecurityAgreement() {
    }

    /**
     * The server mechanism the client should use: of the {@code server} mechanisms that {@code client} offered,
     * the one with the highest {@code q} (RFC 3329 §2.3.1 step 4); among equal {@code q}, the first listed.
     * Empty when the client offered none of them.
     */
    public static Optional<SecurityMechanism> select(List<SecurityMechanism> client, List<SecurityMechanism> server) {
        SecurityMechanism best = null;
        for (SecurityMechanism candidate : server) {
            if ((best == null || candidate.preference() > best.preference()) && offered(client, candidate)) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a mechanism of {@code client} matches {@code serverMechanism}. */
    public static boolean offered(List<SecurityMechanism> client, SecurityMechanism serverMechanism) {
        for (SecurityMechanism c : client) {
            if (matches(c, serverMechanism)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the Security-Verify list a client sent equals the Security-Server list the server sent (RFC 3329
     * §2.3.1 step 5); a mismatch means the first exchange was tampered with and the request must be refused.
     * See {@link #sameMechanisms(List, List)}.
     */
    public static boolean verify(List<SecurityMechanism> serverSent, List<SecurityMechanism> verifyReceived) {
        return sameMechanisms(serverSent, verifyReceived);
    }

    /**
     * Whether two lists hold the same mechanisms, in any order: names equal ignoring case, the same parameter
     * names ignoring case, {@code q} equal as a number and other values equal ignoring case and quoting. Also
     * checks that a protected REGISTER repeats the Security-Client of the initial one (TS 33.203 §7.2).
     */
    public static boolean sameMechanisms(List<SecurityMechanism> a, List<SecurityMechanism> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<SecurityMechanism> unmatched = new ArrayList<>(b);
        for (SecurityMechanism m : a) {
            boolean found = false;
            for (int i = 0; i < unmatched.size(); i++) {
                if (same(m, unmatched.get(i))) {
                    unmatched.remove(i);
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(SecurityMechanism x, SecurityMechanism y) {
        if (!x.is(y.name()) || x.params().size() != y.params().size()) {
            return false;
        }
        for (int i = 0; i < x.params().size(); i++) {
            String name = x.params().name(i);
            if (!y.params().has(name)) {
                return false;
            }
            if (name.equalsIgnoreCase("q") ? x.preference() != y.preference()
                    : !equalsIgnoreCase(x.param(name), y.param(name))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(SecurityMechanism client, SecurityMechanism server) {
        if (!client.is(server.name())) {
            return false;
        }
        if (!server.is(SecurityMechanism.IPSEC_3GPP)) {
            return true;
        }
        return equalsIgnoreCase(client.alg(), server.alg())
                && equalsIgnoreCase(orDefault(client.ealg(), "null"), orDefault(server.ealg(), "null"))
                && equalsIgnoreCase(orDefault(client.prot(), "esp"), orDefault(server.prot(), "esp"))
                && equalsIgnoreCase(orDefault(client.mod(), "trans"), orDefault(server.mod(), "trans"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static boolean equalsIgnoreCase(String x, String y) {
        return Objects.equals(x, y) || (x != null && x.equalsIgnoreCase(y));
    }
}
