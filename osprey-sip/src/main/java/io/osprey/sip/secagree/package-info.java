/**
 * Security mechanism agreement for SIP (RFC 3329): the Security-Client, Security-Server and Security-Verify header
 * values as lists of {@link io.osprey.sip.secagree.SecurityMechanism}, with the IPsec parameters of TS 33.203
 * Annex H ({@code ipsec-3gpp}: {@code alg}, {@code ealg}, {@code spi-c}, {@code spi-s}, {@code port-c},
 * {@code port-s}, {@code prot}, {@code mod}), and the client's choice of mechanism (RFC 3329 §2.3.1).
 */
package io.osprey.sip.secagree;
