package io.osprey.cscf.ifc;

import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ProfilePartIndicator;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import io.osprey.sip.message.SipRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates initial filter criteria against a request (TS 29.228 Annex B and C, TS 24.229 §5.4.3.2/§5.4.3.3).
 * A trigger point in conjunctive normal form is an AND of groups each an OR of its SPTs; in disjunctive normal form
 * an OR of groups each an AND. RequestURI, header content and SDP line SPTs are regular expressions (Annex B); each
 * pattern is compiled once and cached, bounded, so the request path does not compile. A pattern that does not
 * compile never matches.
 */
public final class FilterCriteriaMatcher {

    private static final int MAX_CACHED_PATTERNS = 4096;
    private static final Pattern NEVER = Pattern.compile("(?!)");
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /** The first iFC at index {@code from} or later (by priority) that matches; -1 when none does. */
    public int firstMatch(List<InitialFilterCriteria> criteria, int from, SipRequest request, SessionCase sessionCase,
                          boolean registered) {
        for (int i = Math.max(0, from); i < criteria.size(); i++) {
            if (matches(criteria.get(i), request, sessionCase, registered)) {
                return i;
            }
        }
        return -1;
    }

    public boolean matches(InitialFilterCriteria ifc, SipRequest request, SessionCase sessionCase,
                           boolean registered) {
        if (ifc.profilePartIndicator().isPresent()) {
            ProfilePartIndicator part = ifc.profilePartIndicator().get();
            if ((part == ProfilePartIndicator.REGISTERED) != registered) {
                return false;
            }
        }
        return ifc.triggerPoint().map(tp -> matches(tp, request, sessionCase)).orElse(true);
    }

    boolean matches(TriggerPoint triggerPoint, SipRequest request, SessionCase sessionCase) {
        Map<Integer, List<Boolean>> groups = new TreeMap<>();
        for (ServicePointTrigger spt : triggerPoint.triggers()) {
            boolean result = matches(spt.condition(), request, sessionCase) != spt.negated();
            for (int group : spt.groups()) {
                groups.computeIfAbsent(group, g -> new ArrayList<>(2)).add(result);
            }
        }
        if (groups.isEmpty()) {
            return true;
        }
        if (triggerPoint.conjunctive()) { // CNF: every group has a true SPT
            return groups.values().stream().allMatch(g -> g.contains(Boolean.TRUE));
        }
        return groups.values().stream().anyMatch(g -> !g.contains(Boolean.FALSE)); // DNF
    }

    private boolean matches(SptCondition condition, SipRequest request, SessionCase sessionCase) {
        return switch (condition) {
            case SptCondition.Method method -> method.name().equalsIgnoreCase(request.method());
            case SptCondition.RequestUri uri -> find(uri.pattern(), request.requestUri().toString());
            case SptCondition.InSessionCase inCase -> inCase.sessionCase() == sessionCase;
            case SptCondition.SipHeader header -> headerMatches(header, request);
            case SptCondition.SessionDescription sdp -> sdpMatches(sdp, request);
        };
    }

    private boolean headerMatches(SptCondition.SipHeader spt, SipRequest request) {
        List<String> values = request.headers(spt.header());
        if (spt.content().isEmpty()) {
            return !values.isEmpty();
        }
        for (String value : values) {
            if (find(spt.content().get(), value)) {
                return true;
            }
        }
        return false;
    }

    private boolean sdpMatches(SptCondition.SessionDescription spt, SipRequest request) {
        String type = request.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/sdp")) {
            return false;
        }
        String body = new String(request.bodyBytes(), StandardCharsets.UTF_8);
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq != 1 || !line.substring(0, 1).equalsIgnoreCase(spt.line())) {
                continue;
            }
            if (spt.content().isEmpty() || find(spt.content().get(), line.substring(2))) {
                return true;
            }
        }
        return false;
    }

    private boolean find(String regex, String text) {
        Pattern pattern = patterns.get(regex);
        if (pattern == null) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                pattern = NEVER;
            }
            if (patterns.size() < MAX_CACHED_PATTERNS) {
                patterns.put(regex, pattern);
            }
        }
        return pattern.matcher(text).find();
    }
}
