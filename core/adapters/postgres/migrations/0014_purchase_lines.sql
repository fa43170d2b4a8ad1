-- The lines of a purchase, kept with its EARN transaction: [[sku, quantity, amount_minor], ...].
ALTER TABLE points_transactions ADD COLUMN lines jsonb;
