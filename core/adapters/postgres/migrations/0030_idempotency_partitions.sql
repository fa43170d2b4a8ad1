-- Idempotency records partitioned by day on create_time (README "Postgres growth").
--
-- The records grow with every mutating call and are needed only for their retention (at least
-- 24 h, REWARDS_IDEMPOTENCY_RETENTION_S): a partitioned table lets the retention job drop whole
-- days instead of deleting rows, and `rewards-core partitions detach` take old days away.
--
-- Existing rows are not copied: the old table becomes the partition for everything before the
-- start of the next UTC day ("legacy", FROM (MINVALUE)), so the migration only builds one index
-- and validates the range. The server creates the day partitions ahead (server/app.py, the
-- partition timer); the default partition catches a row no day partition covers yet.
--
-- A unique constraint on a partitioned table must include the partition key, so the parent has
-- none on (client_id, request_id). One record per request is kept, across every partition, by:
-- - each partition's own unique index on (client_id, request_id), `<partition>_request_key`
--   (made with the partition: here for legacy and default, by the partition timer for the days):
--   two records of one request in one partition, concurrent ones too (the second waits for the
--   first's transaction, as a primary key would);
-- - the trigger below: a record of the request in any other partition refuses the insert with
--   unique_violation under the name idempotency_keys_pkey. Two concurrent inserts into two
--   partitions are possible only across a day boundary (a record's time is its server clock's
--   when it is written, and a write commits within LEDGER_WRITE_DEADLINE_MS): a record dated
--   within an hour of a UTC midnight first takes a transaction-scoped advisory lock on its key,
--   so such inserts run one after the other, and the second sees the first's row (READ
--   COMMITTED: each query of the trigger takes a new snapshot). Elsewhere no lock is taken (a
--   batch of a thousand records would hold a thousand locks).
-- core/adapters/idempotency.py is_record_conflict names both: "this request committed already".

ALTER TABLE idempotency_keys RENAME TO idempotency_keys_legacy;
-- Its primary key becomes the partition's own unique index (one index build).
ALTER TABLE idempotency_keys_legacy DROP CONSTRAINT idempotency_keys_pkey;
CREATE UNIQUE INDEX idempotency_keys_legacy_request_key ON idempotency_keys_legacy (client_id, request_id);
ALTER INDEX idempotency_keys_create_time_idx RENAME TO idempotency_keys_legacy_create_time_idx;

CREATE TABLE idempotency_keys (
    client_id    text        NOT NULL,
    request_id   text        NOT NULL,
    method       text        NOT NULL,
    fingerprint  bytea       NOT NULL,
    outcome      jsonb       NOT NULL,
    create_time  timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (create_time);
CREATE INDEX idempotency_keys_create_time_idx ON idempotency_keys (create_time);
CREATE TABLE idempotency_keys_default PARTITION OF idempotency_keys DEFAULT;
CREATE UNIQUE INDEX idempotency_keys_default_request_key ON idempotency_keys_default (client_id, request_id);

DO $$
DECLARE
    boundary timestamptz := (date_trunc('day', now() AT TIME ZONE 'UTC') + interval '1 day') AT TIME ZONE 'UTC';
BEGIN
    -- A row dated past the boundary (a server clock ahead of Postgres) moves to the new table.
    WITH moved AS (DELETE FROM idempotency_keys_legacy WHERE create_time >= boundary RETURNING *)
    INSERT INTO idempotency_keys (client_id, request_id, method, fingerprint, outcome, create_time)
    SELECT client_id, request_id, method, fingerprint, outcome, create_time FROM moved;
    EXECUTE format('ALTER TABLE idempotency_keys ATTACH PARTITION idempotency_keys_legacy'
                   ' FOR VALUES FROM (MINVALUE) TO (%L)', boundary);
END $$;

CREATE FUNCTION idempotency_keys_lock(client text, request text) RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(1768187245, hashtext(client || ':' || request));  -- 1768187245 = 'idem'
$$;

-- Within an hour of a UTC midnight (either side): where two partitions can take one request's records at once.
CREATE FUNCTION idempotency_keys_near_boundary(at timestamptz) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT (at AT TIME ZONE 'UTC')::time < time '01:00' OR (at AT TIME ZONE 'UTC')::time >= time '23:00';
$$;

CREATE FUNCTION idempotency_keys_one_per_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF idempotency_keys_near_boundary(NEW.create_time) THEN
        PERFORM idempotency_keys_lock(NEW.client_id, NEW.request_id);
    END IF;
    IF EXISTS (SELECT 1 FROM idempotency_keys WHERE client_id = NEW.client_id AND request_id = NEW.request_id) THEN
        RAISE EXCEPTION 'request % of client % has an idempotency record already', NEW.request_id, NEW.client_id
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'idempotency_keys_pkey', TABLE = 'idempotency_keys';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER idempotency_keys_one_per_request BEFORE INSERT ON idempotency_keys
    FOR EACH ROW EXECUTE FUNCTION idempotency_keys_one_per_request();

-- The recovery sweep's fence (core/adapters/idempotency.py IdempotencyStore.fence): an abandoned
-- record for a request that has none; true when it wrote one. ON CONFLICT DO NOTHING cannot do it
-- on the partitioned table (the trigger's refusal is not a conflict of an arbiter index). It
-- always takes the key's lock; the insert waits on the partition's unique index for a concurrent
-- insert into the same partition, whose commit decides (false, or true).
CREATE FUNCTION idempotency_keys_fence(client text, request text, fenced jsonb, at timestamptz)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM idempotency_keys_lock(client, request);
    IF EXISTS (SELECT 1 FROM idempotency_keys WHERE client_id = client AND request_id = request) THEN
        RETURN false;
    END IF;
    INSERT INTO idempotency_keys (client_id, request_id, method, fingerprint, outcome, create_time)
    VALUES (client, request, '', ''::bytea, fenced, at) ON CONFLICT DO NOTHING;
    RETURN FOUND;
END $$;
