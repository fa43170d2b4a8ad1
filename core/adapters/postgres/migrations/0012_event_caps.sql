-- The earn rule that awarded an EVENT transaction, so that the rule's cap per period can be
-- recounted from the ledger.
ALTER TABLE points_transactions ADD COLUMN earn_rule_id uuid;
CREATE INDEX points_transactions_rule_idx ON points_transactions (account_id, earn_rule_id, create_time)
    WHERE earn_rule_id IS NOT NULL;
