package io.osprey.cscf.icscf;

import io.osprey.cscf.cx.ServerCapabilities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * S-CSCF selection by capabilities (TS 29.228 §6.7, TS 24.229 §5.3.1.2): server names the HSS suggests come first;
 * then every configured S-CSCF with all mandatory capabilities, most optional ones first. The order is the order
 * of retries when an S-CSCF does not answer.
 */
public final class ScscfSelection {

    private final List<ScscfCandidate> candidates;

    public ScscfSelection(List<ScscfCandidate> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    public List<String> choose(ServerCapabilities required) {
        List<String> chosen = new ArrayList<>();
        if (required != null) {
            chosen.addAll(required.serverNames());
        }
        List<ScscfCandidate> able = new ArrayList<>();
        for (ScscfCandidate candidate : candidates) {
            if (required == null || candidate.capabilities().containsAll(required.mandatory())) {
                able.add(candidate);
            }
        }
        able.sort(Comparator.comparingLong((ScscfCandidate c) -> required == null ? 0
                : required.optional().stream().filter(c.capabilities()::contains).count()).reversed());
        for (ScscfCandidate candidate : able) {
            if (!chosen.contains(candidate.uri())) {
                chosen.add(candidate.uri());
            }
        }
        return chosen;
    }
}
