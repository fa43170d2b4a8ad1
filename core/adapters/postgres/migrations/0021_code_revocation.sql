-- Revoking codes, not only coupons: RevokeCoupons UNISSUED_ONLY and ALL_UNREDEEMED revoke the
-- offer's unissued pooled codes too (org_codes rows without a coupon), and a revoked code can be
-- uploaded again (ImportCodes, or a BulkIssueCoupons row naming it): the transfer of a coupon
-- from one customer to another.
--
-- A code is revoked when its org_codes row has revoke_time set: an unissued code revoked in its
-- pool, or the code of a revoked coupon (so that it may be uploaded again). A revoked code is
-- never drawn from a pool again: the coupon row's trigger refuses it (coupons_code_not_in_pool)
-- and a pool rebuilt from Postgres leaves it out. A redeemed coupon is never revoked (0005), so a
-- redeemed code is never revoked either: uploading it again stays DUPLICATE_CODE.

ALTER TABLE org_codes
    ADD COLUMN revoke_time   timestamptz,
    ADD COLUMN revocation_id uuid;

-- The unissued, unrevoked codes of a series: what its Redis pool holds.
DROP INDEX org_codes_pool_idx;
CREATE INDEX org_codes_pool_idx ON org_codes (code_series_id) WHERE coupon_id IS NULL AND revoke_time IS NULL;
-- The codes one revocation took out of their pools (taken out of Redis after its commit).
CREATE INDEX org_codes_revocation_idx ON org_codes (revocation_id) WHERE revocation_id IS NOT NULL;

-- The codes of revoked coupons issued before this migration are revoked codes too.
UPDATE org_codes o SET revoke_time = c.revoke_time, revocation_id = c.revocation_id
  FROM coupons c
 WHERE c.coupon_id = o.coupon_id AND c.revoke_time IS NOT NULL AND NOT c.common;

-- A code names at most one live (unrevoked) coupon; the revoked coupons of a transferred code
-- keep it, as history.
DROP INDEX coupons_code_unique;
CREATE UNIQUE INDEX coupons_code_unique ON coupons (org_id, code) WHERE NOT common AND revoke_time IS NULL;
CREATE INDEX coupons_code_idx ON coupons (org_id, code) WHERE NOT common;

-- An issued coupon takes its code (as in 0015), and may take a revoked code again: a code named
-- by the issue (a bulk row) or made at issue that the organisation holds revoked becomes this
-- coupon's; held and not revoked, it is refused (org_codes_pkey). A series' code must be in the
-- series' pool still, unrevoked (coupons_code_not_in_pool).
CREATE OR REPLACE FUNCTION coupons_take_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.code_series_id IS NULL AND EXISTS (
        SELECT 1 FROM offers WHERE offer_id = NEW.offer_id AND common_code = NEW.code) THEN
        RETURN NEW;
    END IF;
    IF NEW.code_series_id IS NULL THEN
        INSERT INTO org_codes (org_id, code, offer_id, coupon_id)
        VALUES (NEW.org_id, NEW.code, NEW.offer_id, NEW.coupon_id)
        ON CONFLICT (org_id, code) DO UPDATE
            SET offer_id = EXCLUDED.offer_id, code_series_id = NULL, coupon_id = EXCLUDED.coupon_id,
                revoke_time = NULL, revocation_id = NULL
          WHERE org_codes.revoke_time IS NOT NULL;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'code % is held by the organisation', NEW.code
                USING ERRCODE = 'unique_violation', CONSTRAINT = 'org_codes_pkey';
        END IF;
        RETURN NEW;
    END IF;
    UPDATE org_codes SET coupon_id = NEW.coupon_id
     WHERE org_id = NEW.org_id AND code = NEW.code AND code_series_id = NEW.code_series_id
       AND coupon_id IS NULL AND revoke_time IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'code % is not in the pool of series %', NEW.code, NEW.code_series_id
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'coupons_code_not_in_pool';
    END IF;
    RETURN NEW;
END $$;

-- Revocations (as in 0005), now with codes: the revoked coupons' codes are marked revoked, and
-- modes 1 ALL_UNREDEEMED and 2 UNISSUED_ONLY also revoke every unissued code of the offer's
-- series (locked in code order; a code an issue takes concurrently is either issued first, and
-- then left alone, or revoked first, and then refused to the issue by coupons_take_code).
-- revoked_count counts coupons and codes.
CREATE OR REPLACE FUNCTION coupon_revocations_revoke() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    codes bigint := 0;
BEGIN
    WITH scope AS (
        SELECT coupon_id, use_count FROM coupons
         WHERE offer_id = NEW.offer_id AND revoke_time IS NULL
           AND CASE NEW.mode WHEN 1 THEN true
                             WHEN 2 THEN account_id IS NULL
                             WHEN 3 THEN account_id = ANY (NEW.account_ids)
                             ELSE coupon_id = NEW.coupon_id END
         ORDER BY coupon_id FOR UPDATE),
    revoked AS (
        UPDATE coupons c SET revoke_time = NEW.revoke_time, revocation_id = NEW.revocation_id,
                             state_change_time = NEW.revoke_time
          FROM scope s WHERE c.coupon_id = s.coupon_id AND s.use_count = 0
        RETURNING c.coupon_id, c.org_id, c.code, c.common),
    released AS (
        UPDATE org_codes o SET revoke_time = NEW.revoke_time, revocation_id = NEW.revocation_id
          FROM revoked r WHERE o.org_id = r.org_id AND o.code = r.code AND o.coupon_id = r.coupon_id
           AND NOT r.common
        RETURNING 1)
    SELECT (SELECT count(*) FROM revoked), (SELECT count(*) FROM scope WHERE use_count > 0)
      INTO NEW.revoked_count, NEW.redeemed_count;
    IF NEW.mode = 4 AND NEW.redeemed_count > 0 THEN
        RAISE EXCEPTION 'coupon % has a redemption in effect', NEW.coupon_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'coupon_revocations_coupon_redeemed';
    END IF;
    IF NEW.mode IN (1, 2) THEN
        WITH pooled AS (
            SELECT org_id, code FROM org_codes
             WHERE code_series_id IN (SELECT code_series_id FROM code_series WHERE offer_id = NEW.offer_id)
               AND coupon_id IS NULL AND revoke_time IS NULL
             ORDER BY code FOR UPDATE),
        taken AS (
            UPDATE org_codes o SET revoke_time = NEW.revoke_time, revocation_id = NEW.revocation_id
              FROM pooled p WHERE o.org_id = p.org_id AND o.code = p.code
            RETURNING 1)
        SELECT count(*) INTO codes FROM taken;
        NEW.revoked_count := NEW.revoked_count + codes;
    END IF;
    RETURN NEW;
END $$;
