-- DeactivateCoupon: an activation event may take the activation back (active = false). Under the
-- coupon's row lock, like a redemption: whichever commits first wins, so a coupon is never
-- redeemed while deactivated, and a redeemed coupon is never deactivated.

ALTER TABLE coupon_activations ADD COLUMN active boolean NOT NULL DEFAULT true;

CREATE OR REPLACE FUNCTION coupon_activations_activate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    coupon coupons%ROWTYPE;
BEGIN
    SELECT * INTO coupon FROM coupons WHERE coupon_id = NEW.coupon_id FOR UPDATE;
    IF coupon.revoke_time IS NOT NULL THEN
        RAISE EXCEPTION 'coupon % is revoked', NEW.coupon_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'coupon_activations_coupon_revoked';
    END IF;
    IF NEW.active THEN
        UPDATE coupons SET activate_time = NEW.activate_time, state_change_time = NEW.activate_time
         WHERE coupon_id = NEW.coupon_id AND activate_time IS NULL;
    ELSE
        IF coupon.use_count > 0 THEN
            RAISE EXCEPTION 'coupon % is redeemed', NEW.coupon_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'coupon_activations_coupon_redeemed';
        END IF;
        UPDATE coupons SET activate_time = NULL, state_change_time = NEW.activate_time
         WHERE coupon_id = NEW.coupon_id AND activate_time IS NOT NULL;
    END IF;
    RETURN NULL;
END $$;
