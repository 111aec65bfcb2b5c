-- TS 29.228 §6.3.1: the S-CSCF that sent the last MAR for a public identity, i.e. an authentication is
-- pending there, until a SAR ends it (REGISTRATION, RE_REGISTRATION, a deregistration, AUTHENTICATION_FAILURE
-- or AUTHENTICATION_TIMEOUT). NULL when no authentication is pending. Portable SQL for SQLite and PostgreSQL.

ALTER TABLE public_identity ADD COLUMN auth_pending_scscf VARCHAR(255);
