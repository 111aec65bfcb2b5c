package io.osprey.ue;

import io.osprey.aka.AkaAlgorithm;
import io.osprey.aka.AkaNonce;
import io.osprey.aka.Milenage;
import io.osprey.aka.UsimResult;
import io.osprey.aka.UsimSimulator;
import io.osprey.sip.auth.AuthHeaderValue;
import io.osprey.sip.auth.AuthParam;
import io.osprey.sip.auth.AuthParseException;
import io.osprey.sip.auth.DigestChallenge;
import io.osprey.sip.auth.DigestCredentials;
import io.osprey.sip.auth.DigestResponder;
import io.osprey.sip.auth.DigestSecret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers a 401's {@code WWW-Authenticate} challenges with an {@code Authorization} value, as a UE does in
 * TS 24.229 §5.1.1.5.1: for AKA credentials the first {@code AKAv1-MD5} or {@code AKAv2-MD5} challenge is run through
 * the USIM (RFC 3310 §3.2-§3.4, RFC 4169 §3); for a password the first plain Digest challenge (MD5, SHA-256, ...,
 * RFC 7616). Lane-confined: the USIM's SQN record changes with every accepted challenge.
 */
final class ChallengeResponder {

    /** What to do with a 401. */
    sealed interface Answer {
        /**
         * Send the request again with this Authorization.
         *
         * @param resync  whether it carries {@code auts} (the USIM refused the SQN)
         * @param warning something odd noticed on the way, or null
         */
        record Respond(String authorization, boolean resync, String warning) implements Answer {
        }

        /** Stop: no challenge this UE can or may answer. */
        record GiveUp(String warning) implements Answer {
        }
    }

    private final String username;
    private final UeCredentials credentials;
    private final UsimSimulator usim;

    ChallengeResponder(String username, UeCredentials credentials) {
        this.username = username;
        this.credentials = credentials;
        this.usim = credentials instanceof UeCredentials.Aka aka ? aka.newUsim() : null;
    }

    /** The initial Authorization of TS 24.229 §5.1.1.2.1: username, realm, uri, empty nonce and response. */
    static String initialAuthorization(String username, String realm, String digestUri) {
        return DigestCredentials.builder().username(username).realm(realm).uri(digestUri).nonce("").response("")
                .build().toString();
    }

    Answer answer(List<String> challenges, String method, String digestUri) {
        List<String> seen = new ArrayList<>();
        for (String value : challenges) {
            DigestChallenge challenge;
            try {
                challenge = DigestChallenge.parse(value);
            } catch (IllegalArgumentException | AuthParseException e) {
                seen.add("unparsable (" + e.getMessage() + ")");
                continue;
            }
            String token = challenge.algorithmToken() == null ? "MD5" : challenge.algorithmToken();
            seen.add(token);
            Optional<AkaAlgorithm> aka = AkaAlgorithm.fromToken(token);
            if (usim != null && aka.isPresent()) {
                return answerAka(challenge, aka.get(), method, digestUri);
            }
            if (usim == null && aka.isEmpty() && challenge.algorithm() != null
                    && credentials instanceof UeCredentials.Password password) {
                DigestCredentials response = DigestResponder.respond(challenge, username,
                        DigestSecret.password(password.password()), method, digestUri, new byte[0], cnonce(), 1);
                return new Answer.Respond(response.toString(), false, null);
            }
        }
        return new Answer.GiveUp("no challenge this UE can answer with " + kind() + " credentials; offered: "
                + String.join(", ", seen));
    }

    private Answer answerAka(DigestChallenge challenge, AkaAlgorithm algorithm, String method, String digestUri) {
        AkaNonce nonce;
        try {
            nonce = AkaNonce.parse(challenge.nonce());
        } catch (IllegalArgumentException e) {
            return new Answer.GiveUp("AKA nonce is not base64 of RAND and AUTN: " + e.getMessage());
        }
        String warning = amfWarning(nonce.autn());
        UsimResult result = usim.authenticate(nonce);
        return switch (result) {
            case UsimResult.Authenticated ok -> {
                byte[] password = algorithm.password(ok.res(), ok.ik(), ok.ck());
                DigestCredentials response = DigestResponder.respond(challenge, username,
                        DigestSecret.password(password), method, digestUri, new byte[0], cnonce(), 1);
                yield new Answer.Respond(response.toString(), false, warning);
            }
            case UsimResult.SynchronisationFailure failure -> {
                // RFC 3310 §3.4: the usual parameters computed with an empty password, plus auts.
                DigestCredentials response = DigestResponder.respond(challenge, username,
                        DigestSecret.password(AkaAlgorithm.SYNC_FAILURE_PASSWORD), method, digestUri, new byte[0],
                        cnonce(), 1);
                List<AuthParam> params = new ArrayList<>(response.header().params());
                params.add(AuthParam.quoted("auts", failure.auts().encode()));
                yield new Answer.Respond(AuthHeaderValue.of(AuthHeaderValue.DIGEST, params).toString(), true,
                        warning);
            }
            case UsimResult.MacFailure failure -> new Answer.GiveUp(
                    "AUTN failed the MAC-A check: the network is not authentic (TS 33.102 §6.3.3)"
                            + (warning == null ? "" : "; " + warning));
        };
    }

    private String amfWarning(byte[] autn) {
        if (!(credentials instanceof UeCredentials.Aka aka)) {
            return null;
        }
        byte[] received = Arrays.copyOfRange(autn, Milenage.SQN_LENGTH, Milenage.SQN_LENGTH + Milenage.AMF_LENGTH);
        if (Arrays.equals(received, aka.amf())) {
            return null;
        }
        return "AMF in AUTN is " + HexFormat.of().formatHex(received) + ", configured AMF is "
                + HexFormat.of().formatHex(aka.amf());
    }

    private String kind() {
        return usim != null ? "AKA" : "password";
    }

    private static String cnonce() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }
}
