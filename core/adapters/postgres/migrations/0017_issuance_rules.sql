-- Issuance rules: an offer's customer list, its issue events (the notification threshold), and
-- coupons of a common code (one per account).

-- The accounts an offer with OfferRules.listed_accounts_only may be issued to.
CREATE TABLE offer_customers (
    offer_id    uuid        NOT NULL REFERENCES offers (offer_id),
    account_id  uuid        NOT NULL,
    org_id      text        NOT NULL,
    add_time    timestamptz NOT NULL,
    PRIMARY KEY (offer_id, account_id)
);

-- Things that happened to an offer that back-office tools watch for, e.g. 'issue_threshold':
-- the issue that left OfferRules.issue_notification_threshold coupons to issue. Written in the
-- transaction of the coupon that caused it.
CREATE TABLE offer_events (
    event_id     uuid        PRIMARY KEY,
    org_id       text        NOT NULL,
    offer_id     uuid        NOT NULL REFERENCES offers (offer_id),
    kind         text        NOT NULL,
    event_time   timestamptz NOT NULL,
    detail       jsonb       NOT NULL
);
CREATE INDEX offer_events_offer_idx ON offer_events (offer_id, kind, event_time);

-- A coupon of a common code carries that code: many accounts share it, each at most once.
ALTER TABLE coupons ADD COLUMN common boolean NOT NULL DEFAULT false;
DROP INDEX coupons_code_unique;
CREATE UNIQUE INDEX coupons_code_unique ON coupons (org_id, code) WHERE NOT common;
CREATE UNIQUE INDEX coupons_common_unique ON coupons (offer_id, account_id) WHERE common;
