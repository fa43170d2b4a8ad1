-- Code series: codes generated or imported ahead of issue, drawn by IssueCoupon.

-- A series of one offer. COMMON series stay offers.common_code (0003); the other types live here.
-- A RANDOM_WITH_PREFIX prefix names one series within an organisation.
CREATE TABLE code_series (
    code_series_id uuid        PRIMARY KEY,
    org_id         text        NOT NULL,
    offer_id       uuid        NOT NULL REFERENCES offers (offer_id),
    type           smallint    NOT NULL,
    alphabet       text        NOT NULL,
    length         smallint    NOT NULL,
    prefix         text        NOT NULL DEFAULT '',
    create_time    timestamptz NOT NULL,
    code_count     bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX code_series_prefix_unique ON code_series (org_id, prefix) WHERE prefix <> '';
CREATE INDEX code_series_offer_idx ON code_series (offer_id, create_time);

-- Every code of an organisation: a series' code (issued or not), the random code of a coupon
-- issued without a series, or an offer's common code (code_series_id and coupon_id NULL). The primary key keeps codes org-unique, across
-- the pools and the issued coupons: Postgres is the last guard for single-use codes.
-- `coupon_id` is NULL while a series' code is in the pool (not issued yet).
CREATE TABLE org_codes (
    org_id         text NOT NULL,
    code           text NOT NULL,
    offer_id       uuid NOT NULL,
    code_series_id uuid,
    coupon_id      uuid,
    PRIMARY KEY (org_id, code)
);
-- The unissued codes of a series, for rebuilding its Redis pool.
CREATE INDEX org_codes_pool_idx ON org_codes (code_series_id) WHERE coupon_id IS NULL;
-- Common codes are entered too (code_series_id and coupon_id NULL), so no series can take one;
-- coupons that carry their offer's common code are not entered again.
INSERT INTO org_codes (org_id, code, offer_id) SELECT org_id, common_code, offer_id FROM offers
    WHERE common_code IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO org_codes (org_id, code, offer_id, coupon_id)
    SELECT c.org_id, c.code, c.offer_id, c.coupon_id FROM coupons c
     WHERE NOT EXISTS (SELECT 1 FROM offers o WHERE o.offer_id = c.offer_id AND o.common_code = c.code)
    ON CONFLICT DO NOTHING;

-- The series a coupon's code was drawn from (NULL: a random code made at issue).
ALTER TABLE coupons ADD COLUMN code_series_id uuid;

-- An issued coupon takes its code: a series' code must be in that series' pool still (a code
-- drawn twice from a stale Redis pool is refused here: coupons_code_not_in_pool); its offer's
-- common code is shared; any other code is registered, and a code the organisation holds
-- already is refused (org_codes_pkey).
CREATE FUNCTION coupons_take_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.code_series_id IS NULL AND EXISTS (
        SELECT 1 FROM offers WHERE offer_id = NEW.offer_id AND common_code = NEW.code) THEN
        RETURN NEW;
    END IF;
    IF NEW.code_series_id IS NULL THEN
        INSERT INTO org_codes (org_id, code, offer_id, coupon_id)
        VALUES (NEW.org_id, NEW.code, NEW.offer_id, NEW.coupon_id);
        RETURN NEW;
    END IF;
    UPDATE org_codes SET coupon_id = NEW.coupon_id
     WHERE org_id = NEW.org_id AND code = NEW.code AND code_series_id = NEW.code_series_id
       AND coupon_id IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'code % is not in the pool of series %', NEW.code, NEW.code_series_id
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'coupons_code_not_in_pool';
    END IF;
    RETURN NEW;
END $$;
-- Runs after coupons_fence (triggers fire in name order).
CREATE TRIGGER coupons_take_code BEFORE INSERT ON coupons FOR EACH ROW EXECUTE FUNCTION coupons_take_code();

-- GenerateCodes requests: the progress each committed batch moves, so that the same request_id
-- resumes after the last committed batch.
CREATE TABLE code_generations (
    client_id       text        NOT NULL,
    request_id      text        NOT NULL,
    org_id          text        NOT NULL,
    code_series_id  uuid        NOT NULL REFERENCES code_series (code_series_id),
    count           bigint      NOT NULL,
    generated_count bigint      NOT NULL DEFAULT 0 CHECK (generated_count BETWEEN 0 AND count),
    create_time     timestamptz NOT NULL,
    update_time     timestamptz NOT NULL,
    PRIMARY KEY (client_id, request_id)
);

-- ImportCodes requests: the response, stored in the import's transaction, and a digest of the
-- series and codes sent, so that a retry replays it and another import under the same
-- request_id is refused.
CREATE TABLE code_imports (
    client_id      text        NOT NULL,
    request_id     text        NOT NULL,
    digest         bytea       NOT NULL,
    response       jsonb       NOT NULL,
    create_time    timestamptz NOT NULL,
    PRIMARY KEY (client_id, request_id)
);
