-- EXTRAPOINT and MULTIPLIER coupons are redeemed by the earn they are applied to: their
-- redemption names the earn's points transaction, so a full refund of the earn reverses them.
ALTER TABLE coupon_redemptions ADD COLUMN points_transaction_id uuid;
CREATE INDEX coupon_redemptions_points_transaction_idx ON coupon_redemptions (points_transaction_id)
    WHERE points_transaction_id IS NOT NULL;
