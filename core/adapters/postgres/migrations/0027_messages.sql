-- Messages to people (README "Events" > "Messages to people"): coupon delivery on issue,
-- ResendCoupon, expiry reminders. One row per message; a worker claims due rows
-- (FOR UPDATE SKIP LOCKED), moves them one lease ahead (a worker killed mid-send leaves the
-- message to be sent again after the lease, with the same message_id), sends, and records the
-- outcome: sent, pending again after a backoff, failed after the attempts, or skipped (nothing to
-- send to: no owner, no phone number / e-mail address).
--
-- Issue: the coupon.issued outbox event (committed with the issue) is the source. A worker turns
-- each such event that is not `messaged` yet into a message (message_id = the event's id) when
-- the offer's channel is SMS or EMAIL, and marks it messaged, in one statement: at most one
-- message per event, none lost.
ALTER TABLE outbox_events ADD COLUMN messaged boolean NOT NULL DEFAULT true;  -- events before this: never
ALTER TABLE outbox_events ALTER COLUMN messaged SET DEFAULT false;
CREATE INDEX outbox_events_unmessaged ON outbox_events (seq) WHERE NOT messaged AND type = 'coupon.issued';

-- Threshold: each new 'issue_threshold' offer event (written with the issue that reached it)
-- becomes one e-mail per contact address of the offer (message_id derived from the event and
-- the address), in the same way.
ALTER TABLE offer_events ADD COLUMN messaged boolean NOT NULL DEFAULT true;
ALTER TABLE offer_events ALTER COLUMN messaged SET DEFAULT false;
CREATE INDEX offer_events_unmessaged ON offer_events (event_time) WHERE NOT messaged AND kind = 'issue_threshold';

CREATE TABLE messages (
    message_id      uuid        PRIMARY KEY,
    org_id          text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('issue', 'resend', 'reminder', 'threshold')),
    channel         text        NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    -- The coupon and its account (none for a threshold e-mail, which names its to_address).
    coupon_id       uuid        REFERENCES coupons (coupon_id),
    offer_id        uuid        NOT NULL REFERENCES offers (offer_id),
    account_id      uuid,
    -- A reminder's key, "<days before>d@<HH:MM>/<channel>": with coupon_id unique, so that two
    -- workers (or two rounds) never queue one reminder of one coupon twice.
    reminder        text,
    state           text        NOT NULL DEFAULT 'pending'
                                CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text        NOT NULL DEFAULT '',
    to_address      text        NOT NULL DEFAULT '',
    create_time     timestamptz NOT NULL,
    sent_at         timestamptz,
    request_id      text,
    client_id       text,
    detail          jsonb,
    CHECK ((kind = 'reminder') = (reminder IS NOT NULL)),
    CHECK ((kind = 'threshold') = (coupon_id IS NULL))
);
CREATE INDEX messages_due ON messages (next_attempt_at) WHERE state = 'pending';
CREATE UNIQUE INDEX reminders_sent ON messages (coupon_id, reminder) WHERE kind = 'reminder';
CREATE INDEX messages_coupon ON messages (org_id, coupon_id);
-- The reminder scan: an offer's unused, unrevoked coupons by expiry.
CREATE INDEX coupons_offer_expire_idx ON coupons (offer_id, expire_time) WHERE revoke_time IS NULL AND use_count = 0;
