-- Issued coupons with unique codes, and the per-coupon single-use guard.

-- The fence of 0003 for any ledger table with an `epoch` column: the violation names
-- <table>_epoch_fence.
CREATE FUNCTION ledger_epoch_fence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.epoch <> (SELECT epoch FROM redis_epoch FOR SHARE) THEN
        RAISE EXCEPTION 'row admitted under stale redis epoch %', NEW.epoch
            USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_epoch_fence';
    END IF;
    RETURN NEW;
END $$;

-- A coupon issued to an account. A code names one coupon within an organisation.
CREATE TABLE coupons (
    coupon_id    uuid        PRIMARY KEY,
    org_id       text        NOT NULL,
    offer_id     uuid        NOT NULL REFERENCES offers (offer_id),
    code         text        NOT NULL,
    account_id   uuid        NOT NULL,
    issue_time   timestamptz NOT NULL,
    expire_time  timestamptz,
    request_id   text        NOT NULL,
    client_id    text        NOT NULL,
    epoch        bigint      NOT NULL
);
CREATE UNIQUE INDEX coupons_code_unique ON coupons (org_id, code);
CREATE INDEX coupons_offer_account_idx ON coupons (offer_id, account_id);
CREATE UNIQUE INDEX coupons_request_idx ON coupons (client_id, request_id);
CREATE TRIGGER coupons_fence BEFORE INSERT ON coupons FOR EACH ROW EXECUTE FUNCTION ledger_epoch_fence();

-- Redemptions of issued coupons name the coupon and its use: `coupon_use` is
-- "<coupon_id>:<reversals before it>", so a single-use coupon has at most one redemption per
-- reinstatement, whatever Redis says (the last guard).
ALTER TABLE coupon_redemptions ADD COLUMN coupon_id uuid REFERENCES coupons (coupon_id);
ALTER TABLE coupon_redemptions ADD COLUMN coupon_use text;
CREATE UNIQUE INDEX coupon_redemptions_coupon_use_unique ON coupon_redemptions (coupon_use);
