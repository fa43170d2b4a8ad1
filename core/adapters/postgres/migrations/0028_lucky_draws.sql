-- Lucky draws (Program.lucky_draw, seed 004) and the registered-members-only policy
-- (Program.earn_requires_owner / burn_requires_owner, seed 001).
--
-- A program's lucky-draw policy is its `lucky_draw` JSON (core/domain/lucky_draws.py
-- LuckyDrawPolicy.to_json; NULL: no lucky draws).
ALTER TABLE programs ADD COLUMN lucky_draw jsonb,
                     ADD COLUMN earn_requires_owner boolean NOT NULL DEFAULT false,
                     ADD COLUMN burn_requires_owner boolean NOT NULL DEFAULT false;
ALTER TABLE program_changes ADD COLUMN lucky_draw jsonb,
                            ADD COLUMN earn_requires_owner boolean NOT NULL DEFAULT false,
                            ADD COLUMN burn_requires_owner boolean NOT NULL DEFAULT false;

-- program_apply_change as in 0008, with the three new fields.
CREATE OR REPLACE FUNCTION program_apply_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE programs SET display_name = NEW.display_name, time_zone = NEW.time_zone,
                        points_expiry = NEW.points_expiry, points_expiry_mode = NEW.points_expiry_mode,
                        points_expiry_months = NEW.points_expiry_months,
                        min_redemption_balance_points = NEW.min_redemption_balance_points,
                        min_remaining_balance_points = NEW.min_remaining_balance_points,
                        min_redeem_points = NEW.min_redeem_points,
                        allow_negative_refund = NEW.allow_negative_refund,
                        lucky_draw = NEW.lucky_draw, earn_requires_owner = NEW.earn_requires_owner,
                        burn_requires_owner = NEW.burn_requires_owner, update_time = NEW.update_time
        WHERE org_id = NEW.org_id AND program_id = NEW.program_id AND update_time = NEW.previous_update_time;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'program % changed concurrently', NEW.program_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'programs_changed';
    END IF;
    RETURN NEW;
END $$;

-- Each program's lucky-draw number sequence: the last number given (0 before the first).
CREATE TABLE lucky_draw_sequences (
    org_id       text   NOT NULL,
    program_id   text   NOT NULL,
    last_number  bigint NOT NULL CHECK (last_number >= 0),
    PRIMARY KEY (org_id, program_id)
);

-- The lucky-draw points and numbers of one EARN, inserted by the ledger writer with the earn's
-- points_transactions row. The service gives `count` (the lucky-draw points); the BEFORE INSERT
-- trigger takes the range from the program's sequence row, which it locks until the earn's
-- transaction ends: the range commits with the earn or not at all (no gap when an earn fails,
-- no overlap under concurrency), and concurrent earns of a program take their ranges one after
-- the other. first_number/last_number sent by the service are ignored.
CREATE TABLE lucky_draw_entries (
    -- The EARN (no foreign key: written in the same ledger write as it, and kept out of the way
    -- of a partitioning of points_transactions).
    points_transaction_id       uuid        PRIMARY KEY,
    org_id                      text        NOT NULL,
    program_id                  text        NOT NULL,
    account_id                  uuid        NOT NULL,
    draw_period                 text        NOT NULL,
    regular_points              bigint      NOT NULL CHECK (regular_points >= 0),
    bonus_points                bigint      NOT NULL,
    reward_points               bigint      NOT NULL,
    count                       bigint      NOT NULL CHECK (count > 0),
    first_number                bigint,
    last_number                 bigint,
    number_width                smallint    NOT NULL CHECK (number_width BETWEEN 1 AND 18),
    state                       smallint    NOT NULL DEFAULT 1,  -- 1 ACTIVE, 2 VOIDED
    void_transaction_id         uuid,
    void_time                   timestamptz,
    create_time                 timestamptz NOT NULL,
    CHECK (count = regular_points + bonus_points + reward_points),
    CONSTRAINT lucky_draw_entries_range CHECK (last_number - first_number + 1 = count)
);
CREATE UNIQUE INDEX lucky_draw_entries_numbers ON lucky_draw_entries (org_id, program_id, first_number);
CREATE INDEX lucky_draw_entries_period_idx ON lucky_draw_entries (org_id, program_id, draw_period, first_number);
CREATE INDEX lucky_draw_entries_account_idx
    ON lucky_draw_entries (account_id, create_time DESC, points_transaction_id DESC);

CREATE FUNCTION lucky_draw_allocate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last bigint;
BEGIN
    INSERT INTO lucky_draw_sequences AS s (org_id, program_id, last_number)
        VALUES (NEW.org_id, NEW.program_id, NEW.count)
        ON CONFLICT (org_id, program_id) DO UPDATE SET last_number = s.last_number + EXCLUDED.last_number
        RETURNING s.last_number INTO last;
    NEW.first_number := last - NEW.count + 1;
    NEW.last_number := last;
    NEW.state := 1;
    NEW.void_transaction_id := NULL;
    NEW.void_time := NULL;
    RETURN NEW;
END $$;
CREATE TRIGGER lucky_draw_entries_allocate BEFORE INSERT ON lucky_draw_entries
    FOR EACH ROW EXECUTE FUNCTION lucky_draw_allocate();

-- A REFUND (8) or VOID (10) of an earn voids its range, in the same transaction (the first one
-- that does is recorded).
CREATE FUNCTION lucky_draw_void() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE lucky_draw_entries SET state = 2, void_transaction_id = NEW.points_transaction_id,
                                  void_time = NEW.create_time
        WHERE points_transaction_id = NEW.refunded_transaction_id AND state = 1;
    RETURN NEW;
END $$;
CREATE TRIGGER points_transactions_lucky_draw_void AFTER INSERT ON points_transactions
    FOR EACH ROW WHEN (NEW.type IN (8, 10) AND NEW.refunded_transaction_id IS NOT NULL)
    EXECUTE FUNCTION lucky_draw_void();
