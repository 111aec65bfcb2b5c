-- One row that counts committed changes of provisioned data (subscriptions, identities, service profiles, iFC
-- templates). Every provisioning write made through the store adds one, last, in its own transaction; each HSS
-- process polls the value and drops the provisioned data it keeps in memory when another process has moved it
-- (decision 0019). Portable SQL for SQLite and PostgreSQL.

CREATE TABLE provisioning_generation (
    id     INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    value  BIGINT  NOT NULL
);

INSERT INTO provisioning_generation (id, value) VALUES (1, 0);
