package io.osprey.diameter.peer;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.DiameterApplication;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.AnswerBuilder;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.RequestBuilder;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the base protocol messages a peer connection exchanges: CER/CEA (RFC 6733 §5.3), DWR/DWA (§5.5) and
 * DPR/DPA (§5.4), from the node's {@link LocalCapabilities}. Requests leave with Hop-by-Hop Identifier 0; the
 * connection assigns one.
 */
public final class BaseMessages {

    private final LocalCapabilities local;
    private final List<Avp> capabilityAvps;

    public BaseMessages(LocalCapabilities local) {
        this.local = Objects.requireNonNull(local, "local");
        this.capabilityAvps = capabilityAvps(local);
    }

    public LocalCapabilities local() {
        return local;
    }

    /** CER; {@code connectionAddress} is announced when no Host-IP-Address is configured. */
    public DiameterMessage cer(InetAddress connectionAddress) {
        RequestBuilder cer = DiameterMessage.request(BaseDictionary.CAPABILITIES_EXCHANGE, local.identity());
        hostAddresses(connectionAddress).forEach(cer::add);
        capabilityAvps.forEach(cer::add);
        return cer.build();
    }

    /** CEA to {@code cer} with {@code result}; {@code errorMessage} may be null. */
    public DiameterMessage cea(DiameterMessage cer, ResultCode result, InetAddress connectionAddress, String errorMessage) {
        AnswerBuilder cea = DiameterMessage.answerTo(cer, local.identity()).result(result);
        if (errorMessage != null) {
            cea.errorMessage(errorMessage);
        }
        hostAddresses(connectionAddress).forEach(cea::add);
        capabilityAvps.forEach(cea::add);
        return cea.build();
    }

    public DiameterMessage dwr() {
        RequestBuilder dwr = DiameterMessage.request(BaseDictionary.DEVICE_WATCHDOG, local.identity());
        if (local.originStateId() != 0) {
            dwr.add(BaseDictionary.ORIGIN_STATE_ID, local.originStateId());
        }
        return dwr.build();
    }

    public DiameterMessage dwa(DiameterMessage dwr) {
        AnswerBuilder dwa = DiameterMessage.answerTo(dwr, local.identity()).result(ResultCodes.DIAMETER_SUCCESS);
        if (local.originStateId() != 0) {
            dwa.add(BaseDictionary.ORIGIN_STATE_ID, local.originStateId());
        }
        return dwa.build();
    }

    /** DPR with Disconnect-Cause REBOOTING (0), BUSY (1) or DO_NOT_WANT_TO_TALK_TO_YOU (2). */
    public DiameterMessage dpr(int disconnectCause) {
        return DiameterMessage.request(BaseDictionary.DISCONNECT_PEER, local.identity())
                .add(BaseDictionary.DISCONNECT_CAUSE, disconnectCause).build();
    }

    public DiameterMessage dpa(DiameterMessage dpr) {
        return DiameterMessage.answerTo(dpr, local.identity()).result(ResultCodes.DIAMETER_SUCCESS).build();
    }

    private List<Avp> hostAddresses(InetAddress connectionAddress) {
        List<Avp> out = new ArrayList<>(2);
        if (local.hostAddresses().isEmpty()) {
            out.add(Avps.of(BaseDictionary.HOST_IP_ADDRESS, Objects.requireNonNull(connectionAddress,
                    "connectionAddress is needed when no Host-IP-Address is configured")));
        } else {
            for (InetAddress address : local.hostAddresses()) {
                out.add(Avps.of(BaseDictionary.HOST_IP_ADDRESS, address));
            }
        }
        return out;
    }

    private static List<Avp> capabilityAvps(LocalCapabilities local) {
        List<Avp> out = new ArrayList<>();
        out.add(Avps.of(BaseDictionary.VENDOR_ID, local.vendorId()));
        out.add(Avps.of(BaseDictionary.PRODUCT_NAME, local.productName()));
        if (local.originStateId() != 0) {
            out.add(Avps.of(BaseDictionary.ORIGIN_STATE_ID, local.originStateId()));
        }
        Set<Long> vendors = new LinkedHashSet<>(local.supportedVendorIds());
        for (DiameterApplication app : local.applications()) {
            if (app.vendorId() != 0) {
                vendors.add(app.vendorId());
            }
        }
        for (long vendor : vendors) {
            out.add(Avps.of(BaseDictionary.SUPPORTED_VENDOR_ID, vendor));
        }
        for (DiameterApplication app : local.applications()) {
            if (app.kind() == DiameterApplication.Kind.COMMON) {
                continue;
            }
            Avp id = Avps.of(app.kind() == DiameterApplication.Kind.AUTH ? BaseDictionary.AUTH_APPLICATION_ID
                    : BaseDictionary.ACCT_APPLICATION_ID, app.id());
            out.add(app.vendorSpecificIdAvp()
                    ? Avps.of(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID,
                            Avps.of(BaseDictionary.VENDOR_ID, app.vendorId()), id)
                    : id);
        }
        if (local.relay()) {
            out.add(Avps.of(BaseDictionary.AUTH_APPLICATION_ID, PeerCapabilities.RELAY_APPLICATION_ID));
        }
        out.add(Avps.of(BaseDictionary.INBAND_SECURITY_ID, 0));
        if (local.firmwareRevision() >= 0) {
            out.add(Avps.of(BaseDictionary.FIRMWARE_REVISION, local.firmwareRevision()));
        }
        return List.copyOf(out);
    }
}
