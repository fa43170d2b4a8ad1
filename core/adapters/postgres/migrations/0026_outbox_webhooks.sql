-- Transactional outbox and webhooks (DESIGN.md section 5b, README "Events").
--
-- outbox_events: one row per domain event, inserted by the handler in the SAME transaction as the
-- change it reports (with the request's idempotency record: a replayed request writes nothing, so
-- no event twice). `seq` orders the events of one aggregate: an event is committed after the
-- change it depends on, so a later event of an aggregate has a higher seq.
--
-- Delivery: a worker fans an event out (dispatched = false -> one webhook_deliveries row per
-- webhook of the org subscribed to its type), then delivers each delivery row at least once. The
-- event's state is derived from its deliveries: PENDING while any is pending (or it is not fanned
-- out yet), FAILED when one was parked as failed, DELIVERED otherwise (also with no subscriber).
-- Ordering per aggregate: a delivery is claimed only when no earlier event (lower seq) of the same
-- aggregate is still PENDING, so an aggregate's later event never goes out before an earlier one
-- was delivered or parked.

CREATE TABLE outbox_events (
    event_id        uuid        PRIMARY KEY,
    seq             bigserial   NOT NULL UNIQUE,
    org_id          text        NOT NULL,
    type            text        NOT NULL,
    aggregate_type  text        NOT NULL,
    aggregate_id    text        NOT NULL,
    payload         jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL,
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    dispatched      boolean     NOT NULL DEFAULT false,
    settled_at      timestamptz
);
CREATE INDEX outbox_events_undispatched ON outbox_events (seq) WHERE NOT dispatched;
CREATE INDEX outbox_events_aggregate_pending ON outbox_events (org_id, aggregate_type, aggregate_id, seq)
    WHERE state = 'pending';
CREATE INDEX outbox_events_list ON outbox_events (org_id, seq);

-- Webhooks: the current state, maintained by the trigger of webhook_changes (insert-only: the
-- ledger writer only inserts; a change's version is the webhook's previous version + 1, so two
-- concurrent changes of one webhook cannot both commit: webhook_changes_pkey).
CREATE TABLE webhooks (
    webhook_id      uuid        PRIMARY KEY,
    org_id          text        NOT NULL,
    url             text        NOT NULL,
    event_types     text[]      NOT NULL,
    secret_sealed   bytea       NOT NULL,
    version         integer     NOT NULL,
    deleted         boolean     NOT NULL DEFAULT false,
    create_time     timestamptz NOT NULL,
    update_time     timestamptz NOT NULL
);
CREATE INDEX webhooks_org ON webhooks (org_id) WHERE NOT deleted;

CREATE TABLE webhook_changes (
    webhook_id      uuid        NOT NULL,
    version         integer     NOT NULL CHECK (version >= 1),
    org_id          text        NOT NULL,
    url             text        NOT NULL,
    event_types     text[]      NOT NULL,
    secret_sealed   bytea       NOT NULL,
    deleted         boolean     NOT NULL,
    change_time     timestamptz NOT NULL,
    request_id      text        NOT NULL,
    client_id       text        NOT NULL,
    PRIMARY KEY (webhook_id, version)
);

CREATE FUNCTION webhook_changes_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version = 1 THEN
        INSERT INTO webhooks (webhook_id, org_id, url, event_types, secret_sealed, version, deleted,
                              create_time, update_time)
        VALUES (NEW.webhook_id, NEW.org_id, NEW.url, NEW.event_types, NEW.secret_sealed, 1, NEW.deleted,
                NEW.change_time, NEW.change_time);
    ELSE
        UPDATE webhooks SET url = NEW.url, event_types = NEW.event_types, secret_sealed = NEW.secret_sealed,
                            version = NEW.version, deleted = NEW.deleted, update_time = NEW.change_time
         WHERE webhook_id = NEW.webhook_id AND org_id = NEW.org_id AND version = NEW.version - 1
           AND NOT deleted;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'webhook % changed concurrently', NEW.webhook_id
                USING ERRCODE = 'unique_violation', CONSTRAINT = 'webhook_changes_pkey';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER webhook_changes_apply AFTER INSERT ON webhook_changes
    FOR EACH ROW EXECUTE FUNCTION webhook_changes_apply();

-- One delivery per (event, webhook): attempts so far, when the next may start (a claim moves it
-- one lease ahead, so a worker killed mid-delivery leaves it to be redelivered after the lease),
-- the last failure.
CREATE TABLE webhook_deliveries (
    event_id        uuid        NOT NULL REFERENCES outbox_events (event_id),
    webhook_id      uuid        NOT NULL REFERENCES webhooks (webhook_id),
    org_id          text        NOT NULL,
    seq             bigint      NOT NULL,
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text        NOT NULL DEFAULT '',
    delivered_at    timestamptz,
    PRIMARY KEY (event_id, webhook_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';

-- RetryEvent: an insert-only row whose trigger puts a FAILED event back to PENDING (its parked
-- deliveries start again from attempt 0, due now). Refused (event_retries_not_failed) when the
-- event is not FAILED, so a retry is decided under the event's row lock, like a delivery's end.
CREATE TABLE event_retries (
    event_id    uuid        NOT NULL REFERENCES outbox_events (event_id),
    org_id      text        NOT NULL,
    retry_time  timestamptz NOT NULL,
    request_id  text        NOT NULL,
    client_id   text        NOT NULL,
    PRIMARY KEY (client_id, request_id)
);

CREATE FUNCTION event_retries_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE outbox_events SET state = 'pending', settled_at = NULL
     WHERE event_id = NEW.event_id AND org_id = NEW.org_id AND state = 'failed';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'event % is not failed', NEW.event_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'event_retries_not_failed';
    END IF;
    UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = now(), last_error = ''
     WHERE event_id = NEW.event_id AND state = 'failed';
    RETURN NEW;
END $$;
CREATE TRIGGER event_retries_apply AFTER INSERT ON event_retries
    FOR EACH ROW EXECUTE FUNCTION event_retries_apply();
