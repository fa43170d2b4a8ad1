-- Coupons: offers, issued coupons, redemptions (the coupon ledger).

-- An offer and its rules. `definition` holds the rules as JSON (core/domain/coupons.py reads it);
-- `version` grows with every change so that workers can cache offers safely.
CREATE TABLE offers (
    offer_id      uuid        PRIMARY KEY,
    org_id        text        NOT NULL,
    program_id    text        NOT NULL,
    state         smallint    NOT NULL,
    definition    jsonb       NOT NULL,
    common_code   text,
    version       bigint      NOT NULL DEFAULT 1,
    create_time   timestamptz NOT NULL,
    update_time   timestamptz NOT NULL
);
-- A common code names one offer within an organisation.
CREATE UNIQUE INDEX offers_common_code_unique ON offers (org_id, common_code) WHERE common_code IS NOT NULL;

-- One row per redemption; `epoch` is the Redis epoch the redemption was admitted under (a commit
-- under an older epoch is refused by the fence trigger below). Reversal sets reverse_time once.
CREATE TABLE coupon_redemptions (
    redemption_id  uuid        PRIMARY KEY,
    org_id         text        NOT NULL,
    offer_id       uuid        NOT NULL REFERENCES offers (offer_id),
    code           text        NOT NULL,
    account_id     uuid        NOT NULL,
    store_id       text        NOT NULL,
    bill_minor     bigint      NOT NULL,
    currency_code  text        NOT NULL,
    discount_minor bigint      NOT NULL,
    request_id     text        NOT NULL,
    client_id      text        NOT NULL,
    epoch          bigint      NOT NULL,
    redeem_time    timestamptz NOT NULL
);
CREATE INDEX coupon_redemptions_offer_account_idx ON coupon_redemptions (offer_id, account_id);
CREATE UNIQUE INDEX coupon_redemptions_request_idx ON coupon_redemptions (client_id, request_id);

-- Fencing: a redemption admitted under a Redis epoch that has since been rebuilt must not land,
-- because the rebuilt counters did not include its reservation. FOR SHARE makes a rebuild (which
-- updates the epoch row and counts in the same transaction) wait for redemptions already past
-- this check, so each one is either counted by the rebuild or refused here.
CREATE FUNCTION coupon_redemptions_fence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.epoch <> (SELECT epoch FROM redis_epoch FOR SHARE) THEN
        RAISE EXCEPTION 'redemption admitted under stale redis epoch %', NEW.epoch
            USING ERRCODE = 'check_violation', CONSTRAINT = 'coupon_redemptions_epoch_fence';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER coupon_redemptions_fence BEFORE INSERT ON coupon_redemptions
    FOR EACH ROW EXECUTE FUNCTION coupon_redemptions_fence();

-- A reversal gives a redemption's use back, once: the primary key is the guard.
CREATE TABLE coupon_reversals (
    redemption_id  uuid        PRIMARY KEY REFERENCES coupon_redemptions (redemption_id),
    request_id     text        NOT NULL,
    client_id      text        NOT NULL,
    reverse_time   timestamptz NOT NULL
);
