-- Certificate login, the regulator registry and delegations (CONTRACTS sections 7 and 8).

-- Login challenges: good once (the row is deleted when used) and until expires_at; in the database so that every
-- instance of the server knows every nonce.
CREATE TABLE auth_nonce (
    nonce      VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_auth_nonce_expires ON auth_nonce (expires_at);

-- Regulators registered by an administrator. A removed regulator keeps its row (removed_at set): its tokens are
-- refused from then on, and the registry's history stays readable.
CREATE TABLE regulator (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    name            VARCHAR(256)  NOT NULL,
    certificate_pem TEXT          NOT NULL,
    fingerprint     VARCHAR(64)   NOT NULL,                -- SHA-256 of the DER certificate, hex
    subject         VARCHAR(1024) NOT NULL,
    serial          VARCHAR(80)   NOT NULL,
    jurisdictions   VARCHAR(512)  NOT NULL,                -- GB/T 2260 codes, comma-separated
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(1024),
    removed_at      TIMESTAMP WITH TIME ZONE,
    removed_by      VARCHAR(1024)
);
CREATE INDEX ix_regulator_fingerprint ON regulator (fingerprint);

-- Delegations (委托代理), each stored with the delegation/1 package the enterprise signed.
CREATE TABLE delegation (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    enterprise_uscc VARCHAR(18)   NOT NULL,
    enterprise_name VARCHAR(256)  NOT NULL,
    consultant_uscc VARCHAR(18)   NOT NULL,
    consultant_name VARCHAR(256)  NOT NULL,
    scope           VARCHAR(64)   NOT NULL,                -- PREPARE or PREPARE,SIGN
    mining_licences VARCHAR(4000),                         -- comma-separated; NULL: every mine of the enterprise
    valid_from      DATE          NOT NULL,
    valid_to        DATE          NOT NULL,
    package_sha256  VARCHAR(64)   NOT NULL,
    package_bytes   BYTEA         NOT NULL,
    signer_subject  VARCHAR(1024),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by      VARCHAR(1024),
    CONSTRAINT uq_delegation_package UNIQUE (package_sha256)
);
CREATE INDEX ix_delegation_consultant ON delegation (consultant_uscc);
CREATE INDEX ix_delegation_enterprise ON delegation (enterprise_uscc);
