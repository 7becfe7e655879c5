-- minedecl storage, portable SQL for H2 2.x and PostgreSQL.
-- Package bytes are kept in 1 MiB chunks so that neither database needs large objects and no upload is ever
-- held in memory whole.

CREATE TABLE submission (
    id               VARCHAR(40)   NOT NULL PRIMARY KEY,   -- the receipt id
    package_sha256   VARCHAR(64)   NOT NULL,
    package_size     BIGINT        NOT NULL,
    period           VARCHAR(8)    NOT NULL,
    jurisdiction     VARCHAR(12)   NOT NULL,
    uscc             VARCHAR(18)   NOT NULL,
    mining_licence   VARCHAR(128)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,               -- ACCEPTED | FLAGGED
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    signing_time     TIMESTAMP WITH TIME ZONE,
    signer_subject   VARCHAR(1024),
    amends           VARCHAR(40),                          -- the receipt id this one corrects
    superseded_by    VARCHAR(40),                          -- set when a later amendment corrects this one
    declaration_json TEXT          NOT NULL,
    receipt_json     TEXT          NOT NULL,               -- the receipt JSON inside receipt_cms
    receipt_cms      BYTEA         NOT NULL,               -- the signed receipt, exactly as issued
    CONSTRAINT uq_submission_package UNIQUE (package_sha256),
    CONSTRAINT fk_submission_amends FOREIGN KEY (amends) REFERENCES submission (id)
);
CREATE INDEX ix_submission_licence ON submission (mining_licence, period);
CREATE INDEX ix_submission_jurisdiction ON submission (jurisdiction, period);
CREATE INDEX ix_submission_uscc ON submission (uscc);

-- The declaration currently in force for one mining licence and quarter: one row, so that two different first
-- filings for the same quarter cannot both be accepted, even when they arrive at the same moment.
CREATE TABLE period_filing (
    mining_licence VARCHAR(128) NOT NULL,
    period         VARCHAR(8)   NOT NULL,
    submission_id  VARCHAR(40)  NOT NULL,
    CONSTRAINT pk_period_filing PRIMARY KEY (mining_licence, period),
    CONSTRAINT fk_period_filing_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
);

CREATE TABLE package_chunk (
    submission_id VARCHAR(40) NOT NULL,
    seq           INTEGER     NOT NULL,
    bytes         BYTEA       NOT NULL,
    CONSTRAINT pk_package_chunk PRIMARY KEY (submission_id, seq),
    CONSTRAINT fk_package_chunk_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
);

CREATE TABLE finding (
    submission_id VARCHAR(40)  NOT NULL,
    seq           INTEGER      NOT NULL,
    rule_id       VARCHAR(40)  NOT NULL,
    severity      VARCHAR(16)  NOT NULL,
    disposition   VARCHAR(32),
    path          VARCHAR(512),
    finding_json  TEXT         NOT NULL,
    CONSTRAINT pk_finding PRIMARY KEY (submission_id, seq),
    CONSTRAINT fk_finding_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
);
CREATE INDEX ix_finding_rule ON finding (rule_id);

-- Abnormal-list candidates (矿业权人异常名录候选) and other disposition candidates: one per FLAG finding.
CREATE TABLE flag (
    submission_id  VARCHAR(40)  NOT NULL,
    seq            INTEGER      NOT NULL,
    rule_id        VARCHAR(40)  NOT NULL,
    disposition    VARCHAR(32)  NOT NULL,
    state          VARCHAR(16)  NOT NULL,                  -- CANDIDATE | CONFIRMED | DISMISSED
    jurisdiction   VARCHAR(12)  NOT NULL,
    uscc           VARCHAR(18)  NOT NULL,
    mining_licence VARCHAR(128) NOT NULL,
    period         VARCHAR(8)   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_flag PRIMARY KEY (submission_id, seq),
    CONSTRAINT fk_flag_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
);
CREATE INDEX ix_flag_jurisdiction ON flag (jurisdiction);

-- Append-only.
CREATE TABLE audit_event (
    id            VARCHAR(40)   NOT NULL PRIMARY KEY,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    action        VARCHAR(40)   NOT NULL,
    submission_id VARCHAR(40),
    actor         VARCHAR(256),
    detail        VARCHAR(2000)
);
