package io.osprey.cscf.cx;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.message.RequestBuilder;
import io.osprey.diameter.node.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link CxNotifications}: reading RTR and PPR and answering them with the handler's code, in memory. */
class CxNotificationsTest {

    static final LocalIdentity HSS = LocalIdentity.of("hss.test.example", "test.example", Instant.EPOCH);
    static final LocalIdentity SCSCF = LocalIdentity.of("scscf.test.example", "test.example", Instant.EPOCH);

    static DiameterMessage rtr(Avp... reasonMembers) {
        return DiameterMessage.request(CxDictionary.REGISTRATION_TERMINATION, HSS)
                .destinationHost("scscf.test.example").destinationRealm("test.example")
                .add(BaseDictionary.USER_NAME, "u@test.example")
                .add(CxDictionary.PUBLIC_IDENTITY, "sip:u@test.example")
                .add(CxDictionary.PUBLIC_IDENTITY, "tel:+15550100")
                .add(CxDictionary.DEREGISTRATION_REASON, reasonMembers).build();
    }

    static DiameterMessage ppr(String userData) {
        RequestBuilder request = DiameterMessage.request(CxDictionary.PUSH_PROFILE, HSS)
                .destinationHost("scscf.test.example").destinationRealm("test.example")
                .add(BaseDictionary.USER_NAME, "u@test.example");
        if (userData != null) {
            request.add(CxDictionary.USER_DATA, userData.getBytes(StandardCharsets.UTF_8));
        }
        return request.build();
    }

    static DiameterMessage answer(RequestHandler handler, DiameterMessage request) {
        return handler.handle(request).join();
    }

    static RequestHandler pushHandler(Function<PushProfile, CompletionStage<Integer>> handler) {
        return CxNotifications.handler(SCSCF, CxNotifications::pushProfile, handler);
    }

    @Test
    void registrationTerminationIsReadWithAllItsIdentitiesAndReason() {
        assertThat(CxNotifications.registrationTermination(rtr(Avps.of(CxDictionary.REASON_CODE, 3),
                Avps.of(CxDictionary.REASON_INFO, "maintenance"))))
                .isEqualTo(new RegistrationTermination("u@test.example", List.of("sip:u@test.example", "tel:+15550100"),
                        3, "maintenance"));
        assertThat(CxNotifications.registrationTermination(rtr(Avps.of(CxDictionary.REASON_CODE, 0))).reasonInfo())
                .isNull();
    }

    @Test
    void pushProfileIsReadWithOrWithoutUserData() {
        assertThat(CxNotifications.pushProfile(ppr("<IMSSubscription/>")))
                .isEqualTo(new PushProfile("u@test.example", "<IMSSubscription/>"));
        assertThat(CxNotifications.pushProfile(ppr(null))).isEqualTo(new PushProfile("u@test.example", null));
    }

    @Test
    void theHandlersCodeBecomesTheAnswersResult() {
        AtomicReference<PushProfile> seen = new AtomicReference<>();
        DiameterMessage ppa = answer(pushHandler(p -> {
            seen.set(p);
            return CompletableFuture.completedFuture(2001);
        }), ppr("<x/>"));

        assertThat(seen.get().userDataXml()).isEqualTo("<x/>");
        assertThat(ppa.isRequest()).isFalse();
        assertThat(ppa.commandCode()).isEqualTo(CxDictionary.PUSH_PROFILE.code());
        assertThat(ppa.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        assertThat(ppa.avp(BaseDictionary.ORIGIN_HOST).map(Avp::asUtf8)).contains("scscf.test.example");
        assertThat(answer(pushHandler(p -> CompletableFuture.completedFuture(5001)), ppr(null)).result())
                .contains(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
    }

    @Test
    void aHandlerThatFailsThrowsOrGivesNothingIsAnsweredUnableToComply() {
        List<Function<PushProfile, CompletionStage<Integer>>> broken = List.of(
                p -> CompletableFuture.failedFuture(new IllegalStateException("down")),
                p -> {
                    throw new IllegalStateException("bug");
                },
                p -> null,
                p -> CompletableFuture.completedFuture(null),
                p -> CompletableFuture.completedFuture(-1));
        for (Function<PushProfile, CompletionStage<Integer>> handler : broken) {
            assertThat(answer(pushHandler(handler), ppr(null)).result())
                    .contains(ResultCodes.DIAMETER_UNABLE_TO_COMPLY);
        }
    }

    @Test
    void anRtrWithoutReasonCodeIsRefusedWithoutCallingTheHandler() {
        AtomicReference<RegistrationTermination> seen = new AtomicReference<>();
        RequestHandler handler = CxNotifications.handler(SCSCF, CxNotifications::registrationTermination, r -> {
            seen.set(r);
            return CompletableFuture.completedFuture(2001);
        });

        DiameterMessage rta = answer(handler, rtr(Avps.of(CxDictionary.REASON_INFO, "no code")));

        assertThat(rta.result()).contains(ResultCodes.DIAMETER_MISSING_AVP);
        assertThat(rta.avp(BaseDictionary.ERROR_MESSAGE).map(Avp::asUtf8))
                .contains("RTR from hss.test.example lacks Deregistration-Reason with a Reason-Code");
        assertThat(seen.get()).isNull();
    }

    @Test
    void onlyTheCxErrorCodesTravelAsExperimentalResults() {
        for (int code = 5001; code <= 5011; code++) {
            ResultCode result = CxNotifications.resultCode(code);
            assertThat(result.isExperimental()).as("code %d", code).isEqualTo(code != 5010);
            assertThat(result.code()).isEqualTo(code);
        }
        assertThat(CxNotifications.resultCode(2001)).isEqualTo(ResultCodes.DIAMETER_SUCCESS);
        assertThat(CxNotifications.resultCode(5012)).isEqualTo(ResultCodes.DIAMETER_UNABLE_TO_COMPLY);
        assertThat(CxNotifications.resultCode(3004)).isEqualTo(ResultCodes.DIAMETER_TOO_BUSY);
    }
}
