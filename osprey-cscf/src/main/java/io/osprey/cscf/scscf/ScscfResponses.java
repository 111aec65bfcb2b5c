package io.osprey.cscf.scscf;

import io.osprey.cscf.cx.CxResult;
import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import java.util.concurrent.ThreadLocalRandom;

/** The registrar's responses: 401 challenges, the 200 of TS 24.229 §5.4.1.2.2, and refusals with a Warning. */
final class ScscfResponses {

    private final ScscfSettings settings;

    ScscfResponses(ScscfSettings settings) {
        this.settings = settings;
    }

    SipResponse challenge(SipRequest register, String wwwAuthenticate) {
        return SipResponse.forRequest(register, 401, "Unauthorized").toTag(newTag())
                .add("WWW-Authenticate", wwwAuthenticate).build();
    }

    /** A refusal with a Warning naming why (RFC 3261 §20.43, code 399). */
    SipResponse reject(SipRequest request, int code, String reason, String warning) {
        return SipResponse.forRequest(request, code, reason).toTag(newTag())
                .add("Warning", "399 " + settings.host() + " \"" + warning.replace('"', '\'') + "\"").build();
    }

    /**
     * The 200 to a REGISTER (TS 24.229 §5.4.1.2.2 and RFC 3261 §10.3 step 8): every current contact with its
     * expiry, the Path echoed (RFC 3327 §5.3), Service-Route (RFC 3608) and P-Associated-URI (RFC 7315 §4.1).
     * {@code registration} is null after the last contact went.
     */
    SipResponse ok(SipRequest register, Registration registration, long now) {
        SipResponse.Builder ok = SipResponse.forRequest(register, 200, "OK").toTag(newTag());
        for (String path : register.headers("Path")) {
            ok.add("Path", path);
        }
        if (registration != null) {
            for (Binding binding : registration.liveBindings(now)) {
                StringBuilder contact = new StringBuilder("<").append(binding.contactUri()).append(">;expires=")
                        .append(binding.secondsLeft(now));
                if (binding.instance() != null) {
                    contact.append(";+sip.instance=\"").append(binding.instance()).append('"');
                }
                if (binding.regId() != null) {
                    contact.append(";reg-id=").append(binding.regId());
                }
                ok.add("Contact", contact.toString());
            }
            ok.add("Service-Route", settings.serviceRoute());
            StringBuilder associated = new StringBuilder();
            for (String uri : registration.associatedUris()) {
                if (!associated.isEmpty()) {
                    associated.append(", ");
                }
                associated.append('<').append(uri).append('>');
            }
            ok.add("P-Associated-URI", associated.toString());
            if (registration.ccf() != null) {
                ok.add("P-Charging-Function-Addresses", "ccf=\"" + registration.ccf() + "\"");
            }
        }
        return ok.build();
    }

    /** TS 24.229 §5.4.1.2.1: a MAA that refuses the user ends the registration attempt with 403. */
    SipResponse forMarFailure(SipRequest register, io.osprey.cscf.cx.MultimediaAuthAnswer maa) {
        return forCxFailure(register, maa.result(), "MAA");
    }

    SipResponse forSarFailure(SipRequest register, io.osprey.cscf.cx.ServerAssignmentAnswer saa) {
        return forCxFailure(register, saa.result(), "SAA");
    }

    private SipResponse forCxFailure(SipRequest register, CxResult result, String answer) {
        long code = result.resultCode();
        String why = switch ((int) code) {
            case 5001 -> "user unknown";
            case 5002 -> "private and public identities do not match";
            case 5004 -> "roaming not allowed";
            case 5006 -> "authentication scheme not allowed for this user";
            default -> null;
        };
        if (why != null) {
            return reject(register, 403, "Forbidden", why + " (" + answer + " " + code + ")");
        }
        return reject(register, 500, "Server Internal Error", "HSS answered " + answer + " with " + code);
    }

    static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }
}
