/**
 * The HSS data model (3GPP TS 29.228 §6.6 and Annex B/D, TS 23.228 §4.3 and §5.2): IMS subscriptions, private
 * and public identities, service profiles with initial filter criteria, authentication credentials and the
 * per-IMPU registration state. Every type is an immutable value that checks its own fields and reports a bad
 * one with an {@link io.osprey.hss.model.InvalidValueException} naming the field.
 */
package io.osprey.hss.model;
