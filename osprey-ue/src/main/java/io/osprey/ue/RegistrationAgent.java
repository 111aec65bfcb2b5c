package io.osprey.ue;

import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The UE's registration (TS 24.229 §5.1.1.2, RFC 3261 §10.2): REGISTER to {@code sip:<realm>} through the P-CSCF
 * with the initial Authorization of §5.1.1.2.1, Contact with {@code expires} and {@code +sip.instance},
 * {@code Supported: path}; each 401 is answered by the {@link ChallengeResponder} with CSeq + 1 and the same
 * Call-ID (§5.1.1.5.1), up to {@value #MAX_CHALLENGES} times; a 423 is retried once with Min-Expires (§10.2.8).
 * The 200's Service-Route becomes the preloaded Route of later requests (RFC 3608 §6). Lane-confined.
 */
final class RegistrationAgent {

    /** Challenges answered in one exchange: the AKA challenge, one after a resynchronisation, and one spare. */
    static final int MAX_CHALLENGES = 3;

    private final UeCore core;
    private final ChallengeResponder responder;
    private final String callId;
    private final String fromTag = LocalEndpoint.newTag();
    private final String digestUri;
    private long cseq;
    private volatile Registration last;

    RegistrationAgent(UeCore core) {
        this.core = core;
        this.responder = new ChallengeResponder(core.config.impi(), core.config.credentials());
        this.callId = core.local.newCallId();
        this.digestUri = "sip:" + core.config.realm();
    }

    /** The outcome of the last completed exchange, or null. */
    Registration last() {
        return last;
    }

    /** Registers ({@code expires} > 0) or deregisters (0); on the lane. */
    void register(int expires, CompletableFuture<Registration> result) {
        new Exchange(expires, result).send(ChallengeResponder.initialAuthorization(core.config.impi(),
                core.config.realm(), digestUri));
    }

    /** One REGISTER exchange with its challenges. */
    private final class Exchange {
        private int expires;
        private final CompletableFuture<Registration> result;
        private int challenges;
        private boolean resynchronised;
        private boolean intervalRetried;
        private String warning;
        private String authorization;

        Exchange(int expires, CompletableFuture<Registration> result) {
            this.expires = expires;
            this.result = result;
        }

        void send(String authorizationValue) {
            authorization = authorizationValue;
            SipRequest register = core.outOfDialog("REGISTER", SipUri.parse(digestUri),
                            "<" + core.config.impu() + ">;tag=" + fromTag, "<" + core.config.impu() + ">", callId,
                            ++cseq, false)
                    .add("Contact", core.local.contact() + ";expires=" + expires + ";+sip.instance=\"<"
                            + core.config.instanceId() + ">\"")
                    .add("Expires", Integer.toString(expires))
                    .add("Authorization", authorizationValue)
                    .add("Supported", "path")
                    .add("Allow", UeCore.ALLOW)
                    .build();
            RequestSender.send(core.layer(), register, core.outboundHop(), this::onFinal);
        }

        private void onFinal(SipResponse response) {
            int code = response.statusCode();
            if (code == 401 && challenges < MAX_CHALLENGES) {
                challenges++;
                ChallengeResponder.Answer answer = responder.answer(response.headers("WWW-Authenticate"),
                        "REGISTER", digestUri);
                switch (answer) {
                    case ChallengeResponder.Answer.Respond respond -> {
                        resynchronised |= respond.resync();
                        warning = respond.warning() != null ? respond.warning() : warning;
                        send(respond.authorization());
                    }
                    case ChallengeResponder.Answer.GiveUp giveUp -> finish(response, giveUp.warning());
                }
                return;
            }
            if (code == 401) {
                challenges++;
                finish(response, "gave up after " + MAX_CHALLENGES + " challenges");
                return;
            }
            if (code == 423 && !intervalRetried && response.header("Min-Expires") != null) {
                intervalRetried = true;
                expires = parseSeconds(response.header("Min-Expires"), expires);
                send(authorization);
                return;
            }
            finish(response, response.header("Warning"));
        }

        private void finish(SipResponse response, String problem) {
            int code = response.statusCode();
            boolean ok = code >= 200 && code < 300;
            List<String> serviceRoute = ok && expires > 0 ? response.headers("Service-Route") : List.of();
            List<String> associated = new ArrayList<>();
            if (ok) {
                for (NameAddress uri : response.nameAddresses(SipHeaderName.P_ASSOCIATED_URI)) {
                    associated.add(uri.uri().toString());
                }
                core.serviceRoute = serviceRoute;
            }
            String note = problem != null ? problem : warning;
            Registration registration = new Registration(code, response.reasonPhrase(), serviceRoute, associated,
                    ok ? grantedExpires(response) : 0, challenges, resynchronised, note);
            last = registration;
            UserFutures.complete(result, registration);
        }

        /** The expires of our binding in the 200 (§10.2.4): its Contact parameter, else Expires, else asked. */
        private int grantedExpires(SipResponse response) {
            if (expires == 0) {
                return 0;
            }
            Uri ours = SipUri.parse(core.local.contactUri());
            for (NameAddress contact : response.contacts()) {
                if (contact.uri() instanceof SipUri sip && ours instanceof SipUri mine && sip.equivalent(mine)
                        && contact.param("expires") != null) {
                    return parseSeconds(contact.param("expires"), expires);
                }
            }
            long header = response.expires();
            return header >= 0 ? (int) Math.min(header, Integer.MAX_VALUE) : expires;
        }
    }

    private static int parseSeconds(String value, int fallback) {
        try {
            return (int) Math.min(Long.parseLong(value.strip()), Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
