-- Loyalty programs: programs, their earn rules and tiers, and one-time earn codes.
-- core/domain/loyalty.py holds the rules; core/service/programs.py reads and writes these rows.

-- A program of an organisation, named by a client-chosen id.
CREATE TABLE programs (
    org_id                         text        NOT NULL,
    program_id                     text        NOT NULL,
    display_name                   text        NOT NULL,
    currency_code                  text        NOT NULL CHECK (currency_code ~ '^[A-Z]{3}$'),
    time_zone                      text        NOT NULL,
    points_expiry                  interval,   -- NULL: points never expire (DURATION mode)
    points_expiry_mode             smallint    NOT NULL,
    points_expiry_months           integer     NOT NULL CHECK (points_expiry_months BETWEEN 0 AND 120),
    min_redemption_balance_points  bigint      NOT NULL CHECK (min_redemption_balance_points >= 0),
    min_remaining_balance_points   bigint      NOT NULL CHECK (min_remaining_balance_points >= 0),
    min_redeem_points              bigint      NOT NULL CHECK (min_redeem_points >= 0),
    allow_negative_refund          boolean     NOT NULL,
    create_time                    timestamptz NOT NULL,
    update_time                    timestamptz NOT NULL,
    PRIMARY KEY (org_id, program_id)
);

-- Earn rules are written as an append-only change log (through the ledger writer, like every
-- other write); a trigger keeps `earn_rules`, the current state, in step:
--   version 1 creates the rule (at most 100 live rules per program: earn_rules_limit);
--   version n+1 changes version n of a live rule, or deletes it (`deleted`); a change that lost
--   a race with another change of the same version fails (earn_rule_changes_pkey), as does a
--   change of a rule deleted meanwhile (earn_rules_changed).
-- `config` is the rule's oneof as JSON ({"kind": "ratio", ...}; core/domain/loyalty.py
-- config_to_json); its kind never changes. `etag` changes on every version.
CREATE TABLE earn_rule_changes (
    earn_rule_id  uuid        NOT NULL,
    version       integer     NOT NULL CHECK (version >= 1),
    org_id        text        NOT NULL,
    program_id    text        NOT NULL,
    display_name  text        NOT NULL,
    kind          smallint    NOT NULL,
    config        jsonb       NOT NULL,
    etag          text        NOT NULL,
    deleted       boolean     NOT NULL DEFAULT false,
    change_time   timestamptz NOT NULL,
    request_id    text        NOT NULL,
    client_id     text        NOT NULL,
    CONSTRAINT earn_rule_changes_pkey PRIMARY KEY (earn_rule_id, version),
    CONSTRAINT earn_rule_changes_program_fkey FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, program_id)
);

CREATE TABLE earn_rules (
    earn_rule_id  uuid        PRIMARY KEY,
    org_id        text        NOT NULL,
    program_id    text        NOT NULL,
    display_name  text        NOT NULL,
    kind          smallint    NOT NULL,
    config        jsonb       NOT NULL,
    etag          text        NOT NULL,
    version       integer     NOT NULL,
    create_time   timestamptz NOT NULL,
    update_time   timestamptz NOT NULL,
    delete_time   timestamptz  -- deleted rules keep their row: points earned under them stay explainable
);
-- The live rules of a program, oldest first (ListEarnRules pages and load_rules).
CREATE INDEX earn_rules_program_idx ON earn_rules (org_id, program_id, create_time, earn_rule_id)
    WHERE delete_time IS NULL;

CREATE FUNCTION earn_rule_apply_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version = 1 THEN
        -- Serialise creations per program, then count: the limit holds under concurrency.
        PERFORM 1 FROM programs WHERE org_id = NEW.org_id AND program_id = NEW.program_id FOR UPDATE;
        IF (SELECT count(*) FROM earn_rules WHERE org_id = NEW.org_id AND program_id = NEW.program_id
                AND delete_time IS NULL) >= 100 THEN
            RAISE EXCEPTION 'program % has the maximum number of earn rules', NEW.program_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'earn_rules_limit';
        END IF;
        INSERT INTO earn_rules (earn_rule_id, org_id, program_id, display_name, kind, config, etag, version,
                                create_time, update_time)
            VALUES (NEW.earn_rule_id, NEW.org_id, NEW.program_id, NEW.display_name, NEW.kind, NEW.config,
                    NEW.etag, 1, NEW.change_time, NEW.change_time);
        RETURN NEW;
    END IF;
    UPDATE earn_rules SET display_name = NEW.display_name, config = NEW.config, etag = NEW.etag,
                          version = NEW.version, update_time = NEW.change_time,
                          delete_time = CASE WHEN NEW.deleted THEN NEW.change_time END
        WHERE earn_rule_id = NEW.earn_rule_id AND version = NEW.version - 1 AND delete_time IS NULL
          AND kind = NEW.kind;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'earn rule % is not at version %', NEW.earn_rule_id, NEW.version - 1
            USING ERRCODE = 'check_violation', CONSTRAINT = 'earn_rules_changed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER earn_rule_changes_apply AFTER INSERT ON earn_rule_changes
    FOR EACH ROW EXECUTE FUNCTION earn_rule_apply_change();

