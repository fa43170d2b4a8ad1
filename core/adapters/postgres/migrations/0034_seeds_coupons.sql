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

-- Interaction points (seed 001 interaction-id): tills, e-shops, apps, kiosks of an organisation,
-- each mapped to a store (and optionally the store's zone and concept). A deleted point keeps
-- its row (delete_time) for the ledger rows that name it; its id may be registered again.
CREATE TABLE interaction_points (
    point_key             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id                text        NOT NULL,
    interaction_point_id  text        NOT NULL,
    kind                  smallint    NOT NULL,
    store_id              text        NOT NULL,
    zone_id               text        NOT NULL,
    concept_id            text        NOT NULL,
    display_name          text        NOT NULL,
    create_time           timestamptz NOT NULL,
    client_id             text        NOT NULL,
    request_id            text        NOT NULL,
    delete_time           timestamptz
);
-- One live point per id and organisation; also the lookup of the edge and the list's keyset.
CREATE UNIQUE INDEX interaction_points_live_unique ON interaction_points
    (org_id, interaction_point_id COLLATE "C") WHERE delete_time IS NULL;
CREATE INDEX interaction_points_store_idx ON interaction_points
    (org_id, store_id, interaction_point_id COLLATE "C") WHERE delete_time IS NULL;

-- A deletion is a row (the ledger writer only inserts): its trigger ends the live point, and
-- refuses (interaction_point_deletions_live) when there is none, e.g. a concurrent deletion.
CREATE TABLE interaction_point_deletions (
    deletion_id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id                text        NOT NULL,
    interaction_point_id  text        NOT NULL,
    delete_time           timestamptz NOT NULL,
    client_id             text        NOT NULL,
    request_id            text        NOT NULL
);

CREATE FUNCTION interaction_point_deletions_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE interaction_points SET delete_time = NEW.delete_time
    WHERE org_id = NEW.org_id AND interaction_point_id = NEW.interaction_point_id AND delete_time IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no live interaction point % in %', NEW.interaction_point_id, NEW.org_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'interaction_point_deletions_live';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER interaction_point_deletions_apply BEFORE INSERT ON interaction_point_deletions
    FOR EACH ROW EXECUTE FUNCTION interaction_point_deletions_apply();

-- The interaction point a ledger row was made at ("bon-to-store": the row's store_id is then
-- the point's store). NULL: the request named none.
ALTER TABLE coupon_redemptions ADD COLUMN interaction_point_id text;
ALTER TABLE points_transactions ADD COLUMN interaction_point_id text;

-- The domain Search (seed 001; core/adapters/postgres/search.py). pg_trgm is not in the
-- embedded Postgres, so text is matched by prefix: accounts through account_identifiers_search_idx
-- and users_search_idx (0007); offers through full text over their name, description and
-- content titles (a GIN expression index, so the offers table is not rewritten); issued coupons
-- through a prefix index on the lower-cased code (built here on the existing rows: on a large
-- coupons table run this migration in a quiet hour).
CREATE FUNCTION offer_search_document(definition jsonb) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple'::regconfig,
        coalesce(definition ->> 'display_name', '') || ' ' || coalesce(definition ->> 'description', '') || ' ' ||
        coalesce(jsonb_path_query_array(definition, '$.content.texts[*][1]')::text, ''))
$$;
CREATE INDEX offers_search_idx ON offers USING gin (offer_search_document(definition));
-- In the "C" collation one btree serves both the prefix (LIKE 'x%') and the page order.
CREATE INDEX coupons_code_search_idx ON coupons (org_id, (lower(code) COLLATE "C"));
