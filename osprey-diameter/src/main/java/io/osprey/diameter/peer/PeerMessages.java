package io.osprey.diameter.peer;

import static io.osprey.diameter.peer.ConnectionSide.INITIATOR;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.message.DiameterMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps messages arriving on a peer connection to the RFC 6733 §5.6 events, and checks a CEA (Process-CEA, §5.3). */
final class PeerMessages {

    private static final Logger log = LoggerFactory.getLogger(PeerMessages.class);

    private PeerMessages() {
    }

    /** The event {@code message} raises on {@code side} in {@code state}, or null when it is to be ignored. */
    static PeerEvent classify(DiameterMessage message, ConnectionSide side, PeerState state) {
        boolean base = message.applicationId() == 0;
        int code = message.commandCode();
        if (base && code == BaseDictionary.CAPABILITIES_EXCHANGE.code()) {
            // RFC 6733 has no renegotiation: a CER on an established connection is ignored.
            boolean awaited = !message.isRequest() && side == INITIATOR
                    && (state == PeerState.WAIT_I_CEA || state == PeerState.WAIT_RETURNS);
            return awaited ? PeerEvent.RCV_CEA : null;
        }
        if (side == INITIATOR && (state == PeerState.WAIT_I_CEA || state == PeerState.WAIT_RETURNS)) {
            return PeerEvent.RCV_NON_CEA;
        }
        if (base && code == BaseDictionary.DEVICE_WATCHDOG.code()) {
            return message.isRequest() ? PeerEvent.RCV_DWR : PeerEvent.RCV_DWA;
        }
        if (base && code == BaseDictionary.DISCONNECT_PEER.code()) {
            return message.isRequest() ? PeerEvent.RCV_DPR : PeerEvent.RCV_DPA;
        }
        return PeerEvent.RCV_MESSAGE;
    }

    /**
     * Process-CEA: the capabilities of a CEA from {@code expectedHost} with a success Result-Code and an
     * application in common with {@code local}; null when the CEA fails any of these.
     */
    static PeerCapabilities acceptableCea(DiameterMessage cea, String expectedHost, LocalCapabilities local) {
        ResultCode result = cea.result().orElse(null);
        if (result == null || !result.isSuccess()) {
            log.warn("CEA from {} refused the connection with Result-Code {}", expectedHost, result);
            return null;
        }
        PeerCapabilities caps;
        try {
            caps = PeerCapabilities.of(cea);
        } catch (IllegalArgumentException e) {
            log.warn("CEA from {} is incomplete: {}", expectedHost, e.getMessage());
            return null;
        }
        if (!caps.host().equalsIgnoreCase(expectedHost)) {
            log.warn("CEA on the connection to {} comes from {}", expectedHost, caps.host());
            return null;
        }
        if (!local.hasCommonApplication(caps)) {
            log.warn("CEA from {} announces no application in common: {}", expectedHost, caps.applicationIds());
            return null;
        }
        return caps;
    }
}
