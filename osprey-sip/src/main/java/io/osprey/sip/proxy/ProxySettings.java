package io.osprey.sip.proxy;

/**
 * Proxy behaviour switches.
 *
 * @param recordRoute insert Record-Route on dialog-creating requests so in-dialog requests come back (§16.6 step 4)
 */
public record ProxySettings(boolean recordRoute) {
}
