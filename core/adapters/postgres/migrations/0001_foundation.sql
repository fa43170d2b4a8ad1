-- Foundation: idempotency records, the Redis fencing epoch, accounts and their identifiers.

-- (client, request_id) -> request fingerprint + the stored response (or final error).
-- Written in the same transaction as the ledger rows of the request it answers.
CREATE TABLE idempotency_keys (
    client_id    text        NOT NULL,
    request_id   text        NOT NULL,
    method       text        NOT NULL,
    fingerprint  bytea       NOT NULL,
    outcome      jsonb       NOT NULL,
    create_time  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, request_id)
);
CREATE INDEX idempotency_keys_create_time_idx ON idempotency_keys (create_time);

-- The Redis generation/epoch: bumped by every rebuild of Redis state from the ledger. Ledger
-- writes carry the epoch they were admitted under (later migrations add the columns).
CREATE TABLE redis_epoch (
    singleton    boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    epoch        bigint      NOT NULL,
    rebuild_time timestamptz NOT NULL DEFAULT now()
);
INSERT INTO redis_epoch (epoch) VALUES (0);

CREATE TABLE accounts (
    account_id   uuid        PRIMARY KEY,
    org_id       text        NOT NULL,
    program_id   text        NOT NULL,
    status       smallint    NOT NULL,
    create_time  timestamptz NOT NULL,
    update_time  timestamptz NOT NULL
);

-- An identifier names one account within one program of one organisation.
CREATE TABLE account_identifiers (
    org_id           text     NOT NULL,
    program_id       text     NOT NULL,
    identifier_type  smallint NOT NULL,
    value            text     NOT NULL,
    account_id       uuid     NOT NULL REFERENCES accounts (account_id),
    CONSTRAINT account_identifiers_unique PRIMARY KEY (org_id, program_id, identifier_type, value)
);
CREATE INDEX account_identifiers_account_idx ON account_identifiers (account_id);
