-- Background jobs (README "Background jobs"): GenerateCodes, ImportCodes and BulkIssueCoupons from a
-- file. One row per job, one job per (client, request_id). A worker claims a runnable job by taking its lease
-- (FOR UPDATE SKIP LOCKED on the rows whose lease is free or past): lease_owner names the
-- worker, lease_until the time another worker may take it over. Every chunk of work commits in
-- one transaction with the job's progress, after locking the job row and checking that this
-- worker still holds the lease and that the progress is the one it started the chunk from: so
-- two workers never commit one chunk twice, and a job resumed after a restart (or a crash, once
-- its lease ran out) goes on from its last committed chunk.
CREATE TABLE jobs (
    job_id           uuid        PRIMARY KEY,
    org_id           text        NOT NULL,
    client_id        text        NOT NULL,
    request_id       text        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('generate_codes', 'import_codes', 'bulk_issue_coupons')),
    state            text        NOT NULL DEFAULT 'queued'
                                 CHECK (state IN ('queued', 'running', 'cancelling', 'succeeded', 'failed',
                                                  'cancelled')),
    -- The job's parameters (its kind's spec) and their digest (a second start with the same
    -- request_id and other parameters is IDEMPOTENCY_KEY_REUSED).
    spec             jsonb       NOT NULL,
    fingerprint      text        NOT NULL,
    total_count      bigint      NOT NULL CHECK (total_count >= 0),
    done_count       bigint      NOT NULL DEFAULT 0 CHECK (done_count >= 0),
    failed_count     bigint      NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    -- Where the next chunk starts, per kind (an import's byte offset and row index).
    cursor           jsonb       NOT NULL DEFAULT '{}',
    error_reason     text        NOT NULL DEFAULT '',
    error_message    text        NOT NULL DEFAULT '',
    lease_owner      text,
    lease_until      timestamptz,
    create_time      timestamptz NOT NULL,
    start_time       timestamptz,
    update_time      timestamptz NOT NULL,
    finish_time      timestamptz,
    -- The time and done_count when the current run started (rate and eta are measured over the run).
    run_start_time   timestamptz,
    run_start_count  bigint      NOT NULL DEFAULT 0,
    UNIQUE (client_id, request_id)
);
CREATE INDEX jobs_runnable ON jobs (create_time) WHERE state IN ('queued', 'running', 'cancelling');
CREATE INDEX jobs_org_list ON jobs (org_id, create_time DESC, job_id DESC);

-- The first rows a job could not process (an import's malformed or duplicate codes), in row order;
-- at most IMPORT_REJECTED_ROWS_MAX per job.
CREATE TABLE job_failures (
    job_id    uuid   NOT NULL REFERENCES jobs (job_id),
    row_index bigint NOT NULL,
    value     text   NOT NULL,
    reason    text   NOT NULL,
    PRIMARY KEY (job_id, row_index)
);
