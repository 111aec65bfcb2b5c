/**
 * A UE simulator (TS 24.229 §5.1, the UE side of IMS): registration with IMS AKA (RFC 3310, RFC 4169) or HTTP
 * Digest, calls with an SDP offer/answer (RFC 3264) and G.711 RTP, MESSAGE (RFC 3428), and the reg event package
 * (RFC 3680). {@link io.osprey.ue.UserEquipment} is the entry point; everything it does runs on the single lane of
 * its own SIP stack, and user-facing futures complete off that lane.
 */
package io.osprey.ue;
