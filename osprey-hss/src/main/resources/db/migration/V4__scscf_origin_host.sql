-- TS 29.228 Table 6.1.3.1 and 6.1.4.1: an RTR or PPR goes to the Destination-Host "of the S-CSCF", the Origin-Host
-- of the SAR it sent. One row per S-CSCF Server-Name (SIP URI): the Diameter identity of its last SAR. Portable SQL
-- for SQLite and PostgreSQL.

CREATE TABLE scscf_origin (
    server_name  VARCHAR(255) NOT NULL PRIMARY KEY,
    origin_host  VARCHAR(255) NOT NULL
);
