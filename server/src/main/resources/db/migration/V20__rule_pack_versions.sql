-- Rule catalogue 1.1: every abnormal-list candidate names the rule pack and version that set its disposition
-- ("SZ@1.1.0": a county or city pack may set what a province rule's finding leads to). The register shows it beside
-- the rule id, so that a regulator sees which version of the rules judged the filing.
-- Flags stored before this migration were all judged by the 1.0.0 packs, where a rule's own pack set its level;
-- they keep their disposition and are named as such (nothing is re-judged).
ALTER TABLE flag ADD COLUMN rule_pack VARCHAR(64);
UPDATE flag SET rule_pack = 'CORE@1.0.0' WHERE rule_pack IS NULL AND rule_id LIKE 'CORE-%';
UPDATE flag SET rule_pack = 'SX@1.0.0' WHERE rule_pack IS NULL AND rule_id LIKE 'SX-%';
UPDATE flag SET rule_pack = 'SZ@1.0.0' WHERE rule_pack IS NULL AND rule_id LIKE 'SZ-%';
UPDATE flag SET rule_pack = 'ZZ@1.0.0' WHERE rule_pack IS NULL AND rule_id LIKE 'ZZ-%';
UPDATE flag SET rule_pack = 'ZN@1.0.0' WHERE rule_pack IS NULL AND rule_id LIKE 'ZN-%';
UPDATE flag SET rule_pack = 'SG@1.0.0' WHERE rule_pack IS NULL AND rule_id LIKE 'SG-%';
