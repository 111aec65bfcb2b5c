package io.osprey.cscf.cx;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.Vendors;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.node.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S-CSCF's side of the HSS-initiated requests: reads RTR (TS 29.229 §6.1.9) and PPR (§6.1.11) into records,
 * hands them to the application's handler and answers RTA/PPA with the code it returns. A request lacking a
 * mandatory AVP is answered 5005 DIAMETER_MISSING_AVP without calling the handler; a handler that throws, fails
 * or returns null is answered 5012 DIAMETER_UNABLE_TO_COMPLY.
 */
final class CxNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(CxNotifications.class);

    private CxNotifications() {
    }

    static RegistrationTermination registrationTermination(DiameterMessage rtr) {
        String impi = requiredText(rtr, BaseDictionary.USER_NAME.name(), rtr.avp(BaseDictionary.USER_NAME), "RTR");
        List<String> impus = new ArrayList<>();
        for (Avp impu : rtr.avps(CxDictionary.PUBLIC_IDENTITY)) {
            String value = AvpValues.text(Optional.of(impu));
            if (value != null) {
                impus.add(value);
            }
        }
        Optional<Avp> reason = rtr.avp(CxDictionary.DEREGISTRATION_REASON);
        int reasonCode = AvpValues.integer32(AvpValues.member(reason, CxDictionary.REASON_CODE))
                .orElseThrow(() -> new CxProtocolException(AvpValues.describe(rtr, "RTR")
                        + " lacks Deregistration-Reason with a Reason-Code"));
        return new RegistrationTermination(impi, impus, reasonCode,
                AvpValues.text(AvpValues.member(reason, CxDictionary.REASON_INFO)));
    }

    static PushProfile pushProfile(DiameterMessage ppr) {
        String impi = requiredText(ppr, BaseDictionary.USER_NAME.name(), ppr.avp(BaseDictionary.USER_NAME), "PPR");
        byte[] userData = AvpValues.octets(ppr.avp(CxDictionary.USER_DATA));
        return new PushProfile(impi, userData == null ? null : new String(userData, StandardCharsets.UTF_8));
    }

    /**
     * The result an answer carries for a handler's {@code code}: the Cx error codes 5001–5009 and 5011 of
     * TS 29.229 §6.2.2 go in Experimental-Result (vendor 10415), every other code in Result-Code, so 2001 is
     * DIAMETER_SUCCESS and 5012 DIAMETER_UNABLE_TO_COMPLY.
     */
    static ResultCode resultCode(int code) {
        if ((code >= 5001 && code <= 5009) || code == 5011) {
            return ResultCode.experimental(Vendors.THREE_GPP, code);
        }
        return ResultCode.base(code);
    }

    /** A node handler that reads a request with {@code reader} and answers what {@code handler} decides. */
    static <T> RequestHandler handler(LocalIdentity local, Function<DiameterMessage, T> reader,
                                      Function<T, CompletionStage<Integer>> handler) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(handler, "handler");
        return request -> {
            T notification;
            try {
                notification = reader.apply(request);
            } catch (CxProtocolException e) {
                LOG.info("refusing Cx {}: {}", request.commandCode(), e.getMessage());
                return CompletableFuture.completedFuture(DiameterMessage.answerTo(request, local)
                        .result(ResultCodes.DIAMETER_MISSING_AVP).errorMessage(e.getMessage()).build());
            }
            CompletableFuture<DiameterMessage> answer = new CompletableFuture<>();
            try {
                CompletionStage<Integer> decided = handler.apply(notification);
                if (decided == null) {
                    answer.complete(unableToComply(request, local, null));
                } else {
                    decided.whenComplete((code, failure) -> answer.complete(
                            failure != null || code == null || code < 0 ? unableToComply(request, local, failure)
                                    : DiameterMessage.answerTo(request, local).result(resultCode(code)).build()));
                }
            } catch (RuntimeException e) {
                answer.complete(unableToComply(request, local, e));
            }
            return answer;
        };
    }

    private static DiameterMessage unableToComply(DiameterMessage request, LocalIdentity local, Throwable failure) {
        LOG.warn("handler for Cx {} gave no result code", request.commandCode(), failure);
        return DiameterMessage.answerTo(request, local).result(ResultCodes.DIAMETER_UNABLE_TO_COMPLY).build();
    }

    private static String requiredText(DiameterMessage request, String avpName, Optional<Avp> avp, String command) {
        String value = AvpValues.text(avp);
        if (value == null) {
            throw new CxProtocolException(AvpValues.describe(request, command) + " lacks " + avpName);
        }
        return value;
    }
}
