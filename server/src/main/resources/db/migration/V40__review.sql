-- Review (CONTRACTS section 9): regulators' decisions, append-only, and the abnormal-list register's life cycle on
-- the flag table. Portable SQL for H2 2.x and PostgreSQL.

CREATE TABLE decision (
    id             VARCHAR(40)   NOT NULL PRIMARY KEY,
    submission_id  VARCHAR(40)   NOT NULL,
    decision       VARCHAR(20)   NOT NULL,                 -- ACCEPT | RETURN | CONFIRM_ABNORMAL | DISMISS
    rule_id        VARCHAR(40),
    reason         VARCHAR(2000) NOT NULL,
    decided_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by     VARCHAR(1024) NOT NULL,                 -- the regulator's certificate (subject, serial)
    entries        INTEGER       NOT NULL,                 -- register entries the decision moved
    CONSTRAINT fk_decision_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
);
CREATE INDEX ix_decision_submission ON decision (submission_id, decided_at);

-- The register: a flag is CANDIDATE from its FLAG finding, CONFIRMED or DISMISSED by a decision on its submission,
-- REMOVED by an ACCEPT decision on a later accepted filing or amendment of the same mining licence that no longer
-- raises its rule (corrected_by).
ALTER TABLE flag ADD COLUMN decision_id VARCHAR(40);
ALTER TABLE flag ADD COLUMN corrected_by VARCHAR(40);
ALTER TABLE flag ADD COLUMN removal_decision_id VARCHAR(40);
ALTER TABLE flag ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_flag_licence ON flag (mining_licence, state);
CREATE INDEX ix_flag_period ON flag (period, jurisdiction);
CREATE INDEX ix_period_filing_period ON period_filing (period, mining_licence);
