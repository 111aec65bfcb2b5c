-- Osprey HSS subscriber store (TS 29.228 data model). One script for SQLite and PostgreSQL: portable
-- column types only, natural text keys (no vendor-specific identity columns), and booleans bound by JDBC.
-- Secrets (aka_k, aka_op, digest_secret) hold "hex:<hex>" or, with a configured key, "gcm1:<base64>".

CREATE TABLE subscription (
    id              VARCHAR(255)  NOT NULL PRIMARY KEY,
    mandatory_caps  VARCHAR(512)  NOT NULL,
    optional_caps   VARCHAR(512)  NOT NULL,
    server_names    VARCHAR(8192) NOT NULL
);

CREATE TABLE ifc_template (
    name      VARCHAR(64) NOT NULL PRIMARY KEY,
    priority  INTEGER     NOT NULL,
    ifc_xml   TEXT        NOT NULL
);

CREATE TABLE service_profile (
    name              VARCHAR(64)   NOT NULL PRIMARY KEY,
    media_profile_id  INTEGER,
    shared_ifc_sets   VARCHAR(2048) NOT NULL
);

CREATE TABLE profile_ifc (
    profile_name  VARCHAR(64) NOT NULL REFERENCES service_profile (name) ON DELETE CASCADE,
    priority      INTEGER     NOT NULL,
    ifc_xml       TEXT        NOT NULL,
    PRIMARY KEY (profile_name, priority)
);

CREATE TABLE profile_template (
    profile_name   VARCHAR(64) NOT NULL REFERENCES service_profile (name) ON DELETE CASCADE,
    list_order     INTEGER     NOT NULL,
    template_name  VARCHAR(64) NOT NULL REFERENCES ifc_template (name),
    PRIMARY KEY (profile_name, template_name)
);
CREATE INDEX profile_template_by_template ON profile_template (template_name);

CREATE TABLE private_identity (
    impi             VARCHAR(255)  NOT NULL PRIMARY KEY,
    subscription_id  VARCHAR(255)  NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    auth_schemes     VARCHAR(255)  NOT NULL,
    aka_k            VARCHAR(255),
    aka_op_kind      VARCHAR(3),
    aka_op           VARCHAR(255),
    aka_amf          VARCHAR(4),
    digest_kind      VARCHAR(8),
    digest_realm     VARCHAR(255),
    digest_secret    VARCHAR(1024),
    sqn              BIGINT        NOT NULL
);
CREATE INDEX private_identity_by_subscription ON private_identity (subscription_id);

CREATE TABLE public_identity (
    impu             VARCHAR(512) NOT NULL PRIMARY KEY,
    subscription_id  VARCHAR(255) NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    profile_name     VARCHAR(64)  NOT NULL REFERENCES service_profile (name),
    identity_type    SMALLINT     NOT NULL,
    barred           BOOLEAN      NOT NULL,
    implicit_set     INTEGER      NOT NULL,
    alias_group      VARCHAR(255),
    display_name     VARCHAR(255),
    reg_state        SMALLINT     NOT NULL,
    scscf_name       VARCHAR(255)
);
CREATE INDEX public_identity_by_set ON public_identity (subscription_id, implicit_set);
CREATE INDEX public_identity_by_type ON public_identity (identity_type);
CREATE INDEX public_identity_by_profile ON public_identity (profile_name);

CREATE TABLE identity_link (
    impi  VARCHAR(255) NOT NULL REFERENCES private_identity (impi) ON DELETE CASCADE,
    impu  VARCHAR(512) NOT NULL REFERENCES public_identity (impu) ON DELETE CASCADE,
    PRIMARY KEY (impi, impu)
);
CREATE INDEX identity_link_by_impu ON identity_link (impu);
