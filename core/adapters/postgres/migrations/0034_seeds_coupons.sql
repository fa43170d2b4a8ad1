-- Seed 001 and 003, coupons/accounts part (issue 16): the user's gender code, interaction
-- points (tills, e-shops) mapped to a store, the interaction point and store on the ledger rows,
-- and the indexes of the domain Search.

-- The user's gender code (seed 001 genderCode): 0 = not given, else core/domain/accounts.py
-- GenderCode. user_changes carries it like every other field of the user's complete new data;
-- its own trigger applies it after user_changes_apply (triggers of one event fire in name order,
-- and user_changes_apply has already checked the version and updated the row), so this migration
-- does not replace user_changes_apply, which other migrations may extend.
ALTER TABLE users ADD COLUMN gender_code smallint NOT NULL DEFAULT 0;
ALTER TABLE user_changes ADD COLUMN gender_code smallint NOT NULL DEFAULT 0;

CREATE FUNCTION user_changes_apply_gender_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users SET gender_code = NEW.gender_code
    WHERE user_id = NEW.user_id AND org_id = NEW.org_id AND gender_code IS DISTINCT FROM NEW.gender_code;
    RETURN NEW;
END $$;
CREATE TRIGGER user_changes_apply_gender_code BEFORE INSERT ON user_changes
    FOR EACH ROW EXECUTE FUNCTION user_changes_apply_gender_code();
