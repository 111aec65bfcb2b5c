/**
 * The subscriber store: repository interfaces over the HSS data model ({@link io.osprey.hss.store.SubscriberStore})
 * and their JDBI implementation on SQLite (embedded default) or PostgreSQL, one Flyway schema for both. Also the
 * AuC path: atomic SQN reservation for authentication vectors and AUTS resynchronisation (TS 33.102 §6.3).
 */
package io.osprey.hss.store;
