-- The same filing is the same signed content (CONTRACTS section 5): the SHA-256 of the signed manifest and the
-- CMS signature value (org.minedecl.shared.pkg.SignedContentKey). A re-zipped or re-encoded copy of an accepted
-- package finds its receipt by this key; the unique index keeps a second row of it out even in a race.
-- Rows stored before this migration have no key and are still found by their package bytes (package_sha256).
ALTER TABLE submission ADD COLUMN signed_content_key VARCHAR(64);
CREATE UNIQUE INDEX uq_submission_signed_content ON submission (signed_content_key);
