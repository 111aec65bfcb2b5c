package io.osprey.ue;

/**
 * A MESSAGE request the UE received and answered with 200 (RFC 3428 §7).
 *
 * @param from        From header value
 * @param to          To header value
 * @param requestUri  the Request-URI
 * @param contentType Content-Type, or null without a body
 * @param text        the body as UTF-8 text
 */
public record ReceivedMessage(String from, String to, String requestUri, String contentType, String text) {
}
