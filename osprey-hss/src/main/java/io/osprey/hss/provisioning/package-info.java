/**
 * Operator provisioning over the subscriber store: add a subscriber in one call, show, list, update, delete,
 * CSV import and default iFC templates, with validation and typed errors
 * ({@link io.osprey.hss.provisioning.ProvisioningException}) that an HTTP layer maps to RFC 9457 problems.
 */
package io.osprey.hss.provisioning;
