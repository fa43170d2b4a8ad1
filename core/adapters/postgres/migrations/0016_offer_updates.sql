-- Offers: updates (UpdateOffer), listing (ListOffers, ListDeals) and currency rates.

-- UpdateOffer writes a change row through the ledger writer; the trigger applies it to the
-- offer in one statement, only if the offer is still at the version the change was computed
-- from (optimistic: a concurrent change or activation moved it on -> offers_changed, and the
-- handler computes the change again, or answers OFFER_ETAG_MISMATCH when an etag was given).
CREATE TABLE offer_changes (
    offer_id          uuid        NOT NULL REFERENCES offers (offer_id),
    version           bigint      NOT NULL,  -- the offer's version after the change
    org_id            text        NOT NULL,
    previous_version  bigint      NOT NULL,
    definition        jsonb       NOT NULL,
    update_time       timestamptz NOT NULL,
    request_id        text        NOT NULL,
    client_id         text        NOT NULL,
    PRIMARY KEY (offer_id, version)
);

CREATE FUNCTION offer_apply_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE offers SET definition = NEW.definition, version = NEW.version, update_time = NEW.update_time
        WHERE offer_id = NEW.offer_id AND org_id = NEW.org_id AND version = NEW.previous_version;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'offer % changed concurrently', NEW.offer_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'offers_changed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER offer_changes_apply AFTER INSERT ON offer_changes
    FOR EACH ROW EXECUTE FUNCTION offer_apply_change();

-- ListOffers: a program's offers newest first; ListDeals: a program's ACTIVE offers.
CREATE INDEX offers_program_order_idx ON offers (org_id, program_id, create_time DESC, offer_id DESC);
CREATE INDEX offers_program_state_idx ON offers (org_id, program_id, state);

-- Exchange rates per organisation, for rewards in a currency other than the bill's:
-- 1 unit of from_currency = rate units of to_currency (an exact decimal, never a float).
-- Maintained by `rewards-core rates set`.
CREATE TABLE currency_rates (
    org_id         text        NOT NULL,
    from_currency  text        NOT NULL CHECK (from_currency ~ '^[A-Z]{3}$'),
    to_currency    text        NOT NULL CHECK (to_currency ~ '^[A-Z]{3}$'),
    rate           numeric     NOT NULL CHECK (rate > 0),
    update_time    timestamptz NOT NULL,
    PRIMARY KEY (org_id, from_currency, to_currency),
    CHECK (from_currency <> to_currency)
);
