-- The outbox partitioned by day on occurred_at (README "Postgres growth", issue 17).
--
-- outbox_events takes one row per domain event, so it grows with every redemption, earn and
-- basket. Partitioned by UTC day like idempotency_keys (0030): the partition timer makes the days
-- ahead (core/adapters/postgres/partitions.py OUTBOX_EVENTS), a DEFAULT partition takes a row no
-- day covers, and `rewards-core partitions detach --table outbox_events --before D` takes away old
-- days whose every event is settled (delivered or parked, fanned out, messaged). Rows are never
-- dropped by retention: an event is history.
--
-- Existing rows are not copied: the table becomes the partition of everything before the next
-- UTC midnight ("legacy", FROM (MINVALUE)), keeping its indexes (the parent's are made with the
-- same definitions, so ATTACH adopts them instead of building new ones).
--
-- What stays unique, and how:
-- - event_id: a unique index per partition (`<partition>_request_key`, the legacy partition's old
--   primary key), and the id itself is a fresh random uuid chosen once per row by
--   core/adapters/postgres/outbox.py event_row (a replayed request writes no event: its rows
--   commit with its idempotency record). A unique constraint of the parent would have to include
--   occurred_at, so there is none.
-- - seq: drawn from its sequence (unique by construction; the legacy partition keeps its unique
--   index), so the order of one aggregate's events is kept across partitions.
-- - the foreign keys of webhook_deliveries and event_retries into outbox_events(event_id) cannot
--   point at a partitioned table without the partition key: a trigger on each checks, at insert,
--   that the event exists (under the old constraint names, foreign_key_violation). Nothing
--   deletes an event; detach only takes partitions whose events are settled, and their
--   deliveries stay as history.

ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_event_id_fkey;
ALTER TABLE event_retries DROP CONSTRAINT event_retries_event_id_fkey;

ALTER TABLE outbox_events RENAME TO outbox_events_legacy;
ALTER TABLE outbox_events_legacy RENAME CONSTRAINT outbox_events_pkey TO outbox_events_legacy_request_key;
ALTER TABLE outbox_events_legacy RENAME CONSTRAINT outbox_events_seq_key TO outbox_events_legacy_seq_key;

CREATE TABLE outbox_events (LIKE outbox_events_legacy INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (occurred_at);
ALTER SEQUENCE outbox_events_seq_seq OWNED BY outbox_events.seq;

CREATE TABLE outbox_events_default PARTITION OF outbox_events DEFAULT;
CREATE UNIQUE INDEX outbox_events_default_request_key ON outbox_events_default (event_id);

DO $$
DECLARE
    boundary timestamptz := (date_trunc('day', now() AT TIME ZONE 'UTC') + interval '1 day') AT TIME ZONE 'UTC';
    names text[];
    definitions text[];
BEGIN
    -- Every other index of the table (those of 0026 and 0027, and any added since), by name and
    -- definition; renamed on the legacy partition.
    SELECT coalesce(array_agg(i.indexrelid::regclass::text), '{}'), coalesce(array_agg(pg_get_indexdef(i.indexrelid)), '{}')
      INTO names, definitions
      FROM pg_index i
     WHERE i.indrelid = 'outbox_events_legacy'::regclass
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);
    FOR n IN 1 .. coalesce(array_length(names, 1), 0) LOOP
        EXECUTE format('ALTER INDEX %I RENAME TO %I', names[n],
                       'outbox_events_legacy' || substr(names[n], length('outbox_events') + 1));
    END LOOP;
    -- An event dated past the boundary (a server clock ahead of Postgres) moves to the new table.
    WITH moved AS (DELETE FROM outbox_events_legacy WHERE occurred_at >= boundary RETURNING *)
    INSERT INTO outbox_events SELECT * FROM moved;
    EXECUTE format('ALTER TABLE outbox_events ATTACH PARTITION outbox_events_legacy'
                   ' FOR VALUES FROM (MINVALUE) TO (%L)', boundary);
    -- Each index made again on the parent under its old name: the legacy partition's equal index
    -- is adopted (no build), the default partition's is built (empty).
    FOR n IN 1 .. coalesce(array_length(definitions, 1), 0) LOOP
        EXECUTE replace(replace(definitions[n], ' ON public.outbox_events_legacy ', ' ON public.outbox_events '),
                        ' ON outbox_events_legacy ', ' ON outbox_events ');
    END LOOP;
END $$;

CREATE FUNCTION outbox_event_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM outbox_events WHERE event_id = NEW.event_id) THEN
        RAISE EXCEPTION 'event % is not in outbox_events', NEW.event_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_TABLE_NAME || '_event_id_fkey',
                  TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER webhook_deliveries_event_exists BEFORE INSERT ON webhook_deliveries
    FOR EACH ROW EXECUTE FUNCTION outbox_event_exists();
CREATE TRIGGER event_retries_event_exists BEFORE INSERT ON event_retries
    FOR EACH ROW EXECUTE FUNCTION outbox_event_exists();
