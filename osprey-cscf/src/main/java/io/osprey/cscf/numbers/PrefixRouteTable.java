package io.osprey.cscf.numbers;

import io.osprey.cscf.numbers.NormalizedNumber.Global;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Routes E.164 numbers by longest prefix match, as a breakout or interconnect table does: each prefix of up to 15
 * digits maps to a route value, typically the SIP URI of a gateway or trunk such as
 * {@code sip:trunk.example.net:5080;transport=tcp}. The empty prefix ({@code ""} or {@code "+"}) is the default
 * route. Immutable and thread-safe; a look-up walks a digit trie, one step per digit, without allocating.
 */
public final class PrefixRouteTable {

    private static final int[] NO_CHILDREN = new int[0];

    /** {@code children[node * 10 + digit]} is the child node index, 0 for none (node 0 is the root). */
    private final int[] children;
    /** The route of each node, null where no prefix ends. */
    private final String[] routes;
    private final Map<String, String> entries;

    private PrefixRouteTable(int[] children, String[] routes, Map<String, String> entries) {
        this.children = children;
        this.routes = routes;
        this.entries = entries;
    }

    /**
     * A table of {@code prefix → route}. A prefix is {@code +} (optional) and 0 to 15 digits; {@code +44} and
     * {@code 44} are the same prefix.
     *
     * @throws IllegalArgumentException for a malformed prefix, an empty route, or two keys for one prefix
     */
    public static PrefixRouteTable of(Map<String, String> prefixToRoute) {
        Map<String, String> normalized = new TreeMap<>();
        int nodes = 1;
        for (Map.Entry<String, String> e : prefixToRoute.entrySet()) {
            String prefix = digits(Objects.requireNonNull(e.getKey(), "prefix"));
            String route = Objects.requireNonNull(e.getValue(), "route of prefix " + e.getKey());
            if (route.isBlank()) {
                throw new IllegalArgumentException("route of prefix '" + e.getKey() + "' is empty");
            }
            if (normalized.put(prefix, route) != null) {
                throw new IllegalArgumentException("prefix +" + prefix + " appears twice");
            }
            nodes += prefix.length();
        }
        int[] children = nodes == 1 ? NO_CHILDREN : new int[nodes * 10];
        String[] routes = new String[nodes];
        int used = 1;
        for (Map.Entry<String, String> e : normalized.entrySet()) {
            int node = 0;
            String prefix = e.getKey();
            for (int i = 0; i < prefix.length(); i++) {
                int slot = node * 10 + (prefix.charAt(i) - '0');
                if (children[slot] == 0) {
                    children[slot] = used++;
                }
                node = children[slot];
            }
            routes[node] = e.getValue();
        }
        Map<String, String> view = new TreeMap<>();
        normalized.forEach((prefix, route) -> view.put("+" + prefix, route));
        return new PrefixRouteTable(children.length == 0 ? children : Arrays.copyOf(children, used * 10),
                Arrays.copyOf(routes, used), Collections.unmodifiableMap(view));
    }

    /**
     * The route of the longest prefix of {@code number} ({@code +} optional, then digits); empty when no prefix
     * matches or {@code number} is not all digits.
     */
    public Optional<String> route(String number) {
        int start = number.startsWith("+") ? 1 : 0;
        if (!NumberNormalizer.allDecimal(number, start)) {
            return Optional.empty();
        }
        String best = routes[0];
        int node = 0;
        for (int i = start; i < number.length() && children.length > 0; i++) {
            node = children[node * 10 + number.charAt(i) - '0'];
            if (node == 0) {
                break;
            }
            if (routes[node] != null) {
                best = routes[node];
            }
        }
        return Optional.ofNullable(best);
    }

    /** The route of a normalised global number. */
    public Optional<String> route(Global number) {
        return route(number.e164());
    }

    /** The prefixes ({@code +} and digits, in order) and their routes. */
    public Map<String, String> entries() {
        return entries;
    }

    /** How many prefixes the table holds. */
    public int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "PrefixRouteTable" + entries;
    }

    private static String digits(String prefix) {
        int start = prefix.startsWith("+") ? 1 : 0;
        if (prefix.length() - start > Global.MAX_DIGITS || !NumberNormalizer.allDecimal(prefix, start)) {
            throw new IllegalArgumentException("prefix must be '+' and 0 to " + Global.MAX_DIGITS
                    + " digits, was '" + prefix + "'");
        }
        return prefix.substring(start);
    }
}