-- A membership level. Its target spend is unique in the program.
CREATE TABLE tiers (
    tier_id             uuid        PRIMARY KEY,
    org_id              text        NOT NULL,
    program_id          text        NOT NULL,
    display_name        text        NOT NULL,
    target_spend_minor  bigint      NOT NULL CHECK (target_spend_minor >= 0),
    min_spend_minor     bigint      NOT NULL CHECK (min_spend_minor BETWEEN 0 AND target_spend_minor),
    multiplier_bps      integer     NOT NULL CHECK (multiplier_bps BETWEEN 10000 AND 1000000),
    evaluation_days     integer     NOT NULL CHECK (evaluation_days BETWEEN 1 AND 3660),
    create_time         timestamptz NOT NULL,
    CONSTRAINT tiers_program_fkey FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, program_id)
);
CREATE UNIQUE INDEX tiers_target_spend_unique ON tiers (org_id, program_id, target_spend_minor);

-- At most 16 tiers per program, under concurrency (creations serialise on the program row).
CREATE FUNCTION tiers_limit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM programs WHERE org_id = NEW.org_id AND program_id = NEW.program_id FOR UPDATE;
    IF (SELECT count(*) FROM tiers WHERE org_id = NEW.org_id AND program_id = NEW.program_id) >= 16 THEN
        RAISE EXCEPTION 'program % has the maximum number of tiers', NEW.program_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'tiers_limit';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER tiers_limit BEFORE INSERT ON tiers FOR EACH ROW EXECUTE FUNCTION tiers_limit();

-- A CreateEarnCodes request: what it creates. Its codes are generated and inserted in chunks of
-- at most 10,000 (one COPY and one transaction each, chunk 0, 1, ...); a chunk is all there or
-- not at all, so a retry streams the chunks that exist and creates only the missing ones.
CREATE TABLE earn_code_batches (
    batch_id      uuid        PRIMARY KEY,
    org_id        text        NOT NULL,
    program_id    text        NOT NULL,
    points        bigint      NOT NULL CHECK (points > 0),
    code_count    bigint      NOT NULL CHECK (code_count > 0),
    prefix        text        NOT NULL,
    code_length   integer     NOT NULL,
    expire_time   timestamptz NOT NULL,
    create_time   timestamptz NOT NULL,
    CONSTRAINT earn_code_batches_program_fkey FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, program_id)
);

-- One-time earn codes, stored upper-case; LoyaltyService.EarnByCode reads them (its use is
-- recorded in points_awards as "code:<code>"). A code is unique in its program.
CREATE TABLE earn_codes (
    org_id       text        NOT NULL,
    program_id   text        NOT NULL,
    code         text        NOT NULL CHECK (code = upper(code)),
    batch_id     uuid        NOT NULL,
    points       bigint      NOT NULL CHECK (points > 0),
    expire_time  timestamptz,
    create_time  timestamptz NOT NULL,
    chunk        integer     NOT NULL DEFAULT 0,  -- the batch's chunk that created it
    PRIMARY KEY (org_id, program_id, code)
);
CREATE INDEX earn_codes_batch_idx ON earn_codes (batch_id, chunk);

-- UpdateProgram writes a change row (through the ledger writer); the trigger applies it to the
-- program it was computed from: if another change landed meanwhile (update_time moved on), it
-- fails with programs_changed and the handler computes it again.
CREATE TABLE program_changes (
    org_id                         text        NOT NULL,
    program_id                     text        NOT NULL,
    previous_update_time           timestamptz NOT NULL,
    display_name                   text        NOT NULL,
    time_zone                      text        NOT NULL,
    points_expiry                  interval,
    points_expiry_mode             smallint    NOT NULL,
    points_expiry_months           integer     NOT NULL,
    min_redemption_balance_points  bigint      NOT NULL,
    min_remaining_balance_points   bigint      NOT NULL,
    min_redeem_points              bigint      NOT NULL,
    allow_negative_refund          boolean     NOT NULL,
    update_time                    timestamptz NOT NULL,
    request_id                     text        NOT NULL,
    client_id                      text        NOT NULL,
    PRIMARY KEY (org_id, program_id, update_time)
);

CREATE FUNCTION program_apply_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE programs SET display_name = NEW.display_name, time_zone = NEW.time_zone,
                        points_expiry = NEW.points_expiry, points_expiry_mode = NEW.points_expiry_mode,
                        points_expiry_months = NEW.points_expiry_months,
                        min_redemption_balance_points = NEW.min_redemption_balance_points,
                        min_remaining_balance_points = NEW.min_remaining_balance_points,
                        min_redeem_points = NEW.min_redeem_points,
                        allow_negative_refund = NEW.allow_negative_refund, update_time = NEW.update_time
        WHERE org_id = NEW.org_id AND program_id = NEW.program_id AND update_time = NEW.previous_update_time;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'program % changed concurrently', NEW.program_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'programs_changed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER program_changes_apply AFTER INSERT ON program_changes
    FOR EACH ROW EXECUTE FUNCTION program_apply_change();
