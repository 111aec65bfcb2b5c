package io.osprey.sip.sdp;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A parsed description with the count of each tolerated {@link SdpCompliance} deviation. */
public record SdpParseResult(SessionDescription description, Map<SdpCompliance, Integer> tolerated) {

    public SdpParseResult {
        tolerated = tolerated.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(tolerated));
    }

    /** How often {@code deviation} was tolerated. */
    public int count(SdpCompliance deviation) {
        return tolerated.getOrDefault(deviation, 0);
    }

    /** Whether the input followed RFC 8866 exactly. */
    public boolean isClean() {
        return tolerated.isEmpty();
    }
}
