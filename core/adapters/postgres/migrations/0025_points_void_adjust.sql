-- Voids and operator adjustments of points (LoyaltyService.VoidTransaction, AdjustPoints,
-- BatchAllocatePoints).
--
-- A VOID (type 10) cancels a posted EARN or REDEEM as if it never happened: one transfer of the
-- original's whole amount in the opposite direction, naming the original in
-- refunded_transaction_id (so the trigger adds it to the original's refunded_points and, for a
-- redemption, gives the spent lot parts back exactly as a refund does). An original is voided
-- at most once (points_transactions_void_unique: the last guard against concurrent voids).
-- An ADJUST (type 11) is an operator's credit or debit between the wallet and the program's
-- adjustment account "adjustment:<program>"; its reason is in `note`.
-- `operator`: the person named in the request (VOID, ADJUST), beside the API client (client_id).
ALTER TABLE points_transactions ADD COLUMN operator text;
CREATE UNIQUE INDEX points_transactions_void_unique
    ON points_transactions (refunded_transaction_id) WHERE type = 10;

-- points_apply_transfer as in 0022, with one change: a VOID credit (of a redemption) restores
-- the spent lot parts like a REFUND credit does.
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

    IF NEW.points > 0 AND NEW.type IN (8, 10) THEN
        -- A refund or a void of a redemption: the spent parts come back in the order they were spent,
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
