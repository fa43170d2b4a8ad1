-- Checkout baskets (CheckoutService): coupons, a points burn and a points earn for one purchase,
-- authorized together, then captured, voided or expired together.
--
-- AuthorizeBasket reserves every part in Redis (its reservations carry the basket's expire_time
-- plus a margin as their deadline) and commits the basket row with its idempotency record. The
-- burn is held in Postgres too: the row's trigger adds it to points_wallets.pending, so the
-- wallet's floor CHECK (posted - pending >= floor) guards it and GetBalance shows it as pending;
-- a wallet reloaded into Redis (posted - pending) keeps it held.
--
-- Every later transition is ONE row of basket_events (at most one per basket: its primary key),
-- whose trigger takes the basket's row lock, so a capture, a void and the expiry sweep racing
-- each other are decided by whichever locks first; the loser gets the state it met:
--   CAPTURED (2): refused once expire_time has passed (event_time >= expire_time); the burn
--                 leaves pending and is posted here (a REDEEM transfer, in the same transaction,
--                 after pending is lowered, so the floor CHECK never sees it twice), under the
--                 epoch the capture was admitted under (the epoch fence applies); the coupon
--                 redemption rows and the EARN transfer are inserted beside it by the capture.
--   VOIDED (3), EXPIRED (4): the burn leaves pending; nothing is posted. EXPIRED only once due.

CREATE TABLE baskets (
    basket_id            uuid        PRIMARY KEY,
    org_id               text        NOT NULL,
    program_id           text        NOT NULL,
    account_id           uuid        NOT NULL,
    store_id             text        NOT NULL,
    transaction_id       text        NOT NULL,
    state                smallint    NOT NULL CHECK (state BETWEEN 1 AND 4),
    burned_points        bigint      NOT NULL DEFAULT 0 CHECK (burned_points >= 0),
    burn_transaction_id  uuid,        -- the REDEEM transfer a capture posts
    burn_request_id      text,        -- its request id (the wallet reservation's, the sweep reads it)
    detail               jsonb       NOT NULL,  -- the Basket as last answered
    holds                jsonb       NOT NULL,  -- the Redis reservations to confirm or release
    authorize_time       timestamptz NOT NULL,
    expire_time          timestamptz NOT NULL,
    capture_time         timestamptz,
    void_time            timestamptz,
    request_id           text        NOT NULL,
    client_id            text        NOT NULL,
    epoch                bigint      NOT NULL
);
-- One live basket per purchase of an account (a voided or expired one may be authorized again).
CREATE UNIQUE INDEX baskets_transaction_unique ON baskets (org_id, account_id, transaction_id)
    WHERE state IN (1, 2);
CREATE INDEX baskets_due_idx ON baskets (expire_time) WHERE state = 1;
CREATE INDEX baskets_account_idx ON baskets (account_id, authorize_time DESC);
CREATE TRIGGER baskets_fence BEFORE INSERT ON baskets
    FOR EACH ROW EXECUTE FUNCTION ledger_epoch_fence();

CREATE FUNCTION baskets_hold_points() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE points_wallets SET pending = pending + NEW.burned_points WHERE account_id = NEW.account_id;
    IF NOT FOUND THEN  -- no wallet: nothing to burn from
        RAISE EXCEPTION 'wallet % cannot cover % points', NEW.account_id, NEW.burned_points
            USING ERRCODE = 'check_violation', CONSTRAINT = 'points_wallets_floor';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER baskets_hold_points AFTER INSERT ON baskets
    FOR EACH ROW WHEN (NEW.burned_points > 0) EXECUTE FUNCTION baskets_hold_points();

CREATE TABLE basket_events (
    basket_id    uuid        PRIMARY KEY REFERENCES baskets (basket_id),
    state        smallint    NOT NULL CHECK (state BETWEEN 2 AND 4),
    event_time   timestamptz NOT NULL,
    detail       jsonb,       -- the Basket as answered after the transition (NULL: keep)
    epoch        bigint,      -- a capture: the Redis epoch it was admitted under (the burn's)
    request_id   text        NOT NULL,
    client_id    text        NOT NULL
);

CREATE FUNCTION basket_events_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    basket baskets%ROWTYPE;
BEGIN
    SELECT * INTO basket FROM baskets WHERE basket_id = NEW.basket_id FOR UPDATE;
    IF basket.state = 2 THEN
        RAISE EXCEPTION 'basket % is captured', NEW.basket_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'baskets_captured';
    ELSIF basket.state = 3 THEN
        RAISE EXCEPTION 'basket % is voided', NEW.basket_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'baskets_voided';
    ELSIF basket.state = 4 OR (NEW.state = 2 AND NEW.event_time >= basket.expire_time) THEN
        RAISE EXCEPTION 'basket % expired', NEW.basket_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'baskets_expired';
    ELSIF NEW.state = 4 AND NEW.event_time < basket.expire_time THEN
        RAISE EXCEPTION 'basket % is not due', NEW.basket_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'basket_events_not_due';
    END IF;
    IF basket.burned_points > 0 THEN
        UPDATE points_wallets SET pending = pending - basket.burned_points WHERE account_id = basket.account_id;
        IF NEW.state = 2 THEN
            INSERT INTO points_transactions (points_transaction_id, org_id, program_id, account_id, type, state,
                                             debit_account, credit_account, amount, points, store_id,
                                             transaction_id, create_time, request_id, client_id, epoch)
                VALUES (basket.burn_transaction_id, basket.org_id, basket.program_id, basket.account_id, 6, 2,
                        'wallet:' || basket.account_id, 'redeemed:' || basket.program_id, basket.burned_points,
                        -basket.burned_points, basket.store_id, basket.transaction_id, NEW.event_time,
                        basket.burn_request_id, basket.client_id, coalesce(NEW.epoch, basket.epoch));
        END IF;
    END IF;
    UPDATE baskets SET state = NEW.state, detail = coalesce(NEW.detail, basket.detail),
                       capture_time = CASE WHEN NEW.state = 2 THEN NEW.event_time END,
                       void_time = CASE WHEN NEW.state <> 2 THEN NEW.event_time END
     WHERE basket_id = NEW.basket_id;
    RETURN NEW;
END $$;
CREATE TRIGGER basket_events_apply BEFORE INSERT ON basket_events
    FOR EACH ROW EXECUTE FUNCTION basket_events_apply();
