package io.osprey.diameter.message;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.ResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the answer to a request (RFC 6733 §6.2): same command code, Application-ID, Hop-by-Hop and
 * End-to-End identifiers and P flag; Session-Id copied first; Origin-Host/Realm from the local identity;
 * every Proxy-Info of the request copied in order. A base result goes in Result-Code, a vendor result in
 * Experimental-Result {Vendor-Id, Experimental-Result-Code}. A 3xxx protocol error sets the 'E' bit and uses
 * the generic answer-message format of RFC 6733 §7.2, so the application id AVPs are not copied then.
 */
public final class AnswerBuilder {

    private final DiameterMessage request;
    private final LocalIdentity local;
    private final List<Avp> avps = new ArrayList<>();
    private final List<Avp> failedAvps = new ArrayList<>();
    private ResultCode result;
    private String errorMessage;

    AnswerBuilder(DiameterMessage request, LocalIdentity local) {
        if (!request.isRequest()) {
            throw new IllegalArgumentException("cannot answer an answer: " + request);
        }
        this.request = request;
        this.local = Objects.requireNonNull(local, "local");
    }

    public AnswerBuilder result(ResultCode code) {
        this.result = Objects.requireNonNull(code, "code");
        return this;
    }

    /** Error-Message (RFC 6733 §7.3): human-readable text, sent without the M bit. */
    public AnswerBuilder errorMessage(String text) {
        this.errorMessage = Objects.requireNonNull(text, "text");
        return this;
    }

    /** Adds an offending AVP to the answer's Failed-AVP (RFC 6733 §7.5). */
    public AnswerBuilder failedAvp(Avp offending) {
        failedAvps.add(Objects.requireNonNull(offending, "offending"));
        return this;
    }

    public AnswerBuilder add(Avp avp) {
        avps.add(Objects.requireNonNull(avp, "avp"));
        return this;
    }

    public AnswerBuilder add(AvpDefinition def, String value) {
        return add(Avps.of(def, value));
    }

    public AnswerBuilder add(AvpDefinition def, long value) {
        return add(Avps.of(def, value));
    }

    public AnswerBuilder add(AvpDefinition def, byte[] value) {
        return add(Avps.of(def, value));
    }

    /** A Grouped AVP of {@code members}. */
    public AnswerBuilder add(AvpDefinition def, Avp... members) {
        return add(Avps.of(def, members));
    }

    public DiameterMessage build() {
        if (result == null) {
            throw new IllegalStateException("answer to " + request.commandCode() + " needs a result code");
        }
        boolean protocolError = result.isProtocolError();
        List<Avp> out = new ArrayList<>(avps.size() + 8);
        request.avp(BaseDictionary.SESSION_ID).ifPresent(out::add);
        // Application answers repeat the application id and session state; CEA/DWA/DPA advertise their own.
        if (!protocolError && request.applicationId() != 0) {
            request.avp(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID).ifPresent(out::add);
            request.avp(BaseDictionary.AUTH_APPLICATION_ID).ifPresent(out::add);
            request.avp(BaseDictionary.ACCT_APPLICATION_ID).ifPresent(out::add);
            request.avp(BaseDictionary.AUTH_SESSION_STATE).ifPresent(out::add);
        }
        if (result.isExperimental()) {
            out.add(Avps.of(BaseDictionary.EXPERIMENTAL_RESULT, Avps.of(BaseDictionary.VENDOR_ID, result.vendorId()),
                    Avps.of(BaseDictionary.EXPERIMENTAL_RESULT_CODE, result.code() & 0xFFFF_FFFFL)));
        } else {
            out.add(Avps.of(BaseDictionary.RESULT_CODE, result.code() & 0xFFFF_FFFFL));
        }
        out.add(Avps.of(BaseDictionary.ORIGIN_HOST, local.originHost()));
        out.add(Avps.of(BaseDictionary.ORIGIN_REALM, local.originRealm()));
        if (errorMessage != null) {
            out.add(Avps.of(BaseDictionary.ERROR_MESSAGE, errorMessage));
        }
        if (!failedAvps.isEmpty()) {
            out.add(Avps.of(BaseDictionary.FAILED_AVP, failedAvps));
        }
        out.addAll(avps);
        out.addAll(request.avps(BaseDictionary.PROXY_INFO));
        int flags = (request.flags() & DiameterMessage.FLAG_PROXIABLE) | (protocolError ? DiameterMessage.FLAG_ERROR : 0);
        return DiameterMessage.of(flags, request.commandCode(), request.applicationId(), request.hopByHopId(),
                request.endToEndId(), out);
    }
}
