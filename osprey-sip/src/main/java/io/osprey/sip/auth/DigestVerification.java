package io.osprey.sip.auth;

/**
 * The result of verifying credentials, with the parameter at fault for {@link DigestResult#MISSING_PARAM} and
 * {@link DigestResult#MALFORMED_PARAM} (null otherwise).
 */
public record DigestVerification(DigestResult result, String parameter) {

    static final DigestVerification OK = new DigestVerification(DigestResult.OK, null);

    static DigestVerification of(DigestResult result) {
        return result == DigestResult.OK ? OK : new DigestVerification(result, null);
    }

    static DigestVerification missing(String parameter) {
        return new DigestVerification(DigestResult.MISSING_PARAM, parameter);
    }

    static DigestVerification malformed(String parameter) {
        return new DigestVerification(DigestResult.MALFORMED_PARAM, parameter);
    }

    public boolean isOk() {
        return result == DigestResult.OK;
    }
}
