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

-- Refunds of a redemption (an order cancelled after the burn): the points come back to the
-- wallet as new lots with the expiry of the lots the redemption spent. So a redemption records
-- what it took of each lot (the trigger below, in the redemption's transaction), and a refund of
-- it gives those parts back in the order they were spent (soonest-expiring first), each part at
-- most once: `restored` counts what refunds gave back of it. A refund's total is bounded by the
-- redemption's points (points_transactions_refund_limit, as for earns).
CREATE TABLE points_lot_spends (
    points_transaction_id  uuid        NOT NULL REFERENCES points_transactions (points_transaction_id),
    lot_id                 uuid        NOT NULL,
    points                 bigint      NOT NULL CHECK (points > 0),
    restored               bigint      NOT NULL DEFAULT 0,
    expire_time            timestamptz,
    earn_time              timestamptz NOT NULL,
    PRIMARY KEY (points_transaction_id, lot_id),
    CONSTRAINT points_lot_spends_restored CHECK (restored >= 0 AND restored <= points)
);
-- A restored lot is a lot of its own (its id a new uuid), no longer the id of the credit that
-- opened it; `source_transaction_id` names that credit (the refund) for every lot opened from now.
ALTER TABLE points_lots DROP CONSTRAINT points_lots_lot_id_fkey;
ALTER TABLE points_lots ADD COLUMN source_transaction_id uuid;

CREATE OR REPLACE FUNCTION points_apply_transfer() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    posted_after  bigint;
    floor_after   bigint;
    left_to_spend bigint;
    lot           record;
    take          bigint;
    covered       bigint;
    part          record;
BEGIN
    IF NEW.state <> 2 THEN  -- only POSTED transfers move balances
        RETURN NEW;
    END IF;
    INSERT INTO points_wallets (account_id, org_id, program_id, update_time)
        VALUES (NEW.account_id, NEW.org_id, NEW.program_id, NEW.create_time)
        ON CONFLICT (account_id) DO NOTHING;
    SELECT posted + NEW.points, floor INTO posted_after, floor_after
        FROM points_wallets WHERE account_id = NEW.account_id FOR UPDATE;
    IF NEW.overdraft THEN
        floor_after := LEAST(floor_after, posted_after);
    ELSE
        floor_after := GREATEST(floor_after, LEAST(0, posted_after));
    END IF;
    UPDATE points_wallets SET posted = posted_after, floor = floor_after, update_time = NEW.create_time,
                              tier_id = coalesce(NEW.tier_id, tier_id)
        WHERE account_id = NEW.account_id;  -- points_wallets_floor decides

    IF NEW.points > 0 AND NEW.type = 8 THEN
        -- A refund of a redemption: the spent parts come back in the order they were spent,
        -- each as a lot with its original expiry; what pays back an overdraft opens no lot.
        covered := GREATEST(LEAST(NEW.amount, posted_after), 0);
        left_to_spend := NEW.amount;
        FOR part IN
            SELECT s.lot_id, s.points - s.restored AS open, s.expire_time, s.earn_time FROM points_lot_spends s
             WHERE s.points_transaction_id = NEW.refunded_transaction_id AND s.restored < s.points
             ORDER BY s.expire_time NULLS LAST, s.earn_time, s.lot_id
               FOR UPDATE
        LOOP
            EXIT WHEN left_to_spend = 0;
            take := LEAST(part.open, left_to_spend);
            UPDATE points_lot_spends SET restored = restored + take
                WHERE points_transaction_id = NEW.refunded_transaction_id AND lot_id = part.lot_id;
            IF covered > 0 THEN
                INSERT INTO points_lots (lot_id, account_id, points, remaining, expire_time, earn_time,
                                         source_transaction_id)
                    VALUES (gen_random_uuid(), NEW.account_id, take, LEAST(take, covered), part.expire_time,
                            part.earn_time, NEW.points_transaction_id);
                covered := covered - LEAST(take, covered);
            END IF;
            left_to_spend := left_to_spend - take;
        END LOOP;
        IF left_to_spend > 0 AND covered > 0 THEN
            -- A redemption from before its parts were recorded: one lot, with the refund's expiry.
            INSERT INTO points_lots (lot_id, account_id, points, remaining, expire_time, earn_time,
                                     source_transaction_id)
                VALUES (gen_random_uuid(), NEW.account_id, left_to_spend, LEAST(left_to_spend, covered),
                        NEW.expire_time, NEW.create_time, NEW.points_transaction_id);
        END IF;
    ELSIF NEW.points > 0 THEN
        IF posted_after > 0 THEN
            INSERT INTO points_lots (lot_id, account_id, points, remaining, expire_time, earn_time,
                                     source_transaction_id)
                VALUES (NEW.points_transaction_id, NEW.account_id, NEW.amount,
                        LEAST(NEW.amount, posted_after), NEW.expire_time, NEW.create_time, NEW.points_transaction_id);
        END IF;
    ELSIF NEW.points < 0 THEN
        left_to_spend := NEW.amount;
        FOR lot IN
            SELECT l.lot_id, l.remaining, l.expire_time, l.earn_time FROM points_lots l
             WHERE l.account_id = NEW.account_id AND l.remaining > 0
               AND (NEW.type <> 9 OR l.lot_id = NEW.lot_id)
             ORDER BY (l.lot_id = NEW.refunded_transaction_id) DESC, l.expire_time NULLS LAST,
                      l.earn_time, l.lot_id
               FOR UPDATE
        LOOP
            take := LEAST(lot.remaining, left_to_spend);
            UPDATE points_lots SET remaining = remaining - take WHERE lot_id = lot.lot_id;
            IF NEW.type = 6 THEN  -- a redemption keeps what it took of each lot, for its refunds
                INSERT INTO points_lot_spends (points_transaction_id, lot_id, points, expire_time, earn_time)
                    VALUES (NEW.points_transaction_id, lot.lot_id, take, lot.expire_time, lot.earn_time);
            END IF;
            left_to_spend := left_to_spend - take;
            EXIT WHEN left_to_spend = 0;
        END LOOP;
        IF left_to_spend > 0 AND (NEW.type = 9 OR NOT NEW.overdraft) THEN
            RAISE EXCEPTION 'wallet % cannot cover % points', NEW.account_id, NEW.amount
                USING ERRCODE = 'check_violation', CONSTRAINT = 'points_wallets_floor';
        END IF;
    END IF;

    IF NEW.refunded_transaction_id IS NOT NULL THEN
        UPDATE points_transactions SET refunded_points = refunded_points + NEW.amount
            WHERE points_transaction_id = NEW.refunded_transaction_id;
    END IF;
    RETURN NEW;
END $$;
