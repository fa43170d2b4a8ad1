-- The points ledger: double-entry transfers, member wallets with a floor, and lots for FIFO
-- spending and expiry.
--
-- Every points transaction is ONE transfer of `amount` (>= 0) from `debit_account` to
-- `credit_account`. Ledger accounts are named:
--   wallet:<account uuid>      a member's wallet
--   issuance:<program>         where earned points come from (it goes negative as points are issued)
--   redeemed:<program>         where redeemed points go
--   expired:<program>          where expired points go
-- The balance of a ledger account is what was credited to it minus what was debited from it, so
-- the sum over all ledger accounts is zero by construction; a test checks it anyway, together
-- with every wallet row against the sum of its transfers.

-- One row per member wallet, kept by the trigger below in the same transaction as the transfer.
-- `floor` is the lowest `posted - pending` may go: 0, unless a refund allowed an overdraft
-- (REFUND_OVERDRAFT_POLICY_ALLOW_NEGATIVE); credits raise it back towards 0.
CREATE TABLE points_wallets (
    account_id   uuid        PRIMARY KEY,
    org_id       text        NOT NULL,
    program_id   text        NOT NULL,
    posted       bigint      NOT NULL DEFAULT 0,
    pending      bigint      NOT NULL DEFAULT 0 CHECK (pending >= 0),
    floor        bigint      NOT NULL DEFAULT 0 CHECK (floor <= 0),
    tier_id      uuid,
    update_time  timestamptz NOT NULL,
    CONSTRAINT points_wallets_floor CHECK (posted - pending >= floor)
);

-- The account's side of every movement, and the transfer itself.
CREATE TABLE points_transactions (
    points_transaction_id  uuid        PRIMARY KEY,
    org_id                 text        NOT NULL,
    program_id             text        NOT NULL,
    account_id             uuid        NOT NULL,
    type                   smallint    NOT NULL,
    state                  smallint    NOT NULL,
    debit_account          text        NOT NULL,
    credit_account         text        NOT NULL,
    amount                 bigint      NOT NULL CHECK (amount >= 0),  -- 0: a purchase that earned nothing
    points                 bigint      NOT NULL,  -- the wallet's change: +amount or -amount
    regular_points         bigint      NOT NULL DEFAULT 0,
    bonus_points           bigint      NOT NULL DEFAULT 0,
    reward_points          bigint      NOT NULL DEFAULT 0,
    store_id               text,
    transaction_id         text,
    bill_minor             bigint,
    currency_code          text,
    refunded_transaction_id uuid       REFERENCES points_transactions (points_transaction_id),
    lot_id                 uuid,        -- EXPIRE: the lot that expired
    overdraft              boolean     NOT NULL DEFAULT false,
    note                   text,
    expire_time            timestamptz, -- credits: when the points expire
    create_time            timestamptz NOT NULL,
    request_id             text        NOT NULL,
    client_id              text        NOT NULL,
    epoch                  bigint      NOT NULL,
    tier_id                uuid,        -- EARN: the tier the purchase moved the account up to
    CHECK (debit_account <> credit_account),
    CHECK (points = amount OR points = -amount)
);
CREATE INDEX points_transactions_account_idx
    ON points_transactions (account_id, create_time DESC, points_transaction_id DESC);
CREATE UNIQUE INDEX points_transactions_request_idx ON points_transactions (client_id, request_id, account_id);
-- One earn per purchase of an account.
CREATE UNIQUE INDEX points_transactions_purchase_unique
    ON points_transactions (account_id, transaction_id) WHERE type = 1;
CREATE INDEX points_transactions_refunds_idx
    ON points_transactions (refunded_transaction_id) WHERE refunded_transaction_id IS NOT NULL;
CREATE TRIGGER points_transactions_fence BEFORE INSERT ON points_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_epoch_fence();

-- What is left of each credit, spent soonest-expiring first and expired by the expiry job.
CREATE TABLE points_lots (
    lot_id       uuid        PRIMARY KEY REFERENCES points_transactions (points_transaction_id),
    account_id   uuid        NOT NULL,
    points       bigint      NOT NULL CHECK (points > 0),
    remaining    bigint      NOT NULL,
    expire_time  timestamptz,
    earn_time    timestamptz NOT NULL,
    CONSTRAINT points_lots_remaining CHECK (remaining >= 0 AND remaining <= points)
);
CREATE INDEX points_lots_spend_idx ON points_lots (account_id, expire_time NULLS LAST, earn_time, lot_id)
    WHERE remaining > 0;
CREATE INDEX points_lots_expiry_idx ON points_lots (expire_time) WHERE remaining > 0 AND expire_time IS NOT NULL;

-- Refunds never exceed the refunded transaction: the trigger adds up, the CHECK decides.
ALTER TABLE points_transactions ADD COLUMN refunded_points bigint NOT NULL DEFAULT 0;
ALTER TABLE points_transactions ADD CONSTRAINT points_transactions_refund_limit
    CHECK (refunded_points >= 0 AND refunded_points <= amount);

-- One-off awards: a one-time earn code, a once-per-account event, a referral pair.
CREATE TABLE points_awards (
    org_id                 text NOT NULL,
    program_id             text NOT NULL,
    award_key              text NOT NULL,
    points_transaction_id  uuid NOT NULL REFERENCES points_transactions (points_transaction_id),
    CONSTRAINT points_awards_unique PRIMARY KEY (org_id, program_id, award_key)
);

-- The key that OTPs are HMACed with (an OTP is never stored in clear).
CREATE TABLE otp_keys (
    singleton    boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    secret       bytea       NOT NULL,
    create_time  timestamptz NOT NULL DEFAULT now()
);

-- Applies a posted transfer to the wallet and its lots, in the transfer's transaction:
--   a credit to a wallet raises `posted` and opens a lot (less any overdraft it pays back);
--   a debit from a wallet lowers `posted` and spends lots soonest-expiring first (an EXPIRE
--   spends exactly its lot; a REFUND of an earn spends that earn's lot first); without
--   `overdraft`, a debit the lots cannot cover fails points_wallets_floor;
--   a REFUND adds to the refunded transaction's refunded_points (points_transactions_refund_limit).
CREATE FUNCTION points_apply_transfer() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    posted_after  bigint;
    floor_after   bigint;
    left_to_spend bigint;
    lot           record;
    take          bigint;
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

    IF NEW.points > 0 THEN
        IF posted_after > 0 THEN
            INSERT INTO points_lots (lot_id, account_id, points, remaining, expire_time, earn_time)
                VALUES (NEW.points_transaction_id, NEW.account_id, NEW.amount,
                        LEAST(NEW.amount, posted_after), NEW.expire_time, NEW.create_time);
        END IF;
    ELSIF NEW.points < 0 THEN
        left_to_spend := NEW.amount;
        FOR lot IN
            SELECT l.lot_id, l.remaining FROM points_lots l
             WHERE l.account_id = NEW.account_id AND l.remaining > 0
               AND (NEW.type <> 9 OR l.lot_id = NEW.lot_id)
             ORDER BY (l.lot_id = NEW.refunded_transaction_id) DESC, l.expire_time NULLS LAST,
                      l.earn_time, l.lot_id
               FOR UPDATE
        LOOP
            take := LEAST(lot.remaining, left_to_spend);
            UPDATE points_lots SET remaining = remaining - take WHERE lot_id = lot.lot_id;
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
CREATE TRIGGER points_transactions_apply AFTER INSERT ON points_transactions
    FOR EACH ROW EXECUTE FUNCTION points_apply_transfer();
