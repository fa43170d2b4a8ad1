-- Security: API clients, JWT signing keys, rotating refresh tokens.

-- An API client of an organisation. The secret itself is never stored: `secret_hash` is its
-- argon2id hash (checked by IssueToken) and `signing_key` is HMAC-SHA256(secret, "rewards-core
-- request signing v1"), the key of request signatures, which the client derives the same way.
CREATE TABLE api_clients (
    client_id        text        PRIMARY KEY,
    org_id           text        NOT NULL,
    secret_hash      text        NOT NULL,
    signing_key      bytea       NOT NULL,
    scopes           text[]      NOT NULL,
    store_ids        text[]      NOT NULL DEFAULT '{}',
    rate_per_second  integer     NOT NULL CHECK (rate_per_second > 0),
    rate_burst       integer     NOT NULL CHECK (rate_burst > 0),
    create_time      timestamptz NOT NULL DEFAULT now(),
    disable_time     timestamptz
);

-- Access-token signing keys (Ed25519). Exactly one is active; retired keys keep verifying the
-- tokens they signed until those expire.
CREATE TABLE signing_keys (
    kid          text        PRIMARY KEY,
    private_pem  text        NOT NULL,
    public_pem   text        NOT NULL,
    active       boolean     NOT NULL,
    create_time  timestamptz NOT NULL DEFAULT now(),
    retire_time  timestamptz
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (active) WHERE active;

-- Refresh tokens: `<token_id>.<secret>`, only SHA-256 of the secret is kept. Each use rotates
-- the token (status 1 active -> 2 rotated, `replaced_by` the new one, same family); a reuse of
-- a rotated token after the grace window revokes the whole family (status 3). Each row also
-- names the access token issued with it, so that revoking a family denies those tokens' jti.
CREATE TABLE refresh_tokens (
    token_id            text        PRIMARY KEY,
    family_id           text        NOT NULL,
    client_id           text        NOT NULL REFERENCES api_clients (client_id),
    secret_sha256       bytea       NOT NULL,
    status              smallint    NOT NULL,
    access_jti          text        NOT NULL,
    access_expire_time  timestamptz NOT NULL,
    expire_time         timestamptz NOT NULL,
    create_time         timestamptz NOT NULL,
    rotate_time         timestamptz,
    replaced_by         text
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
