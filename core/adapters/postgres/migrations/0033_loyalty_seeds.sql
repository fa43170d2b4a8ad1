-- The loyalty seeds of issue 16 (seeds 004 and 002): card types, earn codes restricted to stores,
-- points as money on the burn side, receipts on earns.

-- Card types (Tier): separate level-up and level-down windows (0: evaluation_days), a default
-- card type (at most one per program), an active flag and an image.
ALTER TABLE tiers ADD COLUMN level_up_evaluation_days   integer NOT NULL DEFAULT 0,
                  ADD COLUMN level_down_evaluation_days integer NOT NULL DEFAULT 0,
                  ADD COLUMN default_tier               boolean NOT NULL DEFAULT false,
                  ADD COLUMN active                     boolean NOT NULL DEFAULT true,
                  ADD COLUMN image_uri                  text    NOT NULL DEFAULT '',
                  ADD COLUMN update_time                timestamptz;
CREATE UNIQUE INDEX tiers_default_unique ON tiers (org_id, program_id) WHERE default_tier;

-- A new default takes the place of the program's previous one.
CREATE FUNCTION tiers_one_default() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.default_tier THEN
        UPDATE tiers SET default_tier = false
            WHERE org_id = NEW.org_id AND program_id = NEW.program_id AND tier_id <> NEW.tier_id AND default_tier;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER tiers_one_default BEFORE INSERT OR UPDATE OF default_tier ON tiers
    FOR EACH ROW EXECUTE FUNCTION tiers_one_default();

-- UpdateTier writes a change row (through the ledger writer); the trigger applies it to the tier
-- it was computed from: if another change landed meanwhile (update_time moved on), it fails with
-- tiers_changed and the handler computes it again.
CREATE TABLE tier_changes (
    tier_id                     uuid        NOT NULL,
    org_id                      text        NOT NULL,
    program_id                  text        NOT NULL,
    previous_update_time        timestamptz,
    display_name                text        NOT NULL,
    target_spend_minor          bigint      NOT NULL,
    min_spend_minor             bigint      NOT NULL,
    multiplier_bps              integer     NOT NULL,
    evaluation_days             integer     NOT NULL,
    points_expiry_seconds       bigint      NOT NULL,
    level_up_evaluation_days    integer     NOT NULL,
    level_down_evaluation_days  integer     NOT NULL,
    default_tier                boolean     NOT NULL,
    active                      boolean     NOT NULL,
    image_uri                   text        NOT NULL,
    update_time                 timestamptz NOT NULL,
    request_id                  text        NOT NULL,
    client_id                   text        NOT NULL,
    PRIMARY KEY (tier_id, update_time)
);

CREATE FUNCTION tier_apply_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tiers SET display_name = NEW.display_name, target_spend_minor = NEW.target_spend_minor,
                     min_spend_minor = NEW.min_spend_minor, multiplier_bps = NEW.multiplier_bps,
                     evaluation_days = NEW.evaluation_days, points_expiry_seconds = NEW.points_expiry_seconds,
                     level_up_evaluation_days = NEW.level_up_evaluation_days,
                     level_down_evaluation_days = NEW.level_down_evaluation_days,
                     default_tier = NEW.default_tier, active = NEW.active, image_uri = NEW.image_uri,
                     update_time = NEW.update_time
        WHERE tier_id = NEW.tier_id AND org_id = NEW.org_id
          AND update_time IS NOT DISTINCT FROM NEW.previous_update_time;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'tier % changed concurrently', NEW.tier_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'tiers_changed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER tier_changes_apply AFTER INSERT ON tier_changes FOR EACH ROW EXECUTE FUNCTION tier_apply_change();

-- Earn codes restricted to stores (CreateEarnCodesRequest.store_ids; empty: any store).
ALTER TABLE earn_code_batches ADD COLUMN store_ids text[] NOT NULL DEFAULT '{}';

-- Points as money (Program.points_value: {"points": n, "value_minor": m}; NULL: none) and receipt
-- numbers (Program.receipt_number_format; '': none). UpdateProgram carries them in its change
-- row; this trigger (after program_changes_apply, by name) applies them to the program the change
-- was just applied to, so 0028's program_apply_change is left as it is.
ALTER TABLE programs ADD COLUMN points_value jsonb,
                     ADD COLUMN receipt_number_format text NOT NULL DEFAULT '';
ALTER TABLE program_changes ADD COLUMN points_value jsonb,
                            ADD COLUMN receipt_number_format text NOT NULL DEFAULT '';

CREATE FUNCTION program_apply_change_seeds_0033() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE programs SET points_value = NEW.points_value, receipt_number_format = NEW.receipt_number_format
        WHERE org_id = NEW.org_id AND program_id = NEW.program_id AND update_time = NEW.update_time;
    RETURN NEW;
END $$;
CREATE TRIGGER program_changes_apply_seeds_0033 AFTER INSERT ON program_changes
    FOR EACH ROW EXECUTE FUNCTION program_apply_change_seeds_0033();

-- REDEEM: the money value of the points burned (Program.points_value, rounded down), in the
-- program's currency (currency_code); NULL when the program states no value.
ALTER TABLE points_transactions ADD COLUMN points_value_minor bigint;

-- Each program's receipt number sequence: the last number handed out (servers take blocks of
-- numbers, so numbers never repeat but may leave gaps).
CREATE TABLE receipt_sequences (
    org_id       text   NOT NULL,
    program_id   text   NOT NULL,
    last_number  bigint NOT NULL CHECK (last_number >= 0),
    PRIMARY KEY (org_id, program_id)
);

-- The receipt of an EarnPoints EARN, written with it by the ledger writer: its number, type,
-- who posted it, its details (JSON, as EarnPointsRequest.receipt_details) and the card type the
-- purchase earned in.
CREATE TABLE earn_receipts (
    points_transaction_id     uuid        PRIMARY KEY,
    org_id                    text        NOT NULL,
    program_id                text        NOT NULL,
    receipt_sequence          bigint,
    receipt_number            text,
    receipt_type              smallint    NOT NULL CHECK (receipt_type IN (1, 2)),
    posted_by                 text        NOT NULL,
    details                   jsonb       NOT NULL DEFAULT '[]',
    card_type_id              uuid,
    card_type_multiplier_bps  integer     NOT NULL,
    create_time               timestamptz NOT NULL,
    CHECK ((receipt_sequence IS NULL) = (receipt_number IS NULL))
);
CREATE UNIQUE INDEX earn_receipts_number_unique ON earn_receipts (org_id, program_id, receipt_sequence);
