-- Refunds of captured baskets (CheckoutService.RefundBasket): the returned lines of each, what
-- it took back of the earn (its REFUND points transaction, committed with it) and the coupon
-- redemptions it reversed (their coupon_reversals rows, committed with it).
--
-- refund_seq numbers a basket's refunds 1, 2, ... : a refund is computed from the refunds before
-- it and inserted as the next number, so of two refunds computed from the same state the second
-- to commit hits the primary key and is retried (BASKET_REFUNDED_CONCURRENTLY), never counting a
-- line twice. The trigger refuses a refund of a basket that is not CAPTURED, a gap in the
-- numbering, and returned units beyond the lines' item counts.

CREATE TABLE basket_refunds (
    basket_id                   uuid        NOT NULL REFERENCES baskets (basket_id),
    refund_seq                  integer     NOT NULL CHECK (refund_seq >= 1),
    refund_id                   uuid        NOT NULL UNIQUE,
    lines                       jsonb       NOT NULL,  -- [{"line_index": i, "item_count": n}, ...]
    returned_minor              bigint      NOT NULL CHECK (returned_minor >= 0),
    refunded_points             bigint      NOT NULL DEFAULT 0 CHECK (refunded_points >= 0),
    refund_points_transaction_id uuid,
    reversed_redemption_ids     uuid[]      NOT NULL DEFAULT '{}',
    refund_time                 timestamptz NOT NULL,
    request_id                  text        NOT NULL,
    client_id                   text        NOT NULL,
    PRIMARY KEY (basket_id, refund_seq)
);

CREATE FUNCTION basket_refunds_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    basket baskets%ROWTYPE;
    over integer;
BEGIN
    SELECT * INTO basket FROM baskets WHERE basket_id = NEW.basket_id;
    IF basket.state IS DISTINCT FROM 2 THEN
        RAISE EXCEPTION 'basket % is not captured', NEW.basket_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'basket_refunds_not_captured';
    END IF;
    IF NEW.refund_seq > 1 AND NOT EXISTS (SELECT 1 FROM basket_refunds
                                          WHERE basket_id = NEW.basket_id AND refund_seq = NEW.refund_seq - 1) THEN
        RAISE EXCEPTION 'basket % refund % out of sequence', NEW.basket_id, NEW.refund_seq
            USING ERRCODE = 'check_violation', CONSTRAINT = 'basket_refunds_sequence';
    END IF;
    -- Units returned per line, this refund included, never above the line's item_count.
    SELECT count(*) INTO over FROM (
        SELECT (l ->> 'line_index')::int AS line_index, sum((l ->> 'item_count')::int) AS units
          FROM (SELECT jsonb_array_elements(lines) AS l FROM basket_refunds WHERE basket_id = NEW.basket_id
                UNION ALL SELECT jsonb_array_elements(NEW.lines)) returned
         GROUP BY 1) per_line
     WHERE per_line.line_index < 0
        OR per_line.line_index >= jsonb_array_length(basket.detail -> 'lines')
        OR per_line.units > (basket.detail -> 'lines' -> per_line.line_index ->> 'item_count')::int;
    IF over > 0 THEN
        RAISE EXCEPTION 'basket % refund returns more than was captured', NEW.basket_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'basket_refunds_exceed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER basket_refunds_check BEFORE INSERT ON basket_refunds
    FOR EACH ROW EXECUTE FUNCTION basket_refunds_check();
