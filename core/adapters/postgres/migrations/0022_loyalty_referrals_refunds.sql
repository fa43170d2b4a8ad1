-- Referrals: an account is referred once, and a pair refers one way only. AllocateEvent checks
-- both before it pays; these constraints are the last guard against concurrent attempts (two
-- referrers of one referee, or A->B and B->A at once): the losing write fails as a whole.
CREATE TABLE points_referrals (
    org_id                 text        NOT NULL,
    program_id             text        NOT NULL,
    referee_account_id     uuid        NOT NULL,
    referrer_account_id    uuid        NOT NULL,
    points_transaction_id  uuid        NOT NULL REFERENCES points_transactions (points_transaction_id),
    create_time            timestamptz NOT NULL,
    CONSTRAINT points_referrals_referee_unique PRIMARY KEY (org_id, program_id, referee_account_id),
    CHECK (referee_account_id <> referrer_account_id)
);
-- One referral per unordered pair: the reverse of a referral is refused.
CREATE UNIQUE INDEX points_referrals_pair_unique ON points_referrals (
    org_id, program_id, least(referee_account_id, referrer_account_id),
    greatest(referee_account_id, referrer_account_id));
-- The referrals paid before this migration (points_awards "referral:<referrer>:<referee>"),
-- oldest first; of the farmed ones (a second referrer, a reverse pair) the first one stays.
INSERT INTO points_referrals (org_id, program_id, referee_account_id, referrer_account_id, points_transaction_id,
                              create_time)
SELECT a.org_id, a.program_id, split_part(a.award_key, ':', 3)::uuid, split_part(a.award_key, ':', 2)::uuid,
       a.points_transaction_id, t.create_time
  FROM points_awards a JOIN points_transactions t USING (points_transaction_id)
 WHERE a.award_key LIKE 'referral:%'
 ORDER BY t.create_time, t.points_transaction_id
ON CONFLICT DO NOTHING;
