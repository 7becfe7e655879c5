-- The audit events of one submission (its acceptance, the regulators' decisions) are looked up by submission:
-- a replayed upload names the signer its acceptance recorded, and the review reads a submission's history.
CREATE INDEX ix_audit_event_submission ON audit_event (submission_id);
