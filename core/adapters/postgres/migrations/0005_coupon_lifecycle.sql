-- Coupon lifecycle: activation and revocation, and the per-coupon state that follows the ledger's
-- events (redemptions, reversals, activations, revocations) in the same transaction as each event.
--
-- Postgres is the last guard of two rules, whatever Redis said:
--   * a revoked coupon is never redeemed (nor reversed, nor activated);
--   * a coupon with a redemption in effect (use_count > 0) is never revoked.
-- Every event locks the coupon's row (SELECT ... FOR UPDATE, which waits for a concurrent writer
-- and then reads the row as that writer committed it) before it checks and changes it, so a
-- redemption and a revocation of one coupon are serialised by the row lock: whichever locks
-- first wins, and the other sees its outcome. The CHECK below states the invariant once more.

ALTER TABLE coupons
    ADD COLUMN activation_required boolean     NOT NULL DEFAULT false,
    ADD COLUMN activate_time       timestamptz,
    ADD COLUMN revoke_time         timestamptz,
    ADD COLUMN revocation_id       uuid,
    ADD COLUMN use_count           integer     NOT NULL DEFAULT 0,
    ADD COLUMN reversal_count      integer     NOT NULL DEFAULT 0,
    ADD COLUMN last_redeem_time    timestamptz,
    ADD COLUMN state_change_time   timestamptz;

-- The state of coupons issued before this migration, recounted from their events.
UPDATE coupons c
   SET use_count = s.uses, reversal_count = s.reversals, last_redeem_time = s.last_redeem,
       state_change_time = greatest(c.issue_time, s.last_redeem, s.last_reverse)
  FROM (SELECT r.coupon_id, count(*) FILTER (WHERE v.redemption_id IS NULL) AS uses,
               count(v.redemption_id) AS reversals, max(r.redeem_time) AS last_redeem,
               max(v.reverse_time) AS last_reverse
          FROM coupon_redemptions r LEFT JOIN coupon_reversals v USING (redemption_id)
         WHERE r.coupon_id IS NOT NULL GROUP BY r.coupon_id) s
 WHERE s.coupon_id = c.coupon_id;
UPDATE coupons SET state_change_time = issue_time WHERE state_change_time IS NULL;
ALTER TABLE coupons ALTER COLUMN state_change_time SET NOT NULL;

ALTER TABLE coupons
    ADD CONSTRAINT coupons_use_count_not_negative CHECK (use_count >= 0),
    ADD CONSTRAINT coupons_revoked_unused CHECK (revoke_time IS NULL OR use_count = 0);

-- ListAccountCoupons: an account's coupons, newest issue first (keyset pagination).
CREATE INDEX coupons_account_issue_idx ON coupons (org_id, account_id, issue_time DESC, coupon_id DESC);

-- A redemption of an issued coupon takes its use: refused when the coupon is revoked or still
-- waits for its activation. AFTER INSERT: the unique guard of 0004 (coupon_use) has run already.
CREATE FUNCTION coupon_redemptions_take_use() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    coupon coupons%ROWTYPE;
BEGIN
    IF NEW.coupon_id IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT * INTO coupon FROM coupons WHERE coupon_id = NEW.coupon_id FOR UPDATE;
    IF coupon.revoke_time IS NOT NULL THEN
        RAISE EXCEPTION 'coupon % is revoked', NEW.coupon_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'coupon_redemptions_coupon_revoked';
    END IF;
    IF coupon.activation_required AND coupon.activate_time IS NULL THEN
        RAISE EXCEPTION 'coupon % is not activated', NEW.coupon_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'coupon_redemptions_coupon_not_activated';
    END IF;
    UPDATE coupons SET use_count = use_count + 1, last_redeem_time = NEW.redeem_time,
                       state_change_time = NEW.redeem_time
     WHERE coupon_id = NEW.coupon_id;
    RETURN NULL;
END $$;
CREATE TRIGGER coupon_redemptions_take_use AFTER INSERT ON coupon_redemptions
    FOR EACH ROW EXECUTE FUNCTION coupon_redemptions_take_use();

