-- Sh transparent (repository) data, TS 29.328 §7.6: one row per public identity and Service-Indication,
-- with the sequence number the AS must advance on every update. Portable SQL for SQLite and PostgreSQL.

CREATE TABLE sh_repository_data (
    impu                VARCHAR(512)  NOT NULL,
    service_indication  VARCHAR(255)  NOT NULL,
    sequence_number     INTEGER       NOT NULL,
    service_data        TEXT          NOT NULL,
    PRIMARY KEY (impu, service_indication)
);
