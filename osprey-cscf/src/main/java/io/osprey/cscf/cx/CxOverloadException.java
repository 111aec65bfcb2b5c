package io.osprey.cscf.cx;

/**
 * A Cx request refused before it was sent: {@link CxClient#maxOutstanding()} requests already wait for the HSS.
 * The caller sheds the work (a CSCF answers 503 with Retry-After, RFC 3261 §21.5.4) rather than queue it.
 */
public final class CxOverloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CxOverloadException(int limit, String realm) {
        super(limit + " Cx requests to the HSS of " + realm + " already wait for answers");
    }
}