-- A reversal gives the coupon its use back; a revoked coupon's redemptions are never reversed.
-- AFTER INSERT: a second reversal of the same redemption fails on coupon_reversals_pkey first.
CREATE FUNCTION coupon_reversals_give_use_back() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    coupon coupons%ROWTYPE;
BEGIN
    SELECT c.* INTO coupon FROM coupons c JOIN coupon_redemptions r USING (coupon_id)
     WHERE r.redemption_id = NEW.redemption_id FOR UPDATE OF c;
    IF coupon.coupon_id IS NULL THEN
        RETURN NULL;
    END IF;
    IF coupon.revoke_time IS NOT NULL THEN
        RAISE EXCEPTION 'coupon % is revoked', coupon.coupon_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'coupon_reversals_coupon_revoked';
    END IF;
    UPDATE coupons SET use_count = use_count - 1, reversal_count = reversal_count + 1,
                       state_change_time = NEW.reverse_time
     WHERE coupon_id = coupon.coupon_id;
    RETURN NULL;
END $$;
CREATE TRIGGER coupon_reversals_give_use_back AFTER INSERT ON coupon_reversals
    FOR EACH ROW EXECUTE FUNCTION coupon_reversals_give_use_back();

-- Activations (ActivateCoupon), kept as events. The first one sets the coupon's activate_time.
CREATE TABLE coupon_activations (
    coupon_id      uuid        NOT NULL REFERENCES coupons (coupon_id),
    org_id         text        NOT NULL,
    activate_time  timestamptz NOT NULL,
    request_id     text        NOT NULL,
    client_id      text        NOT NULL
);
CREATE INDEX coupon_activations_coupon_idx ON coupon_activations (coupon_id);
CREATE UNIQUE INDEX coupon_activations_request_idx ON coupon_activations (client_id, request_id);

CREATE FUNCTION coupon_activations_activate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    coupon coupons%ROWTYPE;
BEGIN
    SELECT * INTO coupon FROM coupons WHERE coupon_id = NEW.coupon_id FOR UPDATE;
    IF coupon.revoke_time IS NOT NULL THEN
        RAISE EXCEPTION 'coupon % is revoked', NEW.coupon_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'coupon_activations_coupon_revoked';
    END IF;
    UPDATE coupons SET activate_time = NEW.activate_time, state_change_time = NEW.activate_time
     WHERE coupon_id = NEW.coupon_id AND activate_time IS NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER coupon_activations_activate AFTER INSERT ON coupon_activations
    FOR EACH ROW EXECUTE FUNCTION coupon_activations_activate();

-- Revocations (RevokeCoupons, RevokeCoupon), kept as events. The trigger revokes the coupons in
-- scope that have no redemption in effect and records how many it revoked and how many it left
-- alone because they are redeemed.
--   mode 1 ALL_UNREDEEMED, 2 UNISSUED_ONLY (codes not issued to an account: none until generated
--   and imported codes land, as every coupon row is issued), 3 CUSTOMERS (account_ids),
--   4 one coupon (coupon_id; a redeemed coupon fails coupon_revocations_coupon_redeemed).
CREATE TABLE coupon_revocations (
    revocation_id  uuid        PRIMARY KEY,
    org_id         text        NOT NULL,
    offer_id       uuid        NOT NULL REFERENCES offers (offer_id),
    mode           smallint    NOT NULL CHECK (mode BETWEEN 1 AND 4),
    account_ids    uuid[],
    coupon_id      uuid        REFERENCES coupons (coupon_id),
    note           text        NOT NULL,
    revoke_time    timestamptz NOT NULL,
    request_id     text        NOT NULL,
    client_id      text        NOT NULL,
    revoked_count  bigint      NOT NULL DEFAULT 0,
    redeemed_count bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX coupon_revocations_request_idx ON coupon_revocations (client_id, request_id);

CREATE FUNCTION coupon_revocations_revoke() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One statement: lock the scope in coupon_id order (two revocations never deadlock; each
    -- locked row is read as last committed), then revoke the locked rows without a use.
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
        RETURNING c.coupon_id)
    SELECT (SELECT count(*) FROM revoked), (SELECT count(*) FROM scope WHERE use_count > 0)
      INTO NEW.revoked_count, NEW.redeemed_count;
    IF NEW.mode = 4 AND NEW.redeemed_count > 0 THEN
        RAISE EXCEPTION 'coupon % has a redemption in effect', NEW.coupon_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'coupon_revocations_coupon_redeemed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER coupon_revocations_revoke BEFORE INSERT ON coupon_revocations
    FOR EACH ROW EXECUTE FUNCTION coupon_revocations_revoke();
